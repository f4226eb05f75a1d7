// The capture input the background sends for a page's text capture: the API's limits applied
// here, so a page with an odd title or language tag is saved rather than refused.
import { CapturedArticle, MAX_BLOCKS, MAX_TITLE_CHARS, MAX_URL_CHARS, type CaptureInput } from '../../shared/src/schemas';
import type { TextCapture } from './page-capture';

const MAX_LANG_CHARS = 35;
const MAX_DATE_CHARS = 64;

/** The page's address when the API can take it (http or https, not too long). */
export function httpUrlOrUndefined(url: string): string | undefined {
  return /^https?:\/\//i.test(url) && url.length <= MAX_URL_CHARS ? url : undefined;
}

/**
 * The article cut to the API's limits (a page may carry a 600-character title or a 10-character
 * language tag); undefined when it still does not fit, so the capture goes as text alone rather
 * than being refused.
 */
export function fitArticle(article: CapturedArticle | undefined): CapturedArticle | undefined {
  if (!article) return undefined;
  const cut = (text: string | undefined, max: number) => (text === undefined ? undefined : text.slice(0, max));
  const fitted = {
    ...article,
    title: article.title.slice(0, MAX_TITLE_CHARS),
    byline: cut(article.byline, MAX_TITLE_CHARS),
    siteName: cut(article.siteName, MAX_TITLE_CHARS),
    publishedAt: cut(article.publishedAt, MAX_DATE_CHARS),
    lang: article.lang && article.lang.length >= 2 ? article.lang.slice(0, MAX_LANG_CHARS) : undefined,
    blocks: article.blocks.slice(0, MAX_BLOCKS).map((block) => (block.credit ? { ...block, credit: block.credit.slice(0, MAX_TITLE_CHARS) } : block)),
  };
  const parsed = CapturedArticle.safeParse(JSON.parse(JSON.stringify(fitted)));
  return parsed.success ? parsed.data : undefined;
}

/** What the background sends for a page's text capture, captured at `capturedAt`. */
export function textCaptureInput(capture: TextCapture, capturedAt: string): CaptureInput {
  const input: CaptureInput = {
    text: capture.text,
    url: httpUrlOrUndefined(capture.url),
    title: capture.title.slice(0, MAX_TITLE_CHARS) || undefined,
    capturedAt,
    source: capture.source,
    lang: capture.lang?.slice(0, MAX_LANG_CHARS),
  };
  const article = fitArticle(capture.article);
  if (article) input.article = article;
  return input;
}

