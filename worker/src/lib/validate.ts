// Request parsing at the edge: every check on what a client sent lives here, and each
// failure is a 4xx ApiException, so nothing a client sends can reach a 500.
import type { Context } from 'hono';
import type { z } from 'zod';
import { CaptureInput } from '../../../shared/src';
import { hasContent } from '../pipeline';
import type { App } from '../context';
import { ApiException } from './errors';

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Says which field failed and why, e.g. `url: Invalid URL; capturedAt: Invalid ISO datetime`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'body'}: ${issue.message}`)
    .join('; ');
}

export function parseWith<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiException(400, 'validation_failed', describeIssues(result.error));
  return result.data;
}

type BodyKind = 'json' | 'text';

function bodyKind(contentType: string | undefined): BodyKind {
  const [mediaType = '', ...params] = (contentType ?? '').split(';').map((part) => part.trim().toLowerCase());
  const charset = params.find((param) => param.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (charset && charset !== 'utf-8' && charset !== 'utf8' && charset !== 'us-ascii') {
    throw new ApiException(415, 'unsupported_media_type', `charset ${charset} is not supported; send UTF-8`);
  }
  if (mediaType === 'application/json') return 'json';
  if (mediaType === 'text/plain') return 'text';
  throw new ApiException(
    415,
    'unsupported_media_type',
    `content-type ${mediaType || '(none)'} is not supported; send application/json or text/plain`,
  );
}

const tooLarge = () => new ApiException(413, 'payload_too_large', `body is larger than ${MAX_BODY_BYTES} bytes`);

/**
 * Reads the body as UTF-8, refusing it as soon as it passes `maxBytes`: first from
 * Content-Length, then while streaming (the header may be absent or lie), so an
 * oversized upload is never held in memory whole.
 */
export async function readBodyText(request: Request, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ApiException(400, 'bad_request', 'body is not valid UTF-8');
  }
}

function parseJsonText(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new ApiException(400, 'bad_request', 'body is not valid JSON');
  }
}

/** A JSON body (at most `maxBytes`) that must match `schema`. */
export async function readJsonBody<T>(c: Context<App>, schema: z.ZodType<T>, maxBytes = MAX_BODY_BYTES): Promise<T> {
  if (c.req.raw.body === null) throw new ApiException(400, 'bad_request', 'request has no body: send JSON');
  if (bodyKind(c.req.header('content-type')) !== 'json') {
    throw new ApiException(415, 'unsupported_media_type', 'send application/json');
  }
  return parseWith(schema, parseJsonText(await readBodyText(c.req.raw, maxBytes)));
}

/** The capture time as UTC ISO: the client's if it sent one, else now. */
export function capturedAtOrNow(capturedAt: string | undefined): string {
  return (capturedAt ? new Date(capturedAt) : new Date()).toISOString();
}

/**
 * The body of POST /v1/process and /v1/captures: JSON matching CaptureInput, or a
 * text/plain body that is the text itself (url, title, lang and source may then come
 * from the query string, so `curl --data-binary @page.txt` works).
 */
export async function readCaptureInput(c: Context<App>): Promise<CaptureInput> {
  // Checked before the content type: a POST with nothing in it is missing a body, whatever its headers say.
  if (c.req.raw.body === null) throw new ApiException(400, 'bad_request', 'request has no body: send JSON or text/plain');
  const kind = bodyKind(c.req.header('content-type'));
  const raw = await readBodyText(c.req.raw);
  let candidate: unknown;
  if (kind === 'json') {
    candidate = parseJsonText(raw);
  } else {
    const { url, title, lang, source, capturedAt } = c.req.query();
    candidate = { text: raw, url, title, lang, source, capturedAt };
  }
  const input = parseWith(CaptureInput, candidate);
  if (!hasContent(input.text)) {
    throw new ApiException(422, 'nothing_to_keep', 'text has nothing to keep: it is empty or only spaces and punctuation');
  }
  return input;
}
