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

/** Most pages one PDF capture may carry, and most lines over all its pages. */
export const MAX_PDF_PAGES = 200;
export const MAX_PDF_LINES = 40_000;
/** Longest line of a PDF page: a line is at most a page wide (a few hundred characters in small type). */
export const MAX_PDF_LINE_CHARS = 2000;
/** Coordinates and sizes in PDF points; a page is at most 200 inches (14,400 points) wide or high. */
const PdfLength = z.number().min(0).max(14_400);

/**
 * One printed line of a PDF page, as the PDF positions it: its text, left edge `x` and baseline `y`
 * (from the page's top left corner, y growing down), printed `width` and font `size`. `font` numbers
 * the page's fonts (0, 1, …): a line in another font than the body's is set in another face or weight.
 */
export const PdfLine = z.object({
  text: z.string().max(MAX_PDF_LINE_CHARS),
  x: PdfLength,
  y: PdfLength,
  width: PdfLength,
  size: z.number().positive().max(1000),
  font: z.number().int().min(0).max(1000).optional(),
  /**
   * Only for a line set top to bottom (a vertical headline): how far it runs down the page; `y` is
   * then its last glyph's baseline, and `width` one glyph's.
   */
  height: PdfLength.optional(),
});

/** Lines that follow each other on the page, in reading order: a column of a frame, a headline. */
export const PdfBlock = z.object({ lines: z.array(PdfLine).min(1).max(MAX_PDF_LINES) });

export const PdfPage = z.object({
  /** The page's number in the document, from 1. */
  number: z.number().int().min(1).max(100_000),
  width: PdfLength.positive(),
  height: PdfLength.positive(),
  /** The page's blocks in reading order (the content stream's order, checked against the geometry). */
  blocks: z.array(PdfBlock).max(MAX_PDF_LINES),
});

/**
 * A PDF's layout as the capture read it: pages in document order, each in blocks of positioned lines.
 * The Worker reads headlines from font sizes and page furniture from positions instead of guessing
 * them from the text; `text` is still sent (the same lines, flat).
 */
export const PdfLayout = z
  .object({ pages: z.array(PdfPage).min(1).max(MAX_PDF_PAGES) })
  .refine((layout) => layout.pages.reduce((lines, page) => lines + page.blocks.reduce((sum, block) => sum + block.lines.length, 0), 0) <= MAX_PDF_LINES, {
    message: `a PDF layout holds at most ${MAX_PDF_LINES} lines`,
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
  /** Present when the capture read a PDF: its pages' positioned lines, the evidence the Worker splits by. */
  pdf: PdfLayout.optional(),
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

/**
 * Where a search matched: a stretch of the article's text and the ranges in it to highlight,
 * each `[start, end)` in UTF-16 code units of `text` (so `text.slice(start, end)` is the match).
 * Plain text, never HTML.
 */
export const SearchSnippet = z.object({
  text: z.string(),
  marks: z.array(z.tuple([z.number().int().min(0), z.number().int().min(0)])),
});

export const ArticleSummary = z.object({
  id: z.string(),
  captureId: z.string(),
  title: z.string(),
  summary: z.string(),
  url: z.string().optional(),
  capturedAt: z.string(),
  /** Search results only (`GET /v1/articles?q=`): where the article matched. */
  snippet: SearchSnippet.optional(),
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

/** Answer of POST /v1/reindex: what one pass of repairing the search index from KV did. */
export const IndexRepair = z.object({
  /** Articles stored in KV. */
  articles: z.number().int(),
  /** Articles indexed by this pass. */
  added: z.number().int(),
  /** Index rows of articles KV no longer holds, removed. */
  removed: z.number().int(),
  /** False when more articles are left to index: call again. */
  complete: z.boolean(),
});

/** Answer of GET /v1/feed and POST /v1/feed/rotate: the secret URL of the user's Atom feed. */
export const FeedLink = z.object({ url: z.string() });

/** Body of POST /v1/session: sign in with an API token; the session then lives in a cookie. */
export const SessionInput = z.object({ token: z.string().min(1).max(1024) });
/** Answer of POST and GET /v1/session: who is signed in. */
export const Session = z.object({ user: z.string() });

export const ErrorCode = z.enum([
  'bad_request',
  'validation_failed',
  'unauthorized',
  /** A mutating request signed in by cookie without a matching X-CSRF-Token header. */
  'csrf_failed',
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
export type PdfLine = z.infer<typeof PdfLine>;
export type PdfBlock = z.infer<typeof PdfBlock>;
export type PdfPage = z.infer<typeof PdfPage>;
export type PdfLayout = z.infer<typeof PdfLayout>;
export type Article = z.infer<typeof Article>;
export type SearchSnippet = z.infer<typeof SearchSnippet>;
export type ArticleSummary = z.infer<typeof ArticleSummary>;
export type PipelineStats = z.infer<typeof PipelineStats>;
export type ProcessResponse = z.infer<typeof ProcessResponse>;
export type Capture = z.infer<typeof Capture>;
export type CaptureResponse = z.infer<typeof CaptureResponse>;
export type ArticleList = z.infer<typeof ArticleList>;
export type Health = z.infer<typeof Health>;
export type SessionInput = z.infer<typeof SessionInput>;
export type IndexRepair = z.infer<typeof IndexRepair>;
export type FeedLink = z.infer<typeof FeedLink>;
export type Session = z.infer<typeof Session>;
export type ErrorCode = z.infer<typeof ErrorCode>;
export type ApiError = z.infer<typeof ApiError>;
