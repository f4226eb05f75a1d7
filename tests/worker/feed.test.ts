// The per-user Atom feed at a secret URL: well-formed Atom (checked by a real XML parser), the
// newest 50 articles with their full text, one user's only, and an old secret refused after
// rotation.
import { exports } from 'cloudflare:workers';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeEach, describe, expect, it } from 'vitest';
import { FeedLink } from '../../shared/src';
import { FEED_ARTICLES } from '../../worker/src/routes/feed';
import { callJson, minutesAfterStart, newsItem, resetStorage, saveCapture, type User } from './helpers';

beforeEach(() => resetStorage());

async function feedUrl(as: User = 'alice', path = '/v1/feed', method = 'GET'): Promise<string> {
  const reply = await callJson(path, { as, method });
  expect(reply.status).toBe(200);
  return FeedLink.parse(reply.body).url;
}

/** Fetches the feed as a feed reader would: no token, no cookie. */
const fetchFeed = (url: string) => exports.default.fetch(new Request(url));

interface Entry {
  id: string;
  title: string;
  updated: string;
  content: { '#text': string; '@_type': string };
  summary?: string;
  link?: { '@_href': string };
}

async function readFeed(url: string) {
  const response = await fetchFeed(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' }).parse(xml);
  const feed = parsed.feed;
  expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
  // RFC 4287: a feed has an id, a title and an updated time; so does every entry.
  for (const element of [feed, ...(feed.entry ?? [])]) {
    expect(element.id).toEqual(expect.any(String));
    expect(element.title).toBeDefined();
    expect(Number.isNaN(Date.parse(element.updated))).toBe(false);
  }
  return { xml, feed, entries: (feed.entry ?? []) as Entry[] };
}

describe('GET /v1/feed', () => {
  it('answers a secret URL that stays the same until rotated', async () => {
    const url = await feedUrl();
    expect(url).toMatch(/^http:\/\/baozhai\.test\/feeds\/[A-Za-z0-9_-]{43}\.atom$/);
    expect(await feedUrl()).toBe(url);
    expect(await feedUrl('bob')).not.toBe(url);
  });

  it('needs a token', async () => {
    expect((await callJson('/v1/feed', { as: null })).status).toBe(401);
  });
});

describe('the feed', () => {
  it('is well-formed Atom with every article whole, newest first', async () => {
    const older = await saveCapture('万盛区', { url: 'https://example.com/older', capturedAt: minutesAfterStart(1) });
    const newer = await saveCapture('双桥区', { capturedAt: minutesAfterStart(2) });
    const { entries, feed } = await readFeed(await feedUrl());
    expect(entries.map((entry) => entry.id)).toEqual([...newer.articles, ...older.articles].map((article) => `urn:baozhai:article:${article.id}`));
    expect(entries[0]!.title).toBe(newer.articles[0]!.title);
    expect(entries[1]!.link?.['@_href']).toBe('https://example.com/older');
    // Full text: every paragraph of the article is in its entry's content.
    expect(entries[1]!.content['@_type']).toBe('html');
    for (const paragraph of older.articles[0]!.paragraphs) expect(entries[1]!.content['#text']).toContain(paragraph);
    expect(feed.updated).toBe(newer.articles[0]!.capturedAt);
  });

  it('stays well-formed whatever the text holds', async () => {
    const hostile = `<script>alert("x")</script> & ]]> '引号' \u{1F600}`;
    await saveCapture(hostile, { title: hostile });
    const { entries, xml } = await readFeed(await feedUrl());
    expect(entries).toHaveLength(1);
    // Text, escaped as HTML inside the entry's HTML: it shows as written and never runs.
    expect(entries[0]!.content['#text']).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(xml).not.toContain('<script>');
  });

  it(`holds the newest ${FEED_ARTICLES} articles`, async () => {
    const tags = Array.from({ length: FEED_ARTICLES + 5 }, (_, index) => `第${index + 1}号区`);
    const saved = await callJson('/v1/captures', { json: { text: tags.map(newsItem).join('\n\n') } });
    expect(saved.body.articles.length).toBeGreaterThan(FEED_ARTICLES);
    const { entries } = await readFeed(await feedUrl());
    expect(entries).toHaveLength(FEED_ARTICLES);
  });

  it('is empty, and still valid, before anything was saved', async () => {
    const { entries } = await readFeed(await feedUrl());
    expect(entries).toEqual([]);
  });

  it("holds one user's articles only", async () => {
    const alices = await saveCapture('垫江县', {}, 'alice');
    const bobs = await saveCapture('忠县', {}, 'bob');
    const forBob = await readFeed(await feedUrl('bob'));
    expect(forBob.entries.map((entry) => entry.id)).toEqual(bobs.articles.map((article) => `urn:baozhai:article:${article.id}`));
    expect(forBob.xml).not.toContain('垫江县');
    const forAlice = await readFeed(await feedUrl('alice'));
    expect(forAlice.entries.map((entry) => entry.id)).toEqual(alices.articles.map((article) => `urn:baozhai:article:${article.id}`));
  });

  it('refuses the old secret after rotation, and serves the new one', async () => {
    await saveCapture('丰都县');
    const old = await feedUrl();
    const rotated = await feedUrl('alice', '/v1/feed/rotate', 'POST');
    expect(rotated).not.toBe(old);
    const refused = await fetchFeed(old);
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect((await readFeed(rotated)).entries).toHaveLength(1);
    expect(await feedUrl()).toBe(rotated);
  });

  it.each([
    { case: 'a made-up secret', path: `/feeds/${'A'.repeat(43)}.atom` },
    { case: 'a short secret', path: '/feeds/abc.atom' },
    { case: 'no .atom', path: `/feeds/${'A'.repeat(43)}` },
    { case: 'a path in the secret', path: '/feeds/..%2Fv1%2Fhealth.atom' },
  ])('answers 404 to $case', async ({ path }) => {
    await feedUrl();
    const response = await fetchFeed(`http://baozhai.test${path}`);
    expect(response.status).toBe(404);
  });
});
