// The metadata stored on each article key: just enough to draw the list page, so
// GET /v1/articles is one KV list call and no per-article get.
// KV caps metadata at 1,024 bytes of serialized JSON, so fields are cut to fit.
import type { Article } from '../../../shared/src';

export const METADATA_MAX_BYTES = 1024;
const TITLE_MAX_BYTES = 240;
const URL_MAX_BYTES = 300;
const KEYWORD_MAX_BYTES = 40;
const KEYWORDS_MAX_BYTES = 160;
const ELLIPSIS = '…';

/** Short field names: every byte here is a byte less for the summary. */
export interface ArticleListMetadata {
  /** title */
  t: string;
  /** start of the summary */
  s: string;
  /** capturedAt */
  c: string;
  /** url, left out when too long to fit */
  u?: string;
  /** keywords, as many as fit */
  k?: string[];
}

const encoder = new TextEncoder();
/** Bytes a string takes inside serialized JSON (quotes excluded), escapes included. */
const jsonBytes = (value: string) => encoder.encode(JSON.stringify(value)).length - 2;

/**
 * The longest prefix of `value` that takes at most `maxBytes` in JSON, cut between code
 * points (never inside a surrogate pair), ending in … when something was cut.
 */
export function truncateForJson(value: string, maxBytes: number): string {
  if (jsonBytes(value) <= maxBytes) return value;
  const budget = maxBytes - jsonBytes(ELLIPSIS);
  if (budget < 0) return '';
  let used = 0;
  let kept = '';
  for (const codePoint of value) {
    const size = jsonBytes(codePoint);
    if (used + size > budget) break;
    used += size;
    kept += codePoint;
  }
  return kept + ELLIPSIS;
}

export const metadataBytes = (metadata: ArticleListMetadata) => encoder.encode(JSON.stringify(metadata)).length;

export function listMetadata(article: Pick<Article, 'title' | 'summary' | 'url' | 'capturedAt' | 'keywords'>): ArticleListMetadata {
  const metadata: ArticleListMetadata = { t: truncateForJson(article.title, TITLE_MAX_BYTES), s: '', c: article.capturedAt };
  if (article.url && jsonBytes(article.url) <= URL_MAX_BYTES) metadata.u = article.url;
  const keywords: string[] = [];
  let keywordBytes = 0;
  for (const keyword of article.keywords) {
    const cut = truncateForJson(keyword, KEYWORD_MAX_BYTES);
    const size = jsonBytes(cut) + 3; // quotes and comma
    if (keywordBytes + size > KEYWORDS_MAX_BYTES) break;
    keywordBytes += size;
    keywords.push(cut);
  }
  if (keywords.length > 0) metadata.k = keywords;
  // The summary gets whatever room is left.
  metadata.s = truncateForJson(article.summary, METADATA_MAX_BYTES - metadataBytes(metadata));
  return metadata;
}
