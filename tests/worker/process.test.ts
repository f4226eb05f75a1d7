import { beforeEach, describe, expect, it } from 'vitest';
import { ProcessResponse } from '../../shared/src';
import { allKeys, call, callJson, newsItem, type CallOptions, resetStorage } from './helpers';

const TWO_MB = 2 * 1024 * 1024;

beforeEach(() => resetStorage());

describe('POST /v1/process', () => {
  it('answers the pipeline result for a JSON body and stores nothing', async () => {
    const input = { text: newsItem('江北区'), url: 'https://example.com/a', capturedAt: '2024-07-30T08:00:00+08:00' };
    const actual = await callJson('/v1/process', { json: input });
    expect(actual.status).toBe(200);
    const result = ProcessResponse.parse(actual.body);
    expect(result.articles.length).toBeGreaterThanOrEqual(1);
    expect(result.stats.inputChars).toBe(input.text.length);
    for (const article of result.articles) {
      expect(article.url).toBe(input.url);
      expect(article.capturedAt).toBe('2024-07-30T00:00:00.000Z');
    }
    expect(await allKeys()).toEqual([]);
  });

  it('takes a text/plain body as the text, with url and title from the query', async () => {
    const input = newsItem('渝中区');
    const actual = await callJson('/v1/process?url=https://example.com/b&title=Page', { text: input });
    expect(actual.status).toBe(200);
    const result = ProcessResponse.parse(actual.body);
    expect(result.stats.inputChars).toBe(input.length);
    expect(result.articles.every((article) => article.url === 'https://example.com/b')).toBe(true);
  });

  it('gives the same articles for the same text as JSON or as text/plain', async () => {
    const text = newsItem('沙坪坝');
    const capturedAt = '2024-07-30T08:00:00.000Z';
    const fromJson = await callJson('/v1/process', { json: { text, capturedAt } });
    const fromText = await callJson(`/v1/process?capturedAt=${capturedAt}`, { text });
    expect(fromText.body).toEqual(fromJson.body);
  });
});

// Both routes that take a body share one parser; every refusal is a 4xx in the error shape.
describe.each(['/v1/process', '/v1/captures'])('request body of POST %s', (path) => {
  it.each<{ case: string; options: CallOptions & { query?: string }; status: number; code: string; field: string }>([
    { case: 'bad JSON', options: { body: '{"text": ', headers: { 'content-type': 'application/json' } }, status: 400, code: 'bad_request', field: 'JSON' },
    { case: 'a JSON array', options: { json: ['text'] }, status: 400, code: 'validation_failed', field: 'body' },
    { case: 'no text', options: { json: { url: 'https://example.com' } }, status: 400, code: 'validation_failed', field: 'text' },
    { case: 'text not a string', options: { json: { text: 42 } }, status: 400, code: 'validation_failed', field: 'text' },
    { case: 'a url that is not http', options: { json: { text: '新闻', url: 'javascript:alert(1)' } }, status: 400, code: 'validation_failed', field: 'url' },
    { case: 'a bad capturedAt', options: { json: { text: '新闻', capturedAt: 'yesterday' } }, status: 400, code: 'validation_failed', field: 'capturedAt' },
    { case: 'an unknown source', options: { json: { text: '新闻', source: 'fax' } }, status: 400, code: 'validation_failed', field: 'source' },
    { case: 'a bad url in the query of a text body', options: { text: '新闻', query: '?url=ftp://x' }, status: 400, code: 'validation_failed', field: 'url' },
    { case: 'bytes that are not UTF-8', options: { body: new Uint8Array([0xe6, 0x96, 0xb0, 0xff]), headers: { 'content-type': 'text/plain' } }, status: 400, code: 'bad_request', field: 'UTF-8' },
    { case: 'empty text', options: { json: { text: '' } }, status: 422, code: 'nothing_to_keep', field: 'nothing' },
    { case: 'only spaces', options: { text: '  \n\t \u3000 ' }, status: 422, code: 'nothing_to_keep', field: 'nothing' },
    { case: 'only punctuation', options: { json: { text: '。，！——……《》' } }, status: 422, code: 'nothing_to_keep', field: 'nothing' },
    { case: 'no content-type', options: { body: new TextEncoder().encode('新闻'), headers: {} }, status: 415, code: 'unsupported_media_type', field: 'content-type' },
    { case: 'form data', options: { body: 'text=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, status: 415, code: 'unsupported_media_type', field: 'content-type' },
    { case: 'a charset other than UTF-8', options: { body: 'a', headers: { 'content-type': 'text/plain; charset=gbk' } }, status: 415, code: 'unsupported_media_type', field: 'charset' },
  ])('answers $status $code for $case', async ({ options, status, code, field }) => {
    const { query = '', ...rest } = options;
    const actual = await callJson(path + query, { method: 'POST', ...rest });
    expect(actual.status).toBe(status);
    expect(actual.body).toEqual({ error: { code, message: expect.stringContaining(field) } });
  });

  it('answers 413 from Content-Length for a body over 2 MB', async () => {
    const input = 'a'.repeat(TWO_MB + 1);
    const actual = await callJson(path, { text: input });
    expect(actual.status).toBe(413);
    expect(actual.body.error.code).toBe('payload_too_large');
  });

  it('answers 413 while streaming a body with no length, without reading it to the end', async () => {
    let sentBytes = 0;
    const chunk = new TextEncoder().encode('新闻'.repeat(10_000));
    // Never ends: only a reader that stops at the limit can answer.
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sentBytes += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const actual = await call(path, { body: endless, headers: { 'content-type': 'text/plain' } });
    expect(actual.status).toBe(413);
    expect(sentBytes).toBeLessThan(TWO_MB * 2);
  });

  it('accepts a body of just under 2 MB', async () => {
    const line = newsItem('北碚区') + '\n';
    const input = line.repeat(Math.floor((TWO_MB - 1000) / new TextEncoder().encode(line).length));
    const actual = await call(path === '/v1/process' ? path : '/v1/process', { text: input });
    expect(actual.status).toBe(200);
  });
});
