// The text pipeline: page text in, articles out. Pure: no KV, no fetch, no clock.
// Routes and the command line call only `runPipeline`; the stages behind it may change freely.
import type { ArticleDraft, CapturedArticle, PdfLayout, ProcessResponse } from '../../../shared/src';
import { cleanText } from './clean';
import { splitArticles, type ArticleParts } from './split';
import { structuredArticle, type StructuredParts } from './structured';
import { summarize } from './summarize';
import { extractKeywords } from './keywords';
import { detectLang } from './lang';
import { articleTerms } from './terms';
import { pdfArticleFrames } from './pdf-layout';

export interface PipelineInput {
  text: string;
  url?: string;
  /** The page's own title, used when the text carries no headline of its own. */
  title?: string;
  lang?: string;
  /** ISO time the page was captured; the caller supplies it so the pipeline needs no clock. */
  capturedAt: string;
  /** A PDF's layout: the pages are split one by one from their lines' sizes and positions. */
  pdf?: PdfLayout;
  /** The one article the capture found, with its structure: kept whole instead of split. */
  article?: CapturedArticle;
}

/** True when the text holds something worth keeping: at least one letter or digit. */
export function hasContent(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/** The articles in the input: the captured article kept whole, else the text split. */
function articleParts(input: PipelineInput, lines: ReturnType<typeof cleanText>['lines'], text: string): Array<ArticleParts & Partial<StructuredParts>> {
  if (input.article) {
    const structured = structuredArticle(input.article, input.url);
    if (structured) return [{ ...structured, title: structured.title || input.title || '' }];
  }
  if (!hasContent(text)) return [];
  // Page by page, frame by frame: the layout frames each article (a headline and its text);
  // the splitter reads each frame with the layout's hints (kicker, title, byline, a second article in one frame).
  if (input.pdf) return pdfArticleFrames(input.pdf).flat().flatMap((frame) => splitArticles(frame.lines, { hints: frame.hints }));
  return splitArticles(lines, { fallbackTitle: input.title });
}

export function runPipeline(input: PipelineInput): ProcessResponse {
  const cleaned = cleanText(input.text);
  const parts = articleParts(input, cleaned.lines, cleaned.text);
  const articles: ArticleDraft[] = parts.map((part) => {
    const lang = input.lang ?? input.article?.lang ?? detectLang(part.paragraphs);
    // Both stages read the article's Han bigrams: count them once.
    const terms = articleTerms(part.title, part.paragraphs);
    const draft: ArticleDraft = {
      title: part.title,
      paragraphs: part.paragraphs,
      captions: part.captions,
      summary: summarize(part.paragraphs, lang, { title: part.title, terms }),
      keywords: extractKeywords(part.title, part.paragraphs, lang, { terms }),
      lang,
      capturedAt: input.capturedAt,
    };
    if (part.subtitle) draft.subtitle = part.subtitle;
    if (part.kicker) draft.kicker = part.kicker;
    if (part.byline) draft.byline = part.byline;
    if (part.dateline) draft.dateline = part.dateline;
    if (part.publishedAt) draft.publishedAt = part.publishedAt;
    if (part.siteName) draft.siteName = part.siteName;
    if (part.blocks) draft.blocks = part.blocks;
    if (input.url) draft.url = input.url;
    return draft;
  });
  return {
    articles,
    stats: {
      inputChars: input.text.length,
      lines: cleaned.lines.length,
      blocks: cleaned.blocks,
      articles: articles.length,
    },
  };
}
