// An article as Markdown, for GET /v1/articles/:id?format=markdown: everything the article holds
// (kicker, title, subtitle, credit line, summary, keywords, the body with its section headings
// and captions in place, source), labelled in the article's own language.
import type { Article, ArticleBlock } from '../../../shared/src';

interface Labels {
  summary: string;
  keywords: string;
  /** How keywords are joined. */
  listSeparator: string;
  /** "Figure 3" before a caption. */
  figure(number: number): string;
  /** Between a label and its text. */
  colon: string;
  /** The closing line: where the article came from (when known) and when it was saved. */
  source(where: string | undefined, time: string): string;
}

const ENGLISH: Labels = {
  summary: 'Summary',
  keywords: 'Keywords',
  listSeparator: ', ',
  figure: (number) => `Figure ${number}. `,
  colon: ': ',
  source: (where, time) => (where ? `Source: ${where} (captured ${time})` : `Captured ${time}`),
};

const SIMPLIFIED_CHINESE: Labels = {
  summary: '摘要',
  keywords: '关键词',
  listSeparator: '、',
  figure: (number) => `图${number}　`,
  colon: '：',
  source: (where, time) => (where ? `来源：${where}（保存于 ${time}）` : `保存于 ${time}`),
};

const TRADITIONAL_CHINESE: Labels = {
  ...SIMPLIFIED_CHINESE,
  keywords: '關鍵詞',
  figure: (number) => `圖${number}　`,
  source: (where, time) => (where ? `來源：${where}（保存於 ${time}）` : `保存於 ${time}`),
};

function labelsFor(lang: string): Labels {
  const tag = lang.toLowerCase();
  if (!tag.startsWith('zh')) return ENGLISH;
  return /^zh-(hant|tw|hk|mo)/.test(tag) ? TRADITIONAL_CHINESE : SIMPLIFIED_CHINESE;
}

/** Escapes characters Markdown would read as markup inside a line. */
function inline(text: string): string {
  return text.replace(/[\\`*_#[\]<>]/g, '\\$&').replace(/\s*\n\s*/g, ' ');
}

/** Also keeps a paragraph from being read as a heading, quote or list item. */
function block(text: string): string {
  return inline(text)
    .replace(/^([>+-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** `2024-07-30T08:00:00.000Z` as `2024-07-30 08:00 UTC`; anything else as it is. */
function readableTime(iso: string): string {
  const match = iso.match(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::[\d.]+)?Z$/);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

/** A table's text in a fence of its own, longer than any run of backticks inside it. */
function fenced(text: string): string {
  const longestRun = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  return `${fence}\n${text}\n${fence}`;
}

/** The body, block by block; a run of list items stays one list. Captions are numbered figures. */
function bodyLines(blocks: ArticleBlock[], labels: Labels): string[] {
  const lines: string[] = [];
  let figures = 0;
  blocks.forEach((current, index) => {
    const next = blocks[index + 1];
    switch (current.kind) {
      case 'heading':
        // The title is the one `#`: sections start at `##`.
        lines.push(`${'#'.repeat(Math.min(6, Math.max(2, current.level ?? 2)))} ${inline(current.text)}`, '');
        return;
      case 'list-item':
        lines.push(`- ${inline(current.text)}`);
        if (next?.kind !== 'list-item') lines.push('');
        return;
      case 'quote':
        lines.push(`> ${inline(current.text)}`, '');
        return;
      case 'caption': {
        figures += 1;
        const credit = current.credit ? ` ${inline(current.credit)}` : '';
        lines.push(`*${labels.figure(figures)}${inline(current.text)}*${credit}`, '');
        return;
      }
      case 'table':
        lines.push(fenced(current.text), '');
        return;
      default:
        lines.push(block(current.text), '');
    }
  });
  return lines;
}

/** The article's own blocks, or its flat paragraphs followed by its captions. */
function bodyBlocks(article: Article): ArticleBlock[] {
  if (article.blocks && article.blocks.length > 0) return article.blocks;
  return [
    ...article.paragraphs.map((text): ArticleBlock => ({ kind: 'paragraph', text })),
    ...article.captions.map((text): ArticleBlock => ({ kind: 'caption', text })),
  ];
}

export function articleToMarkdown(article: Article): string {
  const labels = labelsFor(article.lang);
  const lines: string[] = [];
  if (article.kicker) lines.push(`**${inline(article.kicker)}**`, '');
  lines.push(`# ${inline(article.title)}`, '');
  if (article.subtitle) lines.push(`*${inline(article.subtitle)}*`, '');
  const published = article.publishedAt?.match(/^\d{4}-\d{2}-\d{2}/)?.[0] ?? article.publishedAt;
  const credit = [article.byline, article.dateline, published].filter((part): part is string => Boolean(part)).map(inline);
  if (credit.length > 0) lines.push(credit.join(' · '), '');
  if (article.summary) lines.push(`**${labels.summary}**${labels.colon}${inline(article.summary)}`, '');
  if (article.keywords.length > 0) {
    lines.push(`**${labels.keywords}**${labels.colon}${article.keywords.map(inline).join(labels.listSeparator)}`, '');
  }
  lines.push(...bodyLines(bodyBlocks(article), labels));
  lines.push('---', '');
  const link = article.url ? `<${article.url.replace(/[<>\s]/g, encodeURIComponent)}>` : undefined;
  const where = [article.siteName && inline(article.siteName), link].filter(Boolean).join(' ');
  lines.push(labels.source(where || undefined, readableTime(article.capturedAt)));
  return lines.join('\n') + '\n';
}
