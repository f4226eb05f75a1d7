// KV key layout. Everything is namespaced by user (user names never contain ':'),
// under a version prefix so a future layout can live beside this one.
//   v1:u:{user}:a:{articleId}   full Article; metadata = ArticleListMetadata (list page)
//   v1:u:{user}:c:{captureId}   Capture (written last: its presence marks a complete save)
//   v1:u:{user}:d:{articleId}   a deleted Article, kept for a while so it can be restored (expires)
const VERSION = 'v1';

const userPrefix = (user: string) => `${VERSION}:u:${user}:`;

export const articlePrefix = (user: string) => `${userPrefix(user)}a:`;
export const articleKey = (user: string, articleId: string) => `${articlePrefix(user)}${articleId}`;
export const captureKey = (user: string, captureId: string) => `${userPrefix(user)}c:${captureId}`;
export const tombstoneKey = (user: string, articleId: string) => `${userPrefix(user)}d:${articleId}`;
/** The user's feed secret. */
export const feedKey = (user: string) => `${userPrefix(user)}feed`;
/** Which user a feed secret belongs to, by the secret's SHA-256 (the secret itself is not a key). */
export const feedOwnerKey = (secretHash: string) => `${VERSION}:feed:${secretHash}`;
