// An Atom feed (RFC 4287) of articles with their full text, for feed readers and e-readers.
// Pure: articles in, XML text out.
import type { Article } from '../../../shared/src';
import { articleHtml, escapeXml } from './xhtml';

export interface FeedInfo {
  /** The feed's own URL (rel="self"). */
  selfUrl: string;
  user: string;
  /** When the feed was generated: its <updated> when it holds no article. */
  now: string;
}

const entryId = (article: Article) => `urn:baozhai:article:${article.id}`;

function entry(article: Article): string {
  const author = article.byline || article.siteName;
  return [
    '<entry>',
    `<id>${entryId(article)}</id>`,
    `<title>${escapeXml(article.title || article.summary.slice(0, 60))}</title>`,
    `<updated>${escapeXml(article.capturedAt)}</updated>`,
    article.url ? `<link rel="alternate" href="${escapeXml(article.url)}"/>` : '',
    author ? `<author><name>${escapeXml(author)}</name></author>` : '',
    article.summary ? `<summary>${escapeXml(article.summary)}</summary>` : '',
    // type="html": the body as HTML, escaped once more as XML text.
    `<content type="html">${escapeXml(articleHtml(article))}</content>`,
    '</entry>',
  ].join('');
}

/** The feed: newest article first, as given. */
export function articlesToAtom(articles: Article[], info: FeedInfo): string {
  const updated = articles.reduce((latest, article) => (article.capturedAt > latest ? article.capturedAt : latest), '') || info.now;
  return [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<id>urn:baozhai:feed:${escapeXml(info.user)}</id>`,
    `<title>Baozhai: ${escapeXml(info.user)}</title>`,
    `<updated>${escapeXml(updated)}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(info.selfUrl)}"/>`,
    '<author><name>Baozhai</name></author>',
    '<generator>Baozhai</generator>',
    ...articles.map(entry),
    '</feed>\n',
  ].join('');
}
