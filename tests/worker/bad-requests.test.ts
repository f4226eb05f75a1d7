// Every kind of bad request a client on the open internet can send, through HTTP in workerd, with
// the exact status and error code the API promises for it (README: "What the service promises").
// A few hostile shapes are accepted on purpose (unknown fields, NUL bytes, HTML, lone surrogates);
// their rows say so. No error body may echo the token or the text that was sent.
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError, MAX_TEXT_CHARS } from '../../shared/src';
import { MAX_BODY_BYTES } from '../../worker/src/lib/validate';
import { call, newsItem, saveCapture, TOKENS, type CallOptions, resetStorage } from './helpers';

/** In every text sent below, so an error body that echoes the text is caught. */
const MARK = '机密标记Qx7';
const story = `${MARK}\n${newsItem('永川区')}`;
/** A story of its own for each row that saves one, so no row is answered by an earlier row's save. */
const storyOf = (tag: string) => `${MARK}\n${newsItem(tag)}`;
const WRONG_TOKEN = 'tok-wrong-7f3a9c';

const json = (value: unknown): CallOptions => ({ json: value });
const raw = (body: BodyInit | undefined, contentType?: string): CallOptions => ({
  body,
  headers: contentType === undefined ? {} : { 'content-type': contentType },
});
const bytes = (...values: number[]) => new Uint8Array(values);
const withToken = (authorization: string): CallOptions => ({ as: null, headers: { authorization } });

/**
 * A body that would produce `totalBytes` if read to the end, counting what was pulled from it:
 * the server must refuse it after about MAX_BODY_BYTES, never read all of it.
 */
function endlessBody(totalBytes: number) {
  const chunk = new TextEncoder().encode('新'.repeat(20_000)); // 60 KB
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= totalBytes) return controller.close();
      pulled += chunk.byteLength;
      controller.enqueue(chunk.slice());
    },
  });
  return { stream, pulled: () => pulled };
}

let aliceArticleId = '';
let aliceCaptureId = '';
let bigBody: ReturnType<typeof endlessBody>;

interface BadRequest {
  case: string;
  method?: string;
  path: string;
  options: () => CallOptions;
  status: number;
  /** The error code; absent for the hostile shapes the API accepts. */
  code?: string;
  /** The field a validation message must name. */
  field?: string;
  /** A further check on the answer. */
  then?: (response: Response, body: any) => void;
}

const CAPTURES = '/v1/captures';
const PROCESS = '/v1/process';

