// One error shape for the whole API: `{ error: { code, message } }`.
// Expected failures throw `ApiException`; `onError` turns anything thrown into that shape.
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError, ErrorCode } from '../../../shared/src';
import type { App } from '../context';

/** An HTTPException that also carries the API's error code. */
export class ApiException extends HTTPException {
  readonly code: ErrorCode;
  readonly headers: HeadersInit | undefined;

  constructor(status: ContentfulStatusCode, code: ErrorCode, message: string, options?: { headers?: HeadersInit; cause?: unknown }) {
    super(status, { message, cause: options?.cause });
    this.code = code;
    this.headers = options?.headers;
  }
}

/** KV (or another platform service) failed: the client's request was fine, so 503, not 500. */
export class StorageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
  }
}

// Codes for HTTPExceptions thrown by Hono itself or its middleware, which carry only a status.
const codeForStatus: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthorized',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'nothing_to_keep',
  503: 'storage_unavailable',
};

export function errorBody(code: ErrorCode, message: string) {
  return { error: { code, message } } satisfies ApiError;
}

export const onError: ErrorHandler<App> = (err, c) => {
  if (err instanceof ApiException) {
    return c.json(errorBody(err.code, err.message), err.status, err.headers ? Object.fromEntries(new Headers(err.headers)) : undefined);
  }
  if (err instanceof HTTPException) {
    const status = err.status >= 400 && err.status < 500 ? err.status : 500;
    const code = codeForStatus[status] ?? (status === 500 ? 'internal_error' : 'bad_request');
    return c.json(errorBody(code, err.message || 'request failed'), status as ContentfulStatusCode);
  }
  if (err instanceof StorageError) {
    console.error('storage failure', err.message, err.cause);
    return c.json(errorBody('storage_unavailable', 'storage is unavailable, try again'), 503, { 'Retry-After': '5' });
  }
  console.error('unexpected error', err);
  return c.json(errorBody('internal_error', 'internal error'), 500);
};

export const notFound: NotFoundHandler<App> = (c) =>
  c.json(errorBody('not_found', `no route for ${c.req.method} ${new URL(c.req.url).pathname}`), 404);

/** Handler for a known path hit with a method it does not serve. */
export function methodNotAllowed(allowed: readonly string[]) {
  return (c: Context<App>) => {
    throw new ApiException(405, 'method_not_allowed', `${c.req.method} is not allowed here; use ${allowed.join(', ')}`, {
      headers: { Allow: allowed.join(', ') },
    });
  };
}

export const notFoundError = (what: string) => new ApiException(404, 'not_found', `${what} not found`);
