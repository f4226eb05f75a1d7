// The only code that talks to the Baozhai server. Every answer is checked against the shared
// zod schemas; every failure becomes an ApiFailure whose message tells the user what to do.
import type { z } from 'zod';
import {
  ApiError,
  Article,
  ArticleList,
  CaptureResponse,
  Health,
  type CaptureInput,
} from '../../shared/src/schemas';
import { ApiFailure, serverBaseUrl } from './api-failure';
import { messages } from './i18n';

export interface ServerSettings {
  serverUrl: string;
  token: string;
}

export interface ApiClientOptions {
  fetch?: typeof fetch;
  /** Milliseconds before a request counts as unreachable. */
  timeoutMs?: number;
}

/** Maps an HTTP error status (and the server's error body, if any) to what the user should read. */
export function failureForStatus(status: number, body: unknown): ApiFailure {
  const parsed = ApiError.safeParse(body);
  const serverMessage = parsed.success ? parsed.data.error.message : undefined;
  const text = messages();
  if (status === 401 || status === 403) return new ApiFailure('unauthorized', text.errorUnauthorized, status);
  if (status === 404) return new ApiFailure('not-found', text.errorNotFound, status);
  if (status === 413) return new ApiFailure('too-large', text.errorTooLarge, status);
  if (status === 422) return new ApiFailure('nothing-to-save', text.errorNothingToSave, status);
  if (status >= 500) return new ApiFailure('server-error', text.errorServer, status);
  // 408 and 429 mean "not now", not "never".
  if (status === 408 || status === 429) return new ApiFailure('server-error', text.errorServer, status);
  return new ApiFailure('rejected', text.errorRejected(serverMessage ?? `HTTP ${status}`), status);
}

export class ApiClient {
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;

  constructor(
    private readonly settings: ServerSettings,
    options: ApiClientOptions = {},
  ) {
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  health() {
    return this.request('v1/health', { auth: false }, Health);
  }

  /** Checks that the server answers and accepts the token, the way the options page needs. */
  async testConnection(): Promise<{ version: string }> {
    const health = await this.health();
    await this.listArticles({ limit: 1 });
    return { version: health.version };
  }

  /** Saves a capture; `created` is false when the server already had it (it dedupes by content). */
  async saveCapture(input: CaptureInput): Promise<CaptureResponse & { created: boolean }> {
    const { data, status } = await this.requestWithStatus('v1/captures', { method: 'POST', json: input }, CaptureResponse);
    return { ...data, created: status === 201 };
  }

  listArticles(params: { limit?: number; cursor?: string | null; q?: string } = {}) {
    const query = new URLSearchParams();
    if (params.limit) query.set('limit', String(params.limit));
    if (params.cursor) query.set('cursor', params.cursor);
    if (params.q?.trim()) query.set('q', params.q.trim());
    const suffix = query.size > 0 ? `?${query}` : '';
    return this.request(`v1/articles${suffix}`, {}, ArticleList);
  }

  getArticle(id: string) {
    return this.request(`v1/articles/${encodeURIComponent(id)}`, {}, Article);
  }

  async getArticleMarkdown(id: string): Promise<string> {
    const response = await this.send(`v1/articles/${encodeURIComponent(id)}?format=markdown`, {});
    return response.text();
  }

  async deleteArticle(id: string): Promise<void> {
    await this.send(`v1/articles/${encodeURIComponent(id)}`, { method: 'DELETE' });
  }

  /** Undoes a delete: the server keeps a deleted article's tombstone for a while. */
  async restoreArticle(id: string): Promise<void> {
    await this.send(`v1/articles/${encodeURIComponent(id)}/restore`, { method: 'POST' });
  }

  private async request<Schema extends z.ZodType>(path: string, options: RequestOptions, schema: Schema): Promise<z.infer<Schema>> {
    return (await this.requestWithStatus(path, options, schema)).data;
  }

  private async requestWithStatus<Schema extends z.ZodType>(
    path: string,
    options: RequestOptions,
    schema: Schema,
  ): Promise<{ data: z.infer<Schema>; status: number }> {
    const response = await this.send(path, options);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new ApiFailure('bad-response', messages().errorBadResponse, response.status);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new ApiFailure('bad-response', messages().errorBadResponse, response.status);
    return { data: parsed.data, status: response.status };
  }

  private async send(path: string, options: RequestOptions): Promise<Response> {
    const url = new URL(path, serverBaseUrl(this.settings.serverUrl));
    const headers = new Headers({ accept: 'application/json' });
    if (options.auth !== false) {
      const token = this.settings.token.trim();
      if (!token) throw new ApiFailure('no-token', messages().errorNoToken);
      headers.set('authorization', `Bearer ${token}`);
    }
    let body: string | undefined;
    if (options.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(options.json);
    }
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method: options.method ?? 'GET',
        headers,
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch {
      // fetch rejects only when no HTTP answer came back: offline, refused, DNS, CORS, timeout.
      throw new ApiFailure('unreachable', messages().errorUnreachable);
    }
    if (!response.ok) {
      const errorBody: unknown = await response.json().catch(() => undefined);
      throw failureForStatus(response.status, errorBody);
    }
    return response;
  }
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  json?: unknown;
  auth?: boolean;
}
