// The per-user Atom feed's secret. The feed URL holds a random secret; KV maps the secret's
// SHA-256 to its user, so the feed is found without auth and nothing else is. Rotating writes
// a new secret, then removes the old one's mapping: the old URL answers 404 from then on.
import { randomToken, sha256Hex } from '../lib/encoding';
import { feedKey, feedOwnerKey } from './keys';
import { kv } from './calls';

const SECRET_BYTES = 32;
/** A secret as it appears in the URL: 32 random bytes, base64url. */
export const FEED_SECRET = /^[A-Za-z0-9_-]{43}$/;

interface FeedRecord {
  secret: string;
}

/** The user's feed secret, made on first use. */
export async function feedSecret(namespace: KVNamespace, user: string): Promise<string> {
  const record = await kv('get', () => namespace.get<FeedRecord>(feedKey(user), 'json'));
  if (record) return record.secret;
  return rotateFeedSecret(namespace, user);
}

/** A new secret for the user's feed; the old one stops working. */
export async function rotateFeedSecret(namespace: KVNamespace, user: string): Promise<string> {
  const old = await kv('get', () => namespace.get<FeedRecord>(feedKey(user), 'json'));
  const secret = randomToken(SECRET_BYTES);
  await kv('put', async () => namespace.put(feedOwnerKey(await sha256Hex(secret)), JSON.stringify({ user })));
  await kv('put', () => namespace.put(feedKey(user), JSON.stringify({ secret } satisfies FeedRecord)));
  if (old) await kv('delete', async () => namespace.delete(feedOwnerKey(await sha256Hex(old.secret))));
  return secret;
}

/**
 * The user whose feed `secret` opens, or undefined. The user's own record must still name the
 * secret: a mapping left behind by a rotation that failed midway opens nothing.
 */
export async function feedOwner(namespace: KVNamespace, secret: string): Promise<string | undefined> {
  if (!FEED_SECRET.test(secret)) return undefined;
  const owner = await kv('get', async () => namespace.get<{ user: string }>(feedOwnerKey(await sha256Hex(secret)), 'json'));
  if (!owner) return undefined;
  const record = await kv('get', () => namespace.get<FeedRecord>(feedKey(owner.user), 'json'));
  return record?.secret === secret ? owner.user : undefined;
}
