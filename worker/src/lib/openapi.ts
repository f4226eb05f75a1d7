// The OpenAPI 3.1 document, generated from the shared zod schemas (never written twice).
import { z } from 'zod';
import {
  ApiError,
  Article,
  ArticleDraft,
  ArticleList,
  ArticleSummary,
  Capture,
  CaptureInput,
  CaptureResponse,
  ErrorCode,
  FeedLink,
  Health,
  IndexRepair,
  PipelineStats,
  ProcessResponse,
  SearchSnippet,
  Session,
  SessionInput,
} from '../../../shared/src';
import { version } from '../../../package.json';
import { MAX_BODY_BYTES } from './validate';

type JsonSchema = Record<string, unknown>;

/** Components from a set of named schemas; `io` picks the request (input) or response (output) view. */
function componentsFrom(schemas: Record<string, z.ZodType>, io: 'input' | 'output'): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: generated } = z.toJSONSchema(registry, { io, uri: (id) => `#/components/schemas/${id}` });
  // Inside an OpenAPI document the components are addressed by $ref, not by their own $id.
  return Object.fromEntries(
    Object.entries(generated).map(([id, schema]) => {
      const { $schema: _dialect, $id: _id, ...rest } = schema as JsonSchema;
      return [id, rest];
    }),
  );
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string) => ({ 'application/json': { schema: ref(id) } });

const errorResponse = (description: string) => ({ description, content: json('ApiError') });
const errors = {
  400: errorResponse('Bad JSON, a bad cursor or a field that failed validation (the message names it).'),
  401: errorResponse('Missing or unknown bearer token, or no valid session cookie.'),
  403: errorResponse('Signed in by cookie, and the X-CSRF-Token header is missing or does not match the bz_csrf cookie (code csrf_failed).'),
  404: errorResponse('No such resource for this user.'),
  405: errorResponse('Method not allowed on this path.'),
  503: errorResponse('Storage is unavailable; retry later.'),
};
const bodyErrors = {
  413: errorResponse(`Body larger than ${MAX_BODY_BYTES} bytes.`),
  415: errorResponse('Content-Type is neither application/json nor text/plain.'),
  422: errorResponse('The text has nothing to keep (empty, only spaces or punctuation).'),
};

const captureBody = {
  required: true,
  content: {
    'application/json': { schema: ref('CaptureInput') },
    'text/plain': { schema: { type: 'string', description: 'The text itself; url, title, lang, source and capturedAt may be query parameters.' } },
  },
};
const idParameter = (what: string) => ({ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: `${what} id` });