const table: BadRequest[] = [
  // The body: missing, not JSON, not an object, the wrong types.
  { case: 'no body and no content type', path: CAPTURES, options: () => ({ method: 'POST' }), status: 400, code: 'bad_request' },
  { case: 'a JSON content type and no body', path: CAPTURES, options: () => ({ method: 'POST', headers: { 'content-type': 'application/json' } }), status: 400, code: 'bad_request' },
  { case: 'invalid JSON', path: CAPTURES, options: () => raw(`{"text": "${MARK}"`, 'application/json'), status: 400, code: 'bad_request' },
  { case: 'a JSON array', path: CAPTURES, options: () => json([{ text: story }]), status: 400, code: 'validation_failed', field: 'body' },
  { case: 'JSON null', path: PROCESS, options: () => json(null), status: 400, code: 'validation_failed', field: 'body' },
  { case: 'text as a number', path: CAPTURES, options: () => json({ text: 42 }), status: 400, code: 'validation_failed', field: 'text' },
  { case: 'text missing', path: CAPTURES, options: () => json({ url: 'https://example.com/' }), status: 400, code: 'validation_failed', field: 'text' },
  { case: 'url as an array', path: CAPTURES, options: () => json({ text: story, url: ['https://example.com/'] }), status: 400, code: 'validation_failed', field: 'url' },
  { case: 'source not one of page, selection, pdf, paste', path: CAPTURES, options: () => json({ text: story, source: 'email' }), status: 400, code: 'validation_failed', field: 'source' },
  { case: 'lang of one letter', path: CAPTURES, options: () => json({ text: story, lang: 'z' }), status: 400, code: 'validation_failed', field: 'lang' },
  // Unknown fields are ignored (an older or newer extension may send more than this API knows).
  { case: 'unknown fields (ignored)', path: CAPTURES, options: () => json({ text: storyOf('璧山区'), colour: 'red', admin: true, user: 'bob' }), status: 201, then: (_r, body) => expect(body.capture).not.toHaveProperty('colour') },
  // The text: nothing to keep, too long, too big, hostile characters and shapes.
  { case: 'empty text', path: CAPTURES, options: () => json({ text: '' }), status: 422, code: 'nothing_to_keep' },
  { case: 'an empty text/plain body', path: CAPTURES, options: () => raw('', 'text/plain'), status: 422, code: 'nothing_to_keep' },
  { case: 'text of only spaces', path: CAPTURES, options: () => json({ text: ' \u3000\t\n  \n' }), status: 422, code: 'nothing_to_keep' },
  { case: 'text of only punctuation', path: CAPTURES, options: () => json({ text: '。，！——……“”《》?!...' }), status: 422, code: 'nothing_to_keep' },
  { case: 'text over the character limit', path: PROCESS, options: () => json({ text: `${MARK}${'a'.repeat(MAX_TEXT_CHARS)}` }), status: 400, code: 'validation_failed', field: 'text' },
  { case: 'a declared body over 2 MB', path: CAPTURES, options: () => raw('x'.repeat(MAX_BODY_BYTES + 1), 'text/plain'), status: 413, code: 'payload_too_large' },
  {
    case: 'a streamed 50 MB body with no length (refused without reading it all)',
    path: CAPTURES,
    options: () => ({ method: 'POST', body: bigBody.stream, headers: { 'content-type': 'text/plain' } }),
    status: 413,
    code: 'payload_too_large',
    // The reader stops within a chunk or two of the limit (about 2.1 MB of the 50 MB here).
    then: () => expect(bigBody.pulled()).toBeLessThan(MAX_BODY_BYTES + 512 * 1024),
  },
  { case: 'a form body', path: CAPTURES, options: () => raw(`text=${MARK}`, 'application/x-www-form-urlencoded'), status: 415, code: 'unsupported_media_type' },
  { case: 'an HTML content type', path: CAPTURES, options: () => raw(`<p>${MARK}</p>`, 'text/html'), status: 415, code: 'unsupported_media_type' },
  { case: 'a body with no content type', path: CAPTURES, options: () => raw(new TextEncoder().encode(story)), status: 415, code: 'unsupported_media_type' },
  { case: 'a charset other than UTF-8', path: CAPTURES, options: () => raw(story, 'text/plain; charset=gb2312'), status: 415, code: 'unsupported_media_type' },
  { case: 'a text body that is not UTF-8', path: CAPTURES, options: () => raw(bytes(0xd0, 0xc2, 0xce, 0xc5, 0xff, 0xfe), 'text/plain'), status: 400, code: 'bad_request' },
  { case: 'a JSON body that is not UTF-8', path: CAPTURES, options: () => raw(bytes(0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d), 'application/json'), status: 400, code: 'bad_request' },
  // Accepted: lone surrogates, NUL and control characters carry no text and are dropped by the pipeline.
  { case: 'lone surrogates in the text (accepted, dropped)', path: CAPTURES, options: () => json({ text: `\ud800${storyOf('江津区')}\udfff` }), status: 201, then: (_r, body) => expect(JSON.stringify(body)).not.toMatch(/\\ud[89a-f]/i) },
  { case: 'NUL bytes in the text (accepted, dropped)', path: CAPTURES, options: () => json({ text: storyOf('綦江区').replace(/区/g, '区\u0000') }), status: 201, then: (_r, body) => expect(JSON.stringify(body)).not.toContain('\\u0000') },
  { case: 'control characters in the text (accepted, dropped)', path: CAPTURES, options: () => json({ text: `\u001b[31m${storyOf('大足区')}\u0007\u0008\u007f` }), status: 201, then: (_r, body) => expect(JSON.stringify(body)).not.toMatch(/\\u00(0[0-8]|1b|7f)/) },
  { case: 'text of only NUL and control characters', path: CAPTURES, options: () => json({ text: '\u0000\u0001\u001b\u007f\u0000' }), status: 422, code: 'nothing_to_keep' },
  { case: 'a 1 MB single line', path: PROCESS, options: () => json({ text: '新闻报道'.repeat(87_000) }), status: 200, then: (_r, body) => expect(body.articles.length).toBeGreaterThan(0) },
  { case: '100,000 empty lines', path: CAPTURES, options: () => raw('\n'.repeat(100_000), 'text/plain'), status: 422, code: 'nothing_to_keep' },
  { case: '100,000 empty lines around a story', path: CAPTURES, options: () => raw(`${'\n'.repeat(50_000)}${storyOf('荣昌区')}${'\r\n'.repeat(50_000)}`, 'text/plain'), status: 201 },
  // HTML sent as text is kept as text: the tags are characters, never markup.
  { case: 'HTML instead of text (kept as text)', path: PROCESS, options: () => json({ text: `<html><body><h1>${MARK}</h1><p onclick="x()">${newsItem('合川区')}<script>alert(1)</script></p></body></html>` }), status: 200, then: (_r, body) => expect(JSON.stringify(body.articles)).toContain('<script>') },
  // The other fields.
  { case: 'a javascript: url', path: CAPTURES, options: () => json({ text: story, url: 'javascript:alert(document.cookie)' }), status: 400, code: 'validation_failed', field: 'url' },
  { case: 'a data: url', path: CAPTURES, options: () => json({ text: story, url: 'data:text/html,<script>alert(1)</script>' }), status: 400, code: 'validation_failed', field: 'url' },
  { case: 'a url that is not a url', path: CAPTURES, options: () => json({ text: story, url: 'not a url' }), status: 400, code: 'validation_failed', field: 'url' },
  { case: 'a url in the query of a text body', path: `${CAPTURES}?url=javascript:alert(1)`, options: () => raw(story, 'text/plain'), status: 400, code: 'validation_failed', field: 'url' },
  { case: 'a 10 KB title', path: CAPTURES, options: () => json({ text: story, title: '标'.repeat(10_000) }), status: 400, code: 'validation_failed', field: 'title' },
  { case: 'capturedAt that is not a date', path: CAPTURES, options: () => json({ text: story, capturedAt: 'yesterday' }), status: 400, code: 'validation_failed', field: 'capturedAt' },
  { case: 'capturedAt as a number', path: CAPTURES, options: () => json({ text: story, capturedAt: 1722326400000 }), status: 400, code: 'validation_failed', field: 'capturedAt' },
  { case: 'capturedAt on the 45th of the 13th month', path: CAPTURES, options: () => json({ text: story, capturedAt: '2024-13-45T00:00:00Z' }), status: 400, code: 'validation_failed', field: 'capturedAt' },
  // Listing: cursor, limit, q.
  { case: 'a cursor that is not base64url', path: '/v1/articles?cursor=not%20a%20cursor!', options: () => ({}), status: 400, code: 'bad_request' },
  { case: 'a base64url cursor of garbage', path: `/v1/articles?cursor=${btoa('{"s":-1}').replace(/=+$/, '')}`, options: () => ({}), status: 400, code: 'bad_request' },
  { case: 'an oversized cursor', path: `/v1/articles?cursor=${'A'.repeat(3000)}`, options: () => ({}), status: 400, code: 'validation_failed', field: 'cursor' },
  { case: 'limit 0', path: '/v1/articles?limit=0', options: () => ({}), status: 400, code: 'validation_failed', field: 'limit' },
  { case: 'limit -1', path: '/v1/articles?limit=-1', options: () => ({}), status: 400, code: 'validation_failed', field: 'limit' },
  { case: 'limit 10000', path: '/v1/articles?limit=10000', options: () => ({}), status: 400, code: 'validation_failed', field: 'limit' },
  { case: 'limit 2.5', path: '/v1/articles?limit=2.5', options: () => ({}), status: 400, code: 'validation_failed', field: 'limit' },
  { case: 'a q of 300 characters', path: `/v1/articles?q=${'新'.repeat(300)}`, options: () => ({}), status: 400, code: 'validation_failed', field: 'q' },
  { case: 'an unknown export format', path: '/v1/articles/ARTICLE?format=pdf', options: () => ({}), status: 400, code: 'validation_failed', field: 'format' },
  // Ids.
  { case: 'an article id with /', path: '/v1/articles/ARTICLE/x', options: () => ({}), status: 404, code: 'not_found' },
  { case: 'an article id with an encoded /', path: '/v1/articles/..%2Fc%2FCAPTURE', options: () => ({}), status: 404, code: 'not_found' },
  { case: 'a capture id of ..', path: '/v1/captures/%2E%2E', options: () => ({}), status: 404, code: 'not_found' },
  { case: 'a capture id with ../ before a real one', path: '/v1/captures/..%2FCAPTURE', options: () => ({ method: 'DELETE' }), status: 404, code: 'not_found' },
  { case: 'an article id with %00', path: '/v1/articles/ARTICLE%00', options: () => ({}), status: 404, code: 'not_found' },
  { case: 'a capture id with %00', path: '/v1/captures/%00CAPTURE', options: () => ({ method: 'DELETE' }), status: 404, code: 'not_found' },
  { case: 'an article id of 600 characters', path: `/v1/articles/${'a'.repeat(600)}`, options: () => ({}), status: 404, code: 'not_found' },
  { case: 'a capture id of 600 characters', path: `/v1/captures/${'0'.repeat(600)}`, options: () => ({ method: 'DELETE' }), status: 404, code: 'not_found' },
  { case: 'an unknown route', path: '/v1/secrets', options: () => ({}), status: 404, code: 'not_found' },
  // Methods.
  { case: 'PUT on captures', path: CAPTURES, options: () => ({ method: 'PUT', ...json({ text: story }) }), status: 405, code: 'method_not_allowed', then: (r) => expect(r.headers.get('allow')).toBe('POST') },
  { case: 'GET on process', path: PROCESS, options: () => ({ method: 'GET' }), status: 405, code: 'method_not_allowed', then: (r) => expect(r.headers.get('allow')).toBe('POST') },
  { case: 'POST on the article list', path: '/v1/articles', options: () => json({ text: story }), status: 405, code: 'method_not_allowed', then: (r) => expect(r.headers.get('allow')).toBe('GET') },
  { case: 'PATCH on an article', path: '/v1/articles/ARTICLE', options: () => ({ method: 'PATCH', ...json({ title: 'x' }) }), status: 405, code: 'method_not_allowed', then: (r) => expect(r.headers.get('allow')).toBe('GET, DELETE') },
  { case: 'POST on a capture', path: '/v1/captures/CAPTURE', options: () => json({ text: story }), status: 405, code: 'method_not_allowed' },
  { case: 'DELETE on health', path: '/v1/health', options: () => ({ method: 'DELETE' }), status: 405, code: 'method_not_allowed' },
  // Tokens.
  { case: 'no token', path: '/v1/articles', options: () => ({ as: null }), status: 401, code: 'unauthorized', then: (r) => expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/) },
  { case: 'no token on a capture', path: CAPTURES, options: () => ({ as: null, ...json({ text: story }) }), status: 401, code: 'unauthorized' },
  { case: 'a Basic credential', path: '/v1/articles', options: () => withToken(`Basic ${btoa(`alice:${TOKENS.alice}`)}`), status: 401, code: 'unauthorized' },
  { case: 'Bearer with no token', path: '/v1/articles', options: () => withToken('Bearer '), status: 401, code: 'unauthorized' },
  { case: 'a token with a space inside', path: '/v1/articles', options: () => withToken(`Bearer ${TOKENS.alice} ${TOKENS.bob}`), status: 401, code: 'unauthorized' },
  { case: 'a token with a comma list', path: '/v1/articles', options: () => withToken(`Bearer ${TOKENS.alice},${TOKENS.bob}`), status: 401, code: 'unauthorized' },
  { case: 'a user:token pair as the token', path: '/v1/articles', options: () => withToken(`Bearer alice:${TOKENS.alice}`), status: 401, code: 'unauthorized' },
  { case: 'an unknown token', path: '/v1/articles', options: () => withToken(`Bearer ${WRONG_TOKEN}`), status: 401, code: 'unauthorized' },
  { case: "another user's token on an article", path: '/v1/articles/ARTICLE', options: () => ({ as: 'bob' }), status: 404, code: 'not_found' },
  { case: "another user's token deleting a capture", path: '/v1/captures/CAPTURE', options: () => ({ as: 'bob', method: 'DELETE' }), status: 404, code: 'not_found' },
];

beforeAll(async () => {
  await resetStorage();
  const saved = await saveCapture('铜梁区');
  aliceCaptureId = saved.capture.id;
  aliceArticleId = saved.articles[0]!.id;
});

describe('bad requests', () => {
  it('covers at least 30 cases', () => {
    expect(table.length).toBeGreaterThanOrEqual(30);
  });

  it.each(table)('$case → $status $code', async (row) => {
    if (row.case.includes('streamed')) bigBody = endlessBody(50 * 1024 * 1024);
    const path = row.path.replace('ARTICLE', aliceArticleId).replace('CAPTURE', aliceCaptureId);
    const response = await call(path, row.options());
    const text = await response.text();
    expect(response.status, text.slice(0, 300)).toBe(row.status);
    const body = text ? JSON.parse(text) : undefined;
    if (row.code) {
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(ApiError.parse(body).error.code).toBe(row.code);
      if (row.field) expect(body.error.message).toContain(row.field);
      // The error never repeats what was sent: not the token, not the text.
      for (const secret of [TOKENS.alice, TOKENS.bob, WRONG_TOKEN, MARK, '新闻报道新闻报道', '标标标标']) expect(text).not.toContain(secret);
    }
    row.then?.(response, body);
  });
});
