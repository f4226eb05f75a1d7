// The full-text search index in D1 (SQLite FTS5, migrations/0001_search_index.sql). KV stays
// the store of articles; this index is derived from it and can always be rebuilt from it
// (`reindex` below). Like the rest of store/, a SearchIndex is bound to one user: every
// statement is filtered by that user, so another user's articles are never found.
//
// Queries: words of three characters or more are FTS5 phrases over trigrams, ranked by bm25.
// Shorter words (two-character Chinese words are common: 小区, 电梯) cannot be trigram
// phrases, a MATCH on them finds nothing, so they become LIKE conditions on the indexed text.
import type { Article, ArticleSummary, SearchSnippet } from '../../../shared/src';
import { d1 } from './calls';
import { captureIdOf } from './ids';

/** The indexed columns, in the order of the FTS5 table. */
const COLUMNS = ['title', 'subtitle', 'byline', 'summary', 'keywords', 'body'] as const;
type IndexedColumn = (typeof COLUMNS)[number];

/**
 * bm25 weight of a match in each column, in COLUMNS order. Not tuned on a set: a word in the
 * title or keywords says more about what an article is about than one in its body, and the
 * body is long, which bm25 already discounts.
 */
const COLUMN_WEIGHTS: Record<IndexedColumn, number> = { title: 10, subtitle: 5, byline: 2, summary: 3, keywords: 5, body: 1 };

/** The trigram tokenizer's shortest phrase: a word with fewer characters is searched with LIKE. */
const TRIGRAM = 3;
/** snippet() counts trigrams, about one character each: 64 (its maximum) shows a line or two. */
const SNIPPET_TOKENS = 64;
/** Characters of context before a LIKE match in its snippet, and the snippet's length. */
const LIKE_SNIPPET_BEFORE = 24;
const LIKE_SNIPPET_CHARS = 72;
/** At most this many words of a query count (a query is at most 200 characters). */
const MAX_QUERY_WORDS = 8;
/** D1 binds at most 100 parameters per statement. */
const MAX_BOUND = 100;

/** Marks around matches in snippet(): control characters the pipeline never keeps in text. */
const MARK_OPEN = '\u0002';
const MARK_CLOSE = '\u0003';
const MARKS = /[\u0002\u0003]/g;

/** Full-width Latin letters and digits (ＢＥＴＡ２): folded to ASCII in the index and in queries alike. */
const FULL_WIDTH_ALPHANUMERIC = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;
const FULL_WIDTH_OFFSET = 0xfee0;
const foldWidth = (text: string) => text.replace(FULL_WIDTH_ALPHANUMERIC, (char) => String.fromCharCode(char.charCodeAt(0) - FULL_WIDTH_OFFSET));

export interface SearchHit extends ArticleSummary {
  snippet: SearchSnippet;
}

export interface SearchPage {
  hits: SearchHit[];
  /** Whether more hits follow this page. */
  more: boolean;
}

interface HitRow {
  id: string;
  title: string;
  summary: string;
  url: string | null;
  captured_at: string;
  excerpt: string;
  /** LIKE path: where the excerpt starts in the body (1-based), 0 when it is the summary. */
  at?: number;
  body_chars?: number;
}

/** The article's text as the index holds it, by column. */
export function indexedText(article: Article): Record<IndexedColumn, string> {
  const clean = (parts: (string | undefined)[]) => foldWidth(parts.filter(Boolean).join('\n').replace(MARKS, ''));
  const body = article.blocks?.length ? article.blocks.flatMap((block) => [block.text, block.credit]) : [...article.paragraphs, ...article.captions];
  return {
    title: clean([article.title]),
    subtitle: clean([article.kicker, article.subtitle]),
    byline: clean([article.byline, article.dateline]),
    summary: clean([article.summary]),
    keywords: clean([article.keywords.join(' ')]),
    body: clean(body),
  };
}

