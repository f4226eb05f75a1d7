import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { App } from '../context';
import { ApiException, methodNotAllowed, notFoundError } from '../lib/errors';
import { articleToMarkdown } from '../lib/markdown';
import { parseWith } from '../lib/validate';
import { storeFor } from '../store';

export const ListQuery = z.object({
  limit: z
    .string()
    .regex(/^\d{1,3}$/, 'limit must be a whole number from 1 to 100')
    .transform(Number)
    .pipe(z.number().int().min(1).max(100))
    .default(20),
  cursor: z.string().min(1).max(2048).optional(),
  q: z.string().max(200).optional(),
});

const ArticleQuery = z.object({ format: z.enum(['json', 'markdown']).default('json') });

const store = (c: Context<App>) => storeFor(c.env, c.get('user'));

export const articlesRouter = new Hono<App>()
  .get('/', async (c) => {
    const { limit, cursor, q } = parseWith(ListQuery, c.req.query());
    const query = q?.trim();
    // With q, a full-text search (best match first, with snippets); without, the newest first.
    const list = query ? await store(c).searchArticles({ limit, cursor, q: query }) : await store(c).listArticles({ limit, cursor });
    return c.json(list, 200);
  })
  .all('/', methodNotAllowed(['GET']))
  .get('/:id', async (c) => {
    const { format } = parseWith(ArticleQuery, c.req.query());
    const article = await store(c).getArticle(c.req.param('id'));
    if (!article) throw notFoundError('article');
    if (format === 'markdown') return c.body(articleToMarkdown(article), 200, { 'Content-Type': 'text/markdown; charset=utf-8' });
    return c.json(article, 200);
  })
  .delete('/:id', async (c) => {
    if (!(await store(c).deleteArticle(c.req.param('id')))) throw notFoundError('article');
    return c.body(null, 204);
  })
  .all('/:id', methodNotAllowed(['GET', 'DELETE']))
  // Undo of a delete: within TOMBSTONE_SECONDS of it, the article comes back under its id.
  .post('/:id/restore', async (c) => {
    const article = await store(c).restoreArticle(c.req.param('id'));
    if (!article) throw new ApiException(404, 'not_found', 'article not found, or deleted too long ago to restore');
    return c.json(article, 200);
  })
  .all('/:id/restore', methodNotAllowed(['POST']));
