// How a call to the server failed, in words the user can act on; and the server URL check.
// Kept apart from the API client so pages that only need these (the options page) stay small.
import { messages } from './i18n';

export type ApiFailureKind =
  | 'no-server'
  | 'bad-server-url'
  | 'no-token'
  | 'unauthorized'
  | 'unreachable'
  | 'nothing-to-save'
  | 'too-large'
  | 'not-found'
  | 'rejected'
  | 'server-error'
  | 'bad-response';

/** Failures worth retrying later: the capture is fine, the server is not answering. */
const RETRYABLE: ReadonlySet<ApiFailureKind> = new Set(['unreachable', 'server-error']);

export class ApiFailure extends Error {
  override readonly name = 'ApiFailure';
  constructor(
    readonly kind: ApiFailureKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}

export function isRetryable(error: unknown): boolean {
  return error instanceof ApiFailure && error.retryable;
}

/** Turns the settings' server URL into a base URL, or explains what is wrong with it. */
export function serverBaseUrl(serverUrl: string): URL {
  const trimmed = serverUrl.trim();
  if (!trimmed) throw new ApiFailure('no-server', messages().errorNoServer);
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new ApiFailure('bad-server-url', messages().errorBadServerUrl);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ApiFailure('bad-server-url', messages().errorBadServerUrl);
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}
