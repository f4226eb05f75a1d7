// Whatever a client sends, the answer is a 4xx in the error shape (or a success), never a 500.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/src';
import { call, type CallOptions } from './helpers';

describe('hostile input', () => {
  it.each<{ case: string; path: string; options?: CallOptions }>([
    { case: 'a broken percent-escape in an article id', path: '/v1/articles/%E0%A4%A' },
    { case: 'a broken percent-escape in a capture id', path: '/v1/captures/%ZZ', options: { method: 'DELETE' } },
    { case: 'a broken percent-escape in q', path: '/v1/articles?q=%E0%A4%A' },
    { case: 'a broken percent-escape in the cursor', path: '/v1/articles?cursor=%' },
    { case: 'a repeated limit', path: '/v1/articles?limit=1&limit=2' },
    { case: 'a huge limit', path: `/v1/articles?limit=${'9'.repeat(400)}` },
    { case: 'JSON null', path: '/v1/captures', options: { json: null } },
    { case: 'a JSON string', path: '/v1/captures', options: { json: 'text' } },
    { case: 'deeply nested JSON', path: '/v1/process', options: { body: '['.repeat(5000) + ']'.repeat(5000), headers: { 'content-type': 'application/json' } } },
    { case: 'a __proto__ key', path: '/v1/process', options: { body: '{"__proto__":{"text":"x"}}', headers: { 'content-type': 'application/json' } } },
    { case: 'text as an object', path: '/v1/process', options: { json: { text: { toString: 'x' } } } },
    { case: 'a content-type with odd parameters', path: '/v1/process', options: { body: 'a', headers: { 'content-type': 'text/plain;;;charset' } } },
    { case: 'lone surrogates in the text', path: '/v1/process', options: { json: { text: 'a\uD800b\uDFFF' } } },
    { case: 'NUL characters in the text', path: '/v1/captures', options: { json: { text: '新\u0000闻\u0000标题\n正文内容\u0000' } } },
    { case: 'a title far too long', path: '/v1/process', options: { json: { text: '新闻', title: 't'.repeat(10_000) } } },
    { case: 'a bearer token with spaces around it', path: '/v1/articles', options: { as: null, headers: { authorization: '  Bearer   tok-a  ' } } },
    { case: 'a very long token', path: '/v1/articles', options: { as: null, headers: { authorization: `Bearer ${'x'.repeat(100_000)}` } } },
  ])('answers without a 5xx for $case', async ({ path, options }) => {
    const response = await call(path, options);
    expect(response.status).toBeLessThan(500);
    if (response.status >= 400) expect(ApiError.safeParse(await response.json()).success).toBe(true);
  });
});
