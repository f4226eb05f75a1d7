// An article as Markdown, for GET /v1/articles/:id?format=markdown.
import type { Article } from '../../../shared/src';

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

export function articleToMarkdown(article: Article): string {
  const lines: string[] = [];
  if (article.kicker) lines.push(`**${inline(article.kicker)}**`, '');
  lines.push(`# ${inline(article.title)}`, '');
  if (article.subtitle) lines.push(`## ${inline(article.subtitle)}`, '');
  const credit = [article.byline, article.dateline].filter(Boolean).map((part) => inline(part!));
  if (credit.length > 0) lines.push(credit.join(' · '), '');
  for (const paragraph of article.paragraphs) lines.push(block(paragraph), '');
  for (const caption of article.captions) lines.push(`*${inline(caption)}*`, '');
  lines.push('---', '');
  const captured = `captured ${article.capturedAt}`;
  if (article.url) lines.push(`Source: <${article.url.replace(/[<>\s]/g, encodeURIComponent)}> (${captured})`);
  else lines.push(`Source: ${captured}`);
  return lines.join('\n') + '\n';
}
