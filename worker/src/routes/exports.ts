// Exports of the caller's articles: everything as JSON, everything as Markdown files in a zip
// (both streamed, a KV page at a time), and an EPUB of chosen articles.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Article } from '../../../shared/src';
import type { App } from '../context';
import { epubEntries } from '../lib/epub';
import { ApiException, methodNotAllowed } from '../lib/errors';
import { articleToMarkdown } from '../lib/markdown';
import { parseWith } from '../lib/validate';
import { zipStream, type ZipEntry } from '../lib/zip';
import { storeFor } from '../store';

/** Articles one EPUB holds at most (a KV bulk read of 100). */
export const MAX_EPUB_ARTICLES = 100;

const EpubQuery = z.object({
  ids: z
    .string()
    .min(1, 'ids lists the articles to put in the book, comma-separated')
    .transform((value) => [...new Set(value.split(',').map((id) => id.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(64)).min(1).max(MAX_EPUB_ARTICLES)),
});

const store = (c: Context<App>) => storeFor(c.env, c.get('user'));
const encoder = new TextEncoder();
const day = () => new Date().toISOString().slice(0, 10);
const attachment = (name: string) => `attachment; filename="${name}"`;

/** A file name from the article's date, title and id: readable, unique, safe on any system. */
export function markdownFileName(article: Article): string {
  const title = article.title.replace(/[\u0000-\u001f\u007f/\\:*?"<>|#%]+/g, ' ').replace(/\s+/g, ' ').trim();
  const short = [...title].slice(0, 40).join('').trim() || 'article';
  return `${article.capturedAt.slice(0, 10)} ${short} ${article.id}.md`;
}

export const exportsRouter = new Hono<App>()
  .get('/export.json', (c) => {
    const articles = store(c).allArticles();
    let first = true;
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(encoder.encode('{"articles":['));
      },
      async pull(controller) {
        // One article per pull, a comma before all but the first.
        const next = await articles.next();
        if (next.done) {
          controller.enqueue(encoder.encode(']}\n'));
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode((first ? '' : ',') + JSON.stringify(next.value)));
        first = false;
      },
    });
    return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': attachment(`baozhai-${day()}.json`) });
  })
  .all('/export.json', methodNotAllowed(['GET']))
  .get('/export.zip', (c) => {
    const articles = store(c).allArticles();
    async function* files(): AsyncGenerator<ZipEntry> {
      for await (const article of articles) yield { name: markdownFileName(article), data: articleToMarkdown(article) };
    }
    return c.body(zipStream(files()), 200, { 'Content-Type': 'application/zip', 'Content-Disposition': attachment(`baozhai-${day()}.zip`) });
  })
  .all('/export.zip', methodNotAllowed(['GET']))
  .get('/export.epub', async (c) => {
    const { ids } = parseWith(EpubQuery, c.req.query());
    const articles = await store(c).articlesById(ids);
    if (articles.length !== ids.length) throw new ApiException(404, 'not_found', `${ids.length - articles.length} of the ids are not articles of yours`);
    const entries = epubEntries(articles, {
      identifier: `urn:baozhai:book:${c.get('user')}:${ids.join(',')}`,
      title: articles.length === 1 ? articles[0]!.title : `Baozhai ${day()} (${articles.length})`,
      modified: new Date(),
    });
    async function* files(): AsyncGenerator<ZipEntry> {
      yield* entries;
    }
    return c.body(zipStream(files()), 200, { 'Content-Type': 'application/epub+zip', 'Content-Disposition': attachment(`baozhai-${day()}.epub`) });
  })
  .all('/export.epub', methodNotAllowed(['GET']));
