// The per-user Atom feed: /v1/feed answers its secret URL (signed in), /v1/feed/rotate makes a
// new one (the old URL answers 404 from then on), /feeds/<secret>.atom serves it to feed
// readers, which cannot sign in: the secret is the credential.
import { Hono, type Context } from 'hono';
import type { FeedLink } from '../../../shared/src';
import type { App } from '../context';
import { articlesToAtom } from '../lib/atom';
import { methodNotAllowed, notFoundError } from '../lib/errors';
import { storeFor } from '../store';
import { feedOwner, feedSecret, rotateFeedSecret } from '../store/feed';

/** Articles in the feed: the newest. */
export const FEED_ARTICLES = 50;

const feedUrl = (c: Context<App>, secret: string) => `${new URL(c.req.url).origin}/feeds/${secret}.atom`;

export const feedLinkRouter = new Hono<App>()
  .get('/', async (c) => c.json({ url: feedUrl(c, await feedSecret(c.env.ARTICLES, c.get('user'))) } satisfies FeedLink, 200))
  .all('/', methodNotAllowed(['GET']))
  .post('/rotate', async (c) => c.json({ url: feedUrl(c, await rotateFeedSecret(c.env.ARTICLES, c.get('user'))) } satisfies FeedLink, 200))
  .all('/rotate', methodNotAllowed(['POST']));

export const feedsRouter = new Hono<App>()
  .get('/:file', async (c) => {
    const secret = /^(.+)\.atom$/.exec(c.req.param('file'))?.[1] ?? '';
    const user = await feedOwner(c.env.ARTICLES, secret);
    if (!user) throw notFoundError('feed');
    const articles = await storeFor(c.env, user).latestArticles(FEED_ARTICLES);
    const xml = articlesToAtom(articles, { selfUrl: feedUrl(c, secret), user, now: new Date().toISOString() });
    // The URL is the credential: keep it out of shared caches and referrers.
    return c.body(xml, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'private, max-age=300', 'Referrer-Policy': 'no-referrer' });
  })
  .all('/:file', methodNotAllowed(['GET']));
