// The reader's one way to the API: same origin, the session cookie, and the CSRF header on every
// request that changes something. The API token is sent once, to sign in, and never kept.
import type { Article, ArticleList, Session, SessionInput } from '../../shared/src/schemas';

/** The API's error, with its code and message as the Worker's one error shape gives them. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The double-submit value the Worker set beside the HttpOnly session cookie. */
function csrfToken(): string {
  const match = document.cookie.match(/(?:^|;\s*)bz_csrf=([^;]*)/);
  return match ? decodeURIComponent(match[1]!) : '';
}

async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  if (method !== 'GET' && method !== 'HEAD') headers.set('X-CSRF-Token', csrfToken());
  let response: Response;
  try {
    response = await fetch(path, { ...init, method, headers, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'unreachable', '');
  }
  if (response.ok) return response;
  const body = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
  throw new ApiError(response.status, body?.error?.code ?? 'http_error', body?.error?.message ?? response.statusText);
}

async function json<T>(path: string, init?: RequestInit): Promise<T> {
  return (await (await request(path, init)).json()) as T;
}

/** The signed-in user, or null when there is no valid session. */
export async function currentSession(): Promise<Session | null> {
  try {
    return await json<Session>('/v1/session');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function signIn(token: string): Promise<Session> {
  return json<Session>('/v1/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token } satisfies SessionInput),
  });
}

export async function signOut(): Promise<void> {
  await request('/v1/session', { method: 'DELETE' });
}

export function listArticles(options: { q?: string; cursor?: string | null; limit?: number }): Promise<ArticleList> {
  const params = new URLSearchParams({ limit: String(options.limit ?? 30) });
  if (options.q) params.set('q', options.q);
  if (options.cursor) params.set('cursor', options.cursor);
  return json<ArticleList>(`/v1/articles?${params}`);
}

const articlePath = (id: string) => `/v1/articles/${encodeURIComponent(id)}`;

export function getArticle(id: string): Promise<Article> {
  return json<Article>(articlePath(id));
}

export async function getArticleMarkdown(id: string): Promise<string> {
  return (await request(`${articlePath(id)}?format=markdown`)).text();
}

export async function deleteArticle(id: string): Promise<void> {
  await request(articlePath(id), { method: 'DELETE' });
}

export async function restoreArticle(id: string): Promise<void> {
  await request(`${articlePath(id)}/restore`, { method: 'POST' });
}

export async function feedUrl(): Promise<string> {
  return (await json<{ url: string }>('/v1/feed')).url;
}

/** A new secret feed address (the old one stops working), read back from GET /v1/feed. */
export async function rotateFeed(): Promise<string> {
  await request('/v1/feed/rotate', { method: 'POST' });
  return feedUrl();
}

/** Export addresses: plain links, so the browser downloads them with the session cookie. */
export const exportLinks = {
  json: '/v1/export.json',
  zip: '/v1/export.zip',
  epub: (ids: string[]) => `/v1/export.epub?${new URLSearchParams({ ids: ids.join(',') })}`,
};
