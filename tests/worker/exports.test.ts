// Exports: everything as JSON, everything as Markdown in a zip (both streamed), and an EPUB of
// chosen articles with the structure the format requires. Each user exports only their own.
import { unzipSync, strFromU8 } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeEach, describe, expect, it } from 'vitest';
import { Article, type CaptureResponse } from '../../shared/src';
import { articleToMarkdown } from '../../worker/src/lib/markdown';
import { call, callJson, minutesAfterStart, resetStorage, saveCapture, type User } from './helpers';

beforeEach(() => resetStorage());

async function saveSome(as: User = 'alice'): Promise<Article[]> {
  const saved: CaptureResponse[] = [];
  for (const [index, tag] of ['巫山县', '巫溪县', '奉节县'].entries()) saved.push(await saveCapture(`${tag}${as}`, { capturedAt: minutesAfterStart(index) }, as));
  // Newest first, as the exports list them.
  return saved.reverse().flatMap((capture) => capture.articles);
}

async function bytesOf(path: string, as: User = 'alice'): Promise<{ response: Response; bytes: Uint8Array }> {
  const response = await call(path, { as });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

describe('GET /v1/export.json', () => {
  it('holds every article whole, newest first, as a download', async () => {
    const expected = await saveSome();
    const { response, bytes } = await bytesOf('/v1/export.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="baozhai-\d{4}-\d{2}-\d{2}\.json"$/);
    const body = JSON.parse(strFromU8(bytes)) as { articles: unknown[] };
    expect(body.articles.map((article) => Article.parse(article))).toEqual(expected);
  });

  it('is valid JSON with nothing saved', async () => {
    const { bytes } = await bytesOf('/v1/export.json');
    expect(JSON.parse(strFromU8(bytes))).toEqual({ articles: [] });
  });

  it("holds one user's articles only", async () => {
    await saveSome('alice');
    const bobs = await saveSome('bob');
    const { bytes } = await bytesOf('/v1/export.json', 'bob');
    expect((JSON.parse(strFromU8(bytes)) as { articles: Article[] }).articles.map((article) => article.id)).toEqual(bobs.map((article) => article.id));
  });
});

describe('GET /v1/export.zip', () => {
  it('holds one Markdown file per article, as the Markdown export writes it', async () => {
    const expected = await saveSome();
    const { response, bytes } = await bytesOf('/v1/export.zip');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(bytes);
    const names = Object.keys(files);
    expect(names).toHaveLength(expected.length);
    for (const article of expected) {
      const name = names.find((candidate) => candidate.endsWith(` ${article.id}.md`));
      expect(name, article.id).toBeDefined();
      expect(name).not.toMatch(/[/\\:*?"<>|]/);
      expect(strFromU8(files[name!]!)).toBe(articleToMarkdown(article));
    }
  });

  it("holds one user's articles only", async () => {
    await saveSome('alice');
    const bobs = await saveSome('bob');
    const names = Object.keys(unzipSync((await bytesOf('/v1/export.zip', 'bob')).bytes));
    expect(names.map((name) => name.slice(-'0000000000-00000000000000000000-000.md'.length, -3)).sort()).toEqual(bobs.map((article) => article.id).sort());
  });
});

describe('GET /v1/export.epub', () => {
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'itemref', 'rootfile', 'li'].includes(name) });
  const wellFormed = (xml: string) => expect(XMLValidator.validate(xml)).toBe(true);

  it('is an EPUB: mimetype first and stored, a valid container and package document, one page per article', async () => {
    const saved = await saveSome();
    const chosen = [saved[2]!, saved[0]!];
    const { response, bytes } = await bytesOf(`/v1/export.epub?ids=${chosen.map((article) => article.id).join(',')}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/epub+zip');
    // The first local file header: signature, compression method 0 (stored), name "mimetype", its content.
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(8, true)).toBe(0);
    const nameLength = view.getUint16(26, true);
    const extraLength = view.getUint16(28, true);
    expect(strFromU8(bytes.subarray(30, 30 + nameLength))).toBe('mimetype');
    expect(extraLength).toBe(0);
    expect(strFromU8(bytes.subarray(30 + nameLength, 30 + nameLength + 20))).toBe('application/epub+zip');

    const files = unzipSync(bytes);
    const text = (name: string) => strFromU8(files[name]!);
    const container = text('META-INF/container.xml');
    wellFormed(container);
    const rootfiles = parser.parse(container).container.rootfiles.rootfile;
    expect(rootfiles).toHaveLength(1);
    expect(rootfiles[0]['@_media-type']).toBe('application/oebps-package+xml');
    const opfPath: string = rootfiles[0]['@_full-path'];
    const opf = text(opfPath);
    wellFormed(opf);
    const pkg = parser.parse(opf).package;
    expect(pkg['@_version']).toBe('3.0');
    // The unique identifier is there, and so are a title, a language and dcterms:modified.
    expect(pkg.metadata['dc:identifier']['@_id']).toBe(pkg['@_unique-identifier']);
    expect(pkg.metadata['dc:title']).toEqual(expect.any(String));
    expect(pkg.metadata['dc:language']).toBe('zh');
    expect(pkg.metadata.meta['@_property']).toBe('dcterms:modified');
    expect(pkg.metadata.meta['#text']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    // Every manifest item is in the book and well-formed; exactly one is the navigation document.
    const base = opfPath.slice(0, opfPath.lastIndexOf('/') + 1);
    const items: { '@_id': string; '@_href': string; '@_properties'?: string }[] = pkg.manifest.item;
    expect(items.filter((item) => item['@_properties'] === 'nav')).toHaveLength(1);
    for (const item of items) {
      expect(files[base + item['@_href']], item['@_href']).toBeDefined();
      wellFormed(text(base + item['@_href']));
    }
    // The spine reads the chosen articles in the order chosen.
    const spine: string[] = pkg.spine.itemref.map((ref: { '@_idref': string }) => ref['@_idref']);
    const pages = spine.map((id) => text(base + items.find((item) => item['@_id'] === id)!['@_href']));
    expect(pages).toHaveLength(2);
    chosen.forEach((article, index) => {
      expect(pages[index]).toContain(`<h1>${article.title}</h1>`);
      expect(pages[index]).toContain(article.paragraphs[0]!);
    });
    expect(Object.keys(files).sort()).toEqual(['META-INF/container.xml', 'mimetype', opfPath, ...items.map((item) => base + item['@_href'])].sort());
  });

  it.each([
    { case: 'no ids', query: '', status: 400 },
    { case: 'an empty list', query: '?ids=,,', status: 400 },
    { case: 'an unknown id', query: '?ids=2h6qg1dr0b-0123456789abcdef0123-000', status: 404 },
  ])('answers $status to $case', async ({ query, status }) => {
    await saveSome();
    expect((await callJson(`/v1/export.epub${query}`)).status).toBe(status);
  });

  it("refuses another user's article", async () => {
    const alices = await saveSome('alice');
    const reply = await callJson(`/v1/export.epub?ids=${alices[0]!.id}`, { as: 'bob' });
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('not_found');
  });
});

describe('exports need a token', () => {
  it.each(['/v1/export.json', '/v1/export.zip', '/v1/export.epub?ids=x'])('%s answers 401 without one', async (path) => {
    expect((await callJson(path, { as: null })).status).toBe(401);
  });
});