/** Words of the query: split on spaces, at most MAX_QUERY_WORDS, each kept as typed. */
export function queryWords(query: string): string[] {
  return foldWidth(query).trim().split(/\s+/u).filter(Boolean).slice(0, MAX_QUERY_WORDS);
}

const characters = (word: string) => [...word].length;
const ftsPhrase = (word: string) => `"${word.replace(/"/g, '""')}"`;
const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, '\\$&')}%`;

/** Turns snippet() output into its text and the [start, end) ranges (UTF-16 offsets) of the marked matches. */
export function parseMarkedSnippet(marked: string): SearchSnippet {
  let text = '';
  const marks: [number, number][] = [];
  let open = -1;
  for (const part of marked.split(/([\u0002\u0003])/)) {
    if (part === MARK_OPEN) open = text.length;
    else if (part === MARK_CLOSE) {
      if (open >= 0 && text.length > open) marks.push([open, text.length]);
      open = -1;
    } else text += part;
  }
  return { text, marks };
}

/** Adds the ranges where each word occurs in `snippet.text` (case-insensitive), merged with those it had. */
export function markWords(snippet: SearchSnippet, words: string[]): SearchSnippet {
  const ranges = [...snippet.marks];
  const haystack = snippet.text.toLowerCase();
  for (const word of words) {
    const needle = word.toLowerCase();
    if (!needle || needle.length !== word.length) continue;
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) ranges.push([at, at + needle.length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return { text: snippet.text, marks: merged };
}

export class SearchIndex {
  constructor(
    private readonly db: D1Database,
    private readonly user: string,
  ) {}

  /** Statements that write these articles' rows (an article indexed before is rewritten). */
  private upserts(articles: Article[]): D1PreparedStatement[] {
    const statement = this.db.prepare(
      `INSERT INTO article_index (user, id, capture_id, captured_at, url, ${COLUMNS.join(', ')})
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (user, id) DO UPDATE SET capture_id = excluded.capture_id, captured_at = excluded.captured_at, url = excluded.url,
         ${COLUMNS.map((column) => `${column} = excluded.${column}`).join(', ')}`,
    );
    return articles.map((article) => {
      const text = indexedText(article);
      return statement.bind(this.user, article.id, article.captureId, article.capturedAt, article.url ?? null, ...COLUMNS.map((column) => text[column]));
    });
  }

  /** Indexes the articles, in one batch (one round trip, one transaction). */
  async add(articles: Article[]): Promise<void> {
    if (articles.length === 0) return;
    await d1('batch', () => this.db.batch(this.upserts(articles)));
  }

  /** Takes these articles out of the index. */
  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const statements: D1PreparedStatement[] = [];
    for (let start = 0; start < ids.length; start += MAX_BOUND - 1) {
      const chunk = ids.slice(start, start + MAX_BOUND - 1);
      statements.push(this.db.prepare(`DELETE FROM article_index WHERE user = ? AND id IN (${chunk.map(() => '?').join(', ')})`).bind(this.user, ...chunk));
    }
    await d1('batch', () => this.db.batch(statements));
  }

  /** Takes every article of the capture out of the index. */
  async removeCapture(captureId: string): Promise<void> {
    await d1('delete', () => this.db.prepare('DELETE FROM article_index WHERE user = ? AND capture_id = ?').bind(this.user, captureId).run());
  }

  /** Ids of the capture's articles that are in the index. */
  async idsOfCapture(captureId: string): Promise<string[]> {
    const { results } = await d1('select', () =>
      this.db.prepare('SELECT id FROM article_index WHERE user = ? AND capture_id = ?').bind(this.user, captureId).all<{ id: string }>(),
    );
    return results.map((row) => row.id);
  }

  /** Indexes those of the capture's articles the index lacks: a save whose index write failed is completed by its retry. */
  async complete(captureId: string, articles: Article[]): Promise<void> {
    const indexed = new Set(await this.idsOfCapture(captureId));
    await this.add(articles.filter((article) => !indexed.has(article.id)));
  }

  /** Every article id of this user in the index, in id order (newest first). */
  async allIds(): Promise<string[]> {
    const { results } = await d1('select', () =>
      this.db.prepare('SELECT id FROM article_index WHERE user = ? ORDER BY id').bind(this.user).all<{ id: string }>(),
    );
    return results.map((row) => row.id);
  }

  /**
   * One page of matches for `query`, best first: bm25 over the trigram index (title and
   * keywords weigh most), newest first among equals. Without a word of three characters or
   * more there is no bm25, and matches come newest first.
   */
  async search(query: string, limit: number, offset: number): Promise<SearchPage> {
    const words = queryWords(query);
    const long = words.filter((word) => characters(word) >= TRIGRAM);
    const short = words.filter((word) => characters(word) < TRIGRAM);
    if (words.length === 0) return { hits: [], more: false };
    // Every short word must occur somewhere in the article's indexed text.
    const shortConditions = short.map(() => `(${COLUMNS.map((column) => `i.${column} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
    const shortParameters = short.flatMap((word) => COLUMNS.map(() => likePattern(word)));
    let statement: D1PreparedStatement;
    if (long.length > 0) {
      const weights = COLUMNS.map((column) => COLUMN_WEIGHTS[column]).join(', ');
      statement = this.db
        .prepare(
          `SELECT i.id, i.title, i.summary, i.url, i.captured_at,
             snippet(article_fts, -1, char(2), char(3), '…', ${SNIPPET_TOKENS}) AS excerpt
           FROM article_fts JOIN article_index AS i ON i.rowid = article_fts.rowid
           WHERE article_fts MATCH ? AND i.user = ?${shortConditions.map((condition) => ` AND ${condition}`).join('')}
           ORDER BY bm25(article_fts, ${weights}), i.id
           LIMIT ? OFFSET ?`,
        )
        .bind(long.map(ftsPhrase).join(' AND '), this.user, ...shortParameters, limit + 1, offset);
    } else {
      // The excerpt: the body around the first word's first occurrence, else the summary.
      const first = short[0]!.toLowerCase();
      statement = this.db
        .prepare(
          `SELECT i.id, i.title, i.summary, i.url, i.captured_at, instr(lower(i.body), ?) AS at, length(i.body) AS body_chars,
             CASE WHEN instr(lower(i.body), ?) > 0
               THEN substr(i.body, max(1, instr(lower(i.body), ?) - ${LIKE_SNIPPET_BEFORE}), ${LIKE_SNIPPET_CHARS})
               ELSE i.summary END AS excerpt
           FROM article_index AS i
           WHERE i.user = ? AND ${shortConditions.join(' AND ')}
           ORDER BY i.id
           LIMIT ? OFFSET ?`,
        )
        .bind(first, first, first, this.user, ...shortParameters, limit + 1, offset);
    }
    const { results } = await d1('search', () => statement.all<HitRow>());
    const hits = results.slice(0, limit).map((row) => this.hit(row, short));
    return { hits, more: results.length > limit };
  }

  private hit(row: HitRow, shortWords: string[]): SearchHit {
    let snippet = parseMarkedSnippet(row.excerpt ?? '');
    if (row.at !== undefined && row.at > 0) {
      // A LIKE excerpt cut from the body: say where it was cut.
      const start = Math.max(1, row.at - LIKE_SNIPPET_BEFORE);
      const head = start > 1 ? '…' : '';
      const tail = start - 1 + LIKE_SNIPPET_CHARS < (row.body_chars ?? 0) ? '…' : '';
      snippet = { text: head + snippet.text + tail, marks: [] };
    }
    return {
      id: row.id,
      captureId: captureIdOf(row.id),
      title: row.title,
      summary: row.summary,
      ...(row.url !== null && { url: row.url }),
      capturedAt: row.captured_at,
      snippet: markWords(snippet, shortWords),
    };
  }
}
