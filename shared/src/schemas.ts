// The API's contract, as zod schemas. Both the Worker (validating requests) and the
// extension (checking responses) import these; every type is inferred from them.
import { z } from 'zod';

/** Largest text the API accepts, in characters (the HTTP body limit is 2 MB). */
export const MAX_TEXT_CHARS = 1_000_000;
export const MAX_TITLE_CHARS = 500;
export const MAX_URL_CHARS = 2048;

export const CaptureSource = z.enum(['page', 'selection', 'pdf', 'paste']);

const HttpUrl = z
  .string()
  .max(MAX_URL_CHARS)
  .url()
  .refine((value) => /^https?:\/\//i.test(value), { message: 'url must start with http:// or https://' });

/** Most blocks one captured article may hold (a long feature has a few hundred). */
export const MAX_BLOCKS = 5000;

/**
 * One block of an article's body, in reading order, as the page marked it up:
 * a section heading (with its level, 2 for `<h2>`), a paragraph, a list item, a quote,
 * a figure's caption (with its credit apart), or a table flattened to text.
 */
export const BlockKind = z.enum(['paragraph', 'heading', 'list-item', 'quote', 'caption', 'table']);
export const ArticleBlock = z.object({
  kind: BlockKind,
  text: z.string().max(MAX_TEXT_CHARS),
  /** Headings only: 1–6, as in `<h1>`–`<h6>`. */
  level: z.number().int().min(1).max(6).optional(),
  /** Captions only: the photographer or agency credit, kept apart from the caption text. */
  credit: z.string().max(MAX_TITLE_CHARS).optional(),
});

/**
 * One article the capture has already found (Readability, the page's JSON-LD): the Worker keeps it
 * whole instead of splitting the text. `title` is the headline as the page gives it; the Worker
 * strips a " | Site" or " - Site" suffix.
 */
export const CapturedArticle = z.object({
  title: z.string().max(MAX_TITLE_CHARS),
  byline: z.string().max(MAX_TITLE_CHARS).optional(),
  /** ISO date or date-time the page says the article was published. */
  publishedAt: z.string().max(64).optional(),
  siteName: z.string().max(MAX_TITLE_CHARS).optional(),
  lang: z.string().min(2).max(35).optional(),
  blocks: z.array(ArticleBlock).min(1).max(MAX_BLOCKS),
});

/** Body of POST /v1/process and POST /v1/captures (JSON form). */
export const CaptureInput = z.object({
  /** The capture's plain text: what a paste would give. Always sent, also beside `article`. */
  text: z.string().max(MAX_TEXT_CHARS, `text is longer than ${MAX_TEXT_CHARS} characters`),
  url: HttpUrl.optional(),
  title: z.string().max(MAX_TITLE_CHARS).optional(),
  lang: z.string().min(2).max(35).optional(),
  capturedAt: z.iso.datetime({ offset: true }).optional(),
  source: CaptureSource.optional(),
  /** Present when the capture found one article with its structure: the Worker does not split it. */
  article: CapturedArticle.optional(),
});

/** One article as the pipeline produces it, before it is stored. */
export const ArticleDraft = z.object({
  title: z.string(),
  subtitle: z.string().optional(),
  kicker: z.string().optional(),
  byline: z.string().optional(),
  dateline: z.string().optional(),
  publishedAt: z.string().optional(),
  siteName: z.string().optional(),
  /** Body text blocks (paragraphs, list items, quotes, tables as text), without headings or captions. */
  paragraphs: z.array(z.string()),
  /** Photo captions, each with its credit when there is one. */
  captions: z.array(z.string()),
  /**
   * The whole body in reading order with its structure, when it is known (a structured capture,
   * or section headings the splitter found): section headings and captions in place.
   * `paragraphs` and `captions` always hold the same text, flat, for older readers.
   */
  blocks: z.array(ArticleBlock).optional(),
  summary: z.string(),
  keywords: z.array(z.string()),
  lang: z.string(),
  url: z.string().optional(),
  capturedAt: z.string(),
});

export const Article = ArticleDraft.extend({
  id: z.string(),
  captureId: z.string(),
  createdAt: z.string(),
});

export const ArticleSummary = z.object({
  id: z.string(),
  captureId: z.string(),
  title: z.string(),
  summary: z.string(),
  url: z.string().optional(),
  capturedAt: z.string(),
});

/** Figures about one pipeline run, for callers and for debugging a bad split. */
export const PipelineStats = z.object({
  inputChars: z.number().int(),
  lines: z.number().int(),
  blocks: z.number().int(),
  articles: z.number().int(),
});

export const ProcessResponse = z.object({
  articles: z.array(ArticleDraft),
  stats: PipelineStats,
});

export const Capture = z.object({
  id: z.string(),
  url: z.string().optional(),
  title: z.string().optional(),
  source: CaptureSource.optional(),
  lang: z.string(),
  capturedAt: z.string(),
  createdAt: z.string(),
  articleIds: z.array(z.string()),
  textChars: z.number().int(),
});

export const CaptureResponse = z.object({
  capture: Capture,
  articles: z.array(Article),
});

export const ArticleList = z.object({
  articles: z.array(ArticleSummary),
  cursor: z.string().nullable(),
});

export const Health = z.object({ ok: z.literal(true), version: z.string() });

export const ErrorCode = z.enum([
  'bad_request',
  'validation_failed',
  'unauthorized',
  'not_found',
  'method_not_allowed',
  'payload_too_large',
  'unsupported_media_type',
  'nothing_to_keep',
  'storage_unavailable',
  'internal_error',
]);

export const ApiError = z.object({
  error: z.object({ code: ErrorCode, message: z.string() }),
});

// Types inferred from the schemas above: never written by hand.
export type CaptureSource = z.infer<typeof CaptureSource>;
export type CaptureInput = z.infer<typeof CaptureInput>;
export type BlockKind = z.infer<typeof BlockKind>;
export type ArticleBlock = z.infer<typeof ArticleBlock>;
export type CapturedArticle = z.infer<typeof CapturedArticle>;
export type ArticleDraft = z.infer<typeof ArticleDraft>;
export type Article = z.infer<typeof Article>;
export type ArticleSummary = z.infer<typeof ArticleSummary>;
export type PipelineStats = z.infer<typeof PipelineStats>;
export type ProcessResponse = z.infer<typeof ProcessResponse>;
export type Capture = z.infer<typeof Capture>;
export type CaptureResponse = z.infer<typeof CaptureResponse>;
export type ArticleList = z.infer<typeof ArticleList>;
export type Health = z.infer<typeof Health>;
export type ErrorCode = z.infer<typeof ErrorCode>;
export type ApiError = z.infer<typeof ApiError>;
