// The store's pure parts: key order, metadata that always fits KV's 1,024 bytes, cursors.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../worker/src/store/cursor';
import { articleIdFor, captureIdFor, invertedTime, isArticleId, normalizeForHash } from '../../worker/src/store/ids';
import { listMetadata, METADATA_MAX_BYTES, metadataBytes, truncateForJson } from '../../worker/src/store/metadata';

const article = (fields: Partial<{ title: string; summary: string; url: string; keywords: string[] }>) => ({
  title: '标题',
  summary: '摘要',
  capturedAt: '2024-07-30T08:00:00.000Z',
  keywords: [],
  ...fields,
});

describe('invertedTime', () => {
  it('sorts later times first as plain strings', () => {
    const input = ['1999-12-31T23:59:59.999Z', '2024-07-30T08:00:00.000Z', '2024-07-30T08:00:00.001Z', '2100-01-01T00:00:00Z'];
    const actual = input.map(invertedTime);
    expect([...actual].sort()).toEqual([...actual].reverse());
    expect(new Set(actual.map((value) => value.length))).toEqual(new Set([10]));
  });

  it.each(['0000-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', 'not a time'])('keeps the fixed width for %s', (input) => {
    expect(invertedTime(input)).toMatch(/^[0-9a-z]{10}$/);
  });
});

describe('ids', () => {
  it('derives the capture id from user, url and text, ignoring line endings and trailing spaces', async () => {
    const expected = await captureIdFor('alice', '第一行\n第二行', 'https://a.example');
    expect(await captureIdFor('alice', '第一行  \r\n第二行\n', 'https://a.example')).toBe(expected);
    expect(await captureIdFor('bob', '第一行\n第二行', 'https://a.example')).not.toBe(expected);
    expect(await captureIdFor('alice', '第一行\n第二行', undefined)).not.toBe(expected);
    expect(await captureIdFor('alice', '第一行\n第三行', 'https://a.example')).not.toBe(expected);
  });

  it('normalizes composed and decomposed forms alike', () => {
    expect(normalizeForHash('Cafe\u0301')).toBe(normalizeForHash('Café'));
  });

  it('keeps a capture\'s articles in their printed order', () => {
    const input = Array.from({ length: 40 }, (_, index) => articleIdFor('0123456789abcdef0123', '2024-07-30T08:00:00Z', index));
    expect([...input].sort()).toEqual(input);
    expect(input.every(isArticleId)).toBe(true);
  });
});

describe('truncateForJson', () => {
  it.each([
    { case: 'ASCII', input: 'a'.repeat(50), maxBytes: 10 },
    { case: 'CJK (3 bytes each)', input: '新闻'.repeat(30), maxBytes: 20 },
    { case: 'astral emoji (surrogate pairs)', input: '😀'.repeat(30), maxBytes: 21 },
    { case: 'quotes and backslashes (escaped in JSON)', input: '"\\'.repeat(30), maxBytes: 15 },
    { case: 'control characters (\\u escapes)', input: '\u0001'.repeat(30), maxBytes: 20 },
  ])('fits $case into the budget, cut between code points, with …', ({ input, maxBytes }) => {
    const actual = truncateForJson(input, maxBytes);
    expect(new TextEncoder().encode(JSON.stringify(actual)).length - 2).toBeLessThanOrEqual(maxBytes);
    expect(actual.endsWith('…')).toBe(true);
    expect(input.startsWith(actual.slice(0, -1))).toBe(true);
    expect(actual).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('leaves a string that fits alone', () => {
    expect(truncateForJson('短标题', 100)).toBe('短标题');
  });
});

describe('listMetadata', () => {
  it('keeps everything when it fits', () => {
    const input = article({ url: 'https://example.com/a', keywords: ['改革', '政协'] });
    expect(listMetadata(input)).toEqual({ t: '标题', s: '摘要', c: input.capturedAt, u: input.url, k: ['改革', '政协'] });
  });

  it.each([
    { case: 'a huge CJK summary', input: article({ summary: '这是一段很长的摘要。'.repeat(500) }) },
    { case: 'a huge title and summary', input: article({ title: '长'.repeat(1000), summary: '长'.repeat(1000) }) },
    { case: 'many keywords', input: article({ keywords: Array.from({ length: 200 }, (_, i) => `关键词${i}`) }) },
    { case: 'a long url', input: article({ url: `https://example.com/${'x'.repeat(2000)}` }) },
    { case: 'escapes everywhere', input: article({ title: '"\\\u0001'.repeat(300), summary: '"\\\u0001'.repeat(300), keywords: ['"\\'.repeat(100)] }) },
  ])('stays within 1,024 bytes for $case, and KV accepts it', async ({ input }) => {
    const actual = listMetadata(input);
    expect(metadataBytes(actual)).toBeLessThanOrEqual(METADATA_MAX_BYTES);
    expect(actual.t.length).toBeGreaterThan(0);
    expect(actual.c).toBe(input.capturedAt);
    await env.ARTICLES.put('metadata-probe', '1', { metadata: actual });
  });

  it('gives the summary the room the other fields leave', () => {
    const actual = listMetadata(article({ summary: '摘'.repeat(1000) }));
    expect(metadataBytes(actual)).toBeGreaterThan(METADATA_MAX_BYTES - 10);
  });

  it('drops a url too long to fit rather than cutting it', () => {
    const actual = listMetadata(article({ url: `https://example.com/${'x'.repeat(400)}` }));
    expect(actual.u).toBeUndefined();
  });
});

describe('cursor', () => {
  it.each([{ s: 0 }, { c: 'kv-cursor', s: 0 }, { c: 'kv/cursor+==', s: 999 }])('round-trips %o', (input) => {
    expect(decodeCursor(encodeCursor(input))).toEqual(input);
  });

  it.each(['', '!!', encodeCursor({ s: 0 }) + '=', btoa('[]'), btoa('{"s":1001}').replace(/=+$/, ''), btoa('{"s":0,"x":1}').replace(/=+$/, '')])('refuses %j', (input) => {
    expect(() => decodeCursor(input)).toThrow(/cursor/);
  });
});
