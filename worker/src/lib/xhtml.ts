// An article's body as (X)HTML, shared by the Atom feed and the EPUB: well-formed XML either way.
import type { Article, ArticleBlock } from '../../../shared/src';

/** Characters XML 1.0 does not allow at all (controls, lone surrogates, U+FFFE/FFFF): dropped. */
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text (or an attribute value) safe inside XML. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (char) => XML_ESCAPES[char]!);
}

/** The body in reading order: the article's blocks, or its paragraphs then captions. */
export function bodyBlocks(article: Article): ArticleBlock[] {
  if (article.blocks?.length) return article.blocks;
  return [
    ...article.paragraphs.map((text): ArticleBlock => ({ kind: 'paragraph', text })),
    ...article.captions.map((text): ArticleBlock => ({ kind: 'caption', text })),
  ];
}

function blockHtml(block: ArticleBlock): string {
  const text = escapeXml(block.text);
  switch (block.kind) {
    case 'heading': {
      // The article's title is the page's h1; its section headings sit under it.
      const level = Math.min(6, Math.max(2, block.level ?? 2));
      return `<h${level}>${text}</h${level}>`;
    }
    case 'quote':
      return `<blockquote><p>${text}</p></blockquote>`;
    case 'caption':
      return `<p class="caption"><em>${text}</em>${block.credit ? ` (${escapeXml(block.credit)})` : ''}</p>`;
    default:
      return `<p>${text}</p>`;
  }
}

/** The article's body as XHTML elements: headings, paragraphs, lists, quotes, captions. */
export function articleHtml(article: Article): string {
  const parts: string[] = [];
  if (article.kicker) parts.push(`<p class="kicker">${escapeXml(article.kicker)}</p>`);
  if (article.subtitle) parts.push(`<p class="subtitle"><strong>${escapeXml(article.subtitle)}</strong></p>`);
  const credit = [article.byline, article.dateline].filter(Boolean).join(' · ');
  if (credit) parts.push(`<p class="credit">${escapeXml(credit)}</p>`);
  let list: string[] = [];
  const closeList = () => {
    if (list.length > 0) parts.push(`<ul>${list.join('')}</ul>`);
    list = [];
  };
  for (const block of bodyBlocks(article)) {
    if (block.kind === 'list-item') {
      list.push(`<li>${escapeXml(block.text)}</li>`);
      continue;
    }
    closeList();
    parts.push(blockHtml(block));
  }
  closeList();
  if (article.url) parts.push(`<p class="source"><a href="${escapeXml(article.url)}">${escapeXml(article.url)}</a></p>`);
  return parts.join('\n');
}
