import { Validator } from '@cfworker/json-schema';
// The OpenAPI Initiative's JSON Schema for 3.1 documents, as shipped by this validator package.
import openApi31Schema from '@seriousme/openapi-schema-validator/schemas/v3.1/schema.json';
import { beforeEach, describe, expect, it } from 'vitest';
import { app } from '../../worker/src/app';
import { call, callJson, newsItem, saveCapture, resetStorage } from './helpers';

beforeEach(() => resetStorage());

async function getDocument() {
  const reply = await callJson('/openapi.json', { as: null });
  expect(reply.status).toBe(200);
  return reply.body;
}

/** Checks `value` against a component of the served document, resolving its $refs inside the document. */
function conformsTo(document: any, component: string, value: unknown): string[] {
  const schema = { $ref: `#/components/schemas/${component}`, components: document.components };
  const result = new Validator(schema, '2020-12', false).validate(value);
  return result.errors.map((error) => `${error.instanceLocation}: ${error.error}`);
}

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3.1 document served without a token', async () => {
    const actual = await getDocument();
    expect(actual.openapi).toBe('3.1.0');
    expect(actual.info).toEqual({ title: 'Baozhai API', version: expect.any(String), description: expect.any(String) });
    expect(actual.components.securitySchemes.bearer).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
  });

  it("is valid against the OpenAPI Initiative's 3.1 schema", async () => {
    const document = await getDocument();
    const result = new Validator(openApi31Schema as object, '2020-12', false).validate(document);
    expect(result.errors.map((error) => `${error.instanceLocation}: ${error.error}`)).toEqual([]);
  });

  it('would catch an invalid document', () => {
    const result = new Validator(openApi31Schema as object, '2020-12', false).validate({ openapi: '3.1.0', info: { title: 'x' }, paths: { noSlash: {} } });
    expect(result.valid).toBe(false);
  });

  it('describes every route the app serves', async () => {
    const document = await getDocument();
    const expected = app.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}').replace(/\/$/, '')}`);
    const actual = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item as object)
        .filter((key) => key !== 'parameters')
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(new Set(actual)).toEqual(new Set(expected));
  });

  it('resolves every $ref to a component', async () => {
    const document = await getDocument();
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      const name = ref.match(/#\/components\/schemas\/(\w+)/)?.[1];
      expect(name && document.components.schemas[name], ref).toBeTruthy();
    }
  });

  it('has no leftover $id or $schema inside components', async () => {
    const document = await getDocument();
    for (const schema of Object.values(document.components.schemas) as object[]) {
      expect(schema).not.toHaveProperty('$id');
      expect(schema).not.toHaveProperty('$schema');
    }
  });
});

// The document is only worth having if real answers match it.
describe('real answers match the document', () => {
  it.each([
    { case: 'health', request: () => callJson('/v1/health', { as: null }), component: 'Health' },
    { case: 'process', request: () => callJson('/v1/process', { json: { text: newsItem('荣昌区') } }), component: 'ProcessResponse' },
    { case: 'a new capture', request: () => callJson('/v1/captures', { json: { text: newsItem('潼南区'), url: 'https://example.com' } }), component: 'CaptureResponse' },
    { case: 'a 401', request: () => callJson('/v1/articles', { as: null }), component: 'ApiError' },
    { case: 'a 400', request: () => callJson('/v1/articles?limit=0'), component: 'ApiError' },
    { case: 'a 415', request: () => callJson('/v1/captures', { body: new Uint8Array([1]) }), component: 'ApiError' },
  ])('$case is a valid $component', async ({ request, component }) => {
    const document = await getDocument();
    const reply = await request();
    expect(conformsTo(document, component, reply.body)).toEqual([]);
  });

  it('a list page, an article and a capture are valid', async () => {
    const document = await getDocument();
    const saved = await saveCapture('铜梁区', { url: 'https://example.com/t' });
    const list = await callJson('/v1/articles?limit=1');
    const article = await callJson(`/v1/articles/${saved.articles[0]!.id}`);
    const capture = await callJson(`/v1/captures/${saved.capture.id}`);
    expect(conformsTo(document, 'ArticleList', list.body)).toEqual([]);
    expect(conformsTo(document, 'Article', article.body)).toEqual([]);
    expect(conformsTo(document, 'CaptureResponse', capture.body)).toEqual([]);
  });

  it('a search page with snippets, a sign-in and a CSRF refusal are valid', async () => {
    const document = await getDocument();
    await saveCapture('璧山区');
    const search = await callJson(`/v1/articles?q=${encodeURIComponent('璧山区')}`);
    expect(search.body.articles[0].snippet.marks.length).toBeGreaterThan(0);
    expect(conformsTo(document, 'ArticleList', search.body)).toEqual([]);
    const signIn = await call('/v1/session', { as: null, json: { token: 'tok-a' } });
    expect(conformsTo(document, 'Session', await signIn.json())).toEqual([]);
    const cookie = signIn.headers.getAll('set-cookie').map((header) => header.split(';')[0]).join('; ');
    const refused = await callJson('/v1/captures', { as: null, headers: { cookie }, json: { text: newsItem('璧山区') } });
    expect(refused.status).toBe(403);
    expect(conformsTo(document, 'ApiError', refused.body)).toEqual([]);
  });

  it('rejects what does not match, so the checks above can fail', async () => {
    const document = await getDocument();
    expect(conformsTo(document, 'ArticleList', { articles: [{ id: 1 }], cursor: 0 })).not.toEqual([]);
    expect(conformsTo(document, 'CaptureInput', { url: 'https://example.com' })).not.toEqual([]);
    expect(conformsTo(document, 'SearchSnippet', { text: 'x', marks: [[0]] })).not.toEqual([]);
  });

  it('accepts the request bodies the API accepts', async () => {
    const document = await getDocument();
    const input = { text: '新闻', url: 'https://example.com', capturedAt: '2024-07-30T08:00:00+08:00', source: 'pdf' };
    expect(conformsTo(document, 'CaptureInput', input)).toEqual([]);
    expect((await call('/v1/process', { json: input })).status).toBe(200);
  });

  it('describes a captured article with its blocks, and refuses a bad one as the API does', async () => {
    const document = await getDocument();
    const article = { title: 'Title | Site', byline: 'A. Writer', blocks: [{ kind: 'heading', level: 2, text: 'Part one' }, { kind: 'caption', text: 'A photo.', credit: 'AP' }] };
    expect(document.components.schemas.CaptureInput.properties).toHaveProperty('article');
    expect(conformsTo(document, 'CaptureInput', { text: 'Part one. A photo.', article })).toEqual([]);
    const bad = { text: 'x', article: { ...article, blocks: [{ kind: 'sidebar', text: 'x' }] } };
    expect(conformsTo(document, 'CaptureInput', bad)).not.toEqual([]);
    expect((await call('/v1/process', { json: bad })).status).toBe(400);
  });
});