export function buildOpenApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Baozhai API',
      version,
      description: 'Save newspaper pages as clean, split, summarized articles. Errors always have the shape ApiError.',
    },
    servers: [{ url: 'http://127.0.0.1:8787', description: 'local (npm start)' }],
    security: [{ bearer: [] }, { session: [] }],
    paths: {
      '/openapi.json': {
        get: {
          summary: 'This document',
          security: [],
          responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } },
        },
      },
      '/v1/health': {
        get: { summary: 'Liveness and version', security: [], responses: { 200: { description: 'OK', content: json('Health') } } },
      },
      '/v1/session': {
        post: {
          summary: 'Sign in with an API token: sets the bz_session (HttpOnly) and bz_csrf cookies',
          security: [],
          requestBody: { required: true, content: json('SessionInput') },
          responses: {
            200: {
              description: 'Signed in. Both cookies are Secure, SameSite=Strict, Path=/; send X-CSRF-Token: <bz_csrf> with every POST, PUT, PATCH and DELETE.',
              headers: { 'Set-Cookie': { schema: { type: 'string' }, description: 'bz_session and bz_csrf' } },
              content: json('Session'),
            },
            400: errors[400],
            401: errorResponse('Unknown token.'),
            415: bodyErrors[415],
          },
        },
        get: { summary: 'Who is signed in', responses: { 200: { description: 'Signed in', content: json('Session') }, 401: errors[401] } },
        delete: { summary: 'Sign out: clears both cookies', security: [], responses: { 204: { description: 'Signed out' } } },
      },
      '/v1/process': {
        post: {
          summary: 'Run the pipeline on a text; stores nothing',
          requestBody: captureBody,
          responses: { 200: { description: 'Articles found in the text', content: json('ProcessResponse') }, ...errors, ...bodyErrors },
        },
      },
      '/v1/captures': {
        post: {
          summary: 'Save a capture: split, summarize and store its articles',
          requestBody: captureBody,
          responses: {
            200: { description: 'The same text and url were saved before: the first save', content: json('CaptureResponse') },
            201: { description: 'Saved', content: json('CaptureResponse') },
            ...errors,
            ...bodyErrors,
          },
        },
      },
      '/v1/captures/{id}': {
        parameters: [idParameter('Capture')],
        get: { summary: 'A capture with its articles', responses: { 200: { description: 'OK', content: json('CaptureResponse') }, ...errors } },
        delete: { summary: 'Delete a capture and its articles', responses: { 204: { description: 'Deleted' }, ...errors } },
      },
      '/v1/articles': {
        get: {
          summary: 'Saved articles, newest first',
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
            { name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'The cursor of the previous page.' },
            {
              name: 'q',
              in: 'query',
              schema: { type: 'string', maxLength: 200 },
              description:
                'Full-text search: every word must occur in the title, subtitle, byline, summary, keywords or body. Best match first (bm25), newest first among equals; each hit carries a snippet.',
            },
          ],
          responses: { 200: { description: 'One page', content: json('ArticleList') }, ...errors },
        },
      },
      '/v1/articles/{id}': {
        parameters: [idParameter('Article')],
        get: {
          summary: 'One article',
          parameters: [{ name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'markdown'], default: 'json' } }],
          responses: {
            200: {
              description: 'The article, as JSON or (format=markdown) as Markdown',
              content: { ...json('Article'), 'text/markdown': { schema: { type: 'string' } } },
            },
            ...errors,
          },
        },
        delete: {
          summary: 'Delete one article (it can be restored for 7 days, and saving its page again brings it back)',
          responses: { 204: { description: 'Deleted' }, ...errors },
        },
      },
      '/v1/feed': {
        get: { summary: "The secret URL of the caller's Atom feed (made on first use)", responses: { 200: { description: 'The URL', content: json('FeedLink') }, ...errors } },
      },
      '/v1/feed/rotate': {
        post: { summary: 'A new secret feed URL; the old one answers 404 from now on', responses: { 200: { description: 'The new URL', content: json('FeedLink') }, ...errors } },
      },
      '/feeds/{file}': {
        parameters: [{ name: 'file', in: 'path', required: true, schema: { type: 'string' }, description: '`<secret>.atom`, as GET /v1/feed gave it' }],
        get: {
          summary: 'The Atom feed: the newest 50 articles with their full text. The secret in the URL is the credential.',
          security: [],
          responses: {
            200: { description: 'Atom 1.0', content: { 'application/atom+xml': { schema: { type: 'string' } } } },
            404: errorResponse('No feed has this secret (it may have been rotated).'),
          },
        },
      },
      '/v1/export.json': {
        get: {
          summary: 'Every article, whole, newest first: `{ articles: Article[] }`, streamed as a download',
          responses: { 200: { description: 'JSON', content: { 'application/json': { schema: { type: 'object', properties: { articles: { type: 'array', items: ref('Article') } } } } } }, ...errors },
        },
      },
      '/v1/export.zip': {
        get: {
          summary: 'Every article as a Markdown file (as ?format=markdown gives it) in a zip, streamed',
          responses: { 200: { description: 'A zip of .md files', content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } } }, ...errors },
        },
      },
      '/v1/export.epub': {
        get: {
          summary: 'An EPUB 3 of the chosen articles, in the order given',
          parameters: [{ name: 'ids', in: 'query', required: true, schema: { type: 'string' }, description: 'Article ids, comma-separated (at most 100).' }],
          responses: {
            200: { description: 'EPUB 3', content: { 'application/epub+zip': { schema: { type: 'string', format: 'binary' } } } },
            ...errors,
            404: errorResponse('One of the ids is not an article of yours.'),
          },
        },
      },
      '/v1/reindex': {
        post: {
          summary: "Repair the caller's search index from KV: one pass of at most 500 articles; call again until complete",
          responses: { 200: { description: 'What this pass did', content: json('IndexRepair') }, ...errors },
        },
      },
      '/v1/articles/{id}/restore': {
        parameters: [idParameter('Article')],
        post: {
          summary: 'Undo a delete: the article comes back under its id (within 7 days of the delete)',
          responses: {
            200: { description: 'Restored (or it was never deleted)', content: json('Article') },
            ...errors,
            404: errorResponse('No such article, or deleted too long ago, or its whole capture was deleted.'),
          },
        },
      },
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A token from the API_TOKENS secret.' },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'bz_session',
          description: 'Set by POST /v1/session. Mutating requests also need the X-CSRF-Token header equal to the bz_csrf cookie.',
        },
      },
      schemas: {
        ...componentsFrom({ CaptureInput, SessionInput }, 'input'),
        ...componentsFrom(
          {
            Health,
            ArticleDraft,
            Article,
            SearchSnippet,
            ArticleSummary,
            ArticleList,
            PipelineStats,
            ProcessResponse,
            Capture,
            CaptureResponse,
            Session,
            IndexRepair,
            FeedLink,
            ErrorCode,
            ApiError,
          },
          'output',
        ),
      },
    },
  };
}
