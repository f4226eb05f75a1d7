// The real newspaper pages the PDF corpus typesets: ../shared/corpus/pages-zh (People's Daily,
// April and June 2026), read at build time and never copied into the repo. Each page becomes a
// list of stories ready to lay out; a continued article (转版) is cut where the layout continues it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR } from '../lib/source-articles';
import { splitSentences } from '../lib/text';

export const PAGES_DIR = join(CORPUS_DIR, 'pages-zh');

/** People's Daily pages of January and February 2026 are kept for evaluation by reviewers. */
export const RESERVED_DATES = /^2026-0[12]-/;

/** How much of a continued article its first page prints, in characters, before the jump line. */
export const JUMP_HEAD_CHARS = 1400;

interface PageItem {
  kind: 'article' | 'photo' | 'jump' | 'furniture' | 'index';
  title: string;
  kicker?: string;
  subtitle?: string;
  byline?: string;
  column?: string;
  paragraphs: string[];
  subheads?: string[];
  captions?: string[];
  jump_from?: string;
}

interface PageFile {
  newspaper: string;
  date: string;
  page: string;
  page_name?: string;
  items: PageItem[];
}

export interface Story {
  id: string;
  kind: 'article' | 'photo' | 'picture';
  /** The headline as printed (a trailing column tag such as （评论员观察） is printed apart, as `columnTag`). */
  title: string;
  columnTag?: string;
  kicker?: string;
  subtitle?: string;
  byline?: string;
  paragraphs: string[];
  /** Indexes of `paragraphs` printed bold as section heads. */
  subheads: number[];
  /** Photo news and pictures: caption lines under the photo, credit last. */
  captions: string[];
  /** An article's own photo captions, when the source has them (else a layout may make one from its words). */
  photoCaptions?: string[];
  /** A continued article's first part: the page it goes on to (转第X版). */
  jumpTo?: number;
  /** A continuation: the page it comes from (上接第X版). */
  jumpFrom?: number;
}

export interface SourcePage {
  id: string;
  /** The paper's name as its running head prints it. */
  paper: string;
  date: string;
  page: number;
  pageName?: string;
  stories: Story[];
  /** The page's editors' line as printed (本版责编：…  版式设计：…), when the source has one. */
  editorLine?: string;
}

const COLUMN_TAG = /（([^（）]{2,20})）$/;

function sentencesWithBreaks(paragraphs: string[]): { index: number; cut: number; at: number }[] {
  // Every place a paragraph can be cut after a whole sentence, with the characters printed before it.
  const cuts: { index: number; cut: number; at: number }[] = [];
  let before = 0;
  paragraphs.forEach((paragraph, index) => {
    let offset = 0;
    for (const sentence of splitSentences(paragraph)) {
      offset += sentence.length;
      if (/[。！？]["”’」』）)]*$/.test(sentence)) cuts.push({ index, cut: offset, at: before + offset });
    }
    before += paragraph.length;
  });
  return cuts;
}

/** Splits a continued article's paragraphs after the whole sentence nearest JUMP_HEAD_CHARS. */
export function cutForJump(paragraphs: string[]): { head: string[]; tail: string[] } {
  const cuts = sentencesWithBreaks(paragraphs).filter((c) => c.at < paragraphs.join('').length - 200);
  if (cuts.length === 0) return { head: paragraphs, tail: [] };
  const best = cuts.reduce((a, b) => (Math.abs(b.at - JUMP_HEAD_CHARS) < Math.abs(a.at - JUMP_HEAD_CHARS) ? b : a));
  const head = paragraphs.slice(0, best.index);
  const tail = paragraphs.slice(best.index + 1);
  const split = paragraphs[best.index]!;
  head.push(split.slice(0, best.cut));
  const rest = split.slice(best.cut);
  if (rest.trim()) tail.unshift(rest);
  return { head, tail };
}

function toStory(item: PageItem, id: string): Story {
  const tag = item.kind === 'article' || item.kind === 'jump' ? item.title.match(COLUMN_TAG) : null;
  const subheadTexts = new Set(item.subheads ?? []);
  return {
    id,
    kind: item.kind === 'photo' ? (item.title === '图片报道' ? 'picture' : 'photo') : 'article',
    title: tag ? item.title.slice(0, tag.index).trim() : item.title.trim(),
    columnTag: tag?.[1],
    kicker: item.kicker,
    subtitle: item.subtitle,
    byline: item.byline?.trim(),
    paragraphs: item.paragraphs.filter((p) => p.trim()),
    subheads: item.paragraphs.filter((p) => p.trim()).flatMap((p, i) => (subheadTexts.has(p) ? [i] : [])),
    captions: (item.captions ?? []).filter((c) => c.trim()),
  };
}

function readPage(file: string): PageFile {
  return JSON.parse(readFileSync(join(PAGES_DIR, file), 'utf8')) as PageFile;
}

interface SharedGoldArticle {
  title: string;
  subtitle?: string;
  kicker?: string;
  byline?: string;
  reporter?: string;
  author?: string;
  column?: string;
  paragraphs: string[];
  captions?: string[];
}

/** The shared gold pages, with what their copies do not say (paper, date, page number) filled in. */
const SHARED_GOLD_PAGES = [
  { file: 'seed-page.gold.json', paper: '重庆日报', date: '2024-07-31', page: 3, pageName: '政协' },
  { file: 'rmrb-2025-03-01-01-web.gold.json', paper: '人民日报', date: '2025-03-01', page: 1, pageName: '要闻' },
  { file: 'rmrb-2025-03-01-04-web.gold.json', paper: '人民日报', date: '2025-03-01', page: 4, pageName: '要闻' },
];

function sharedGoldPages(): SourcePage[] {
  return SHARED_GOLD_PAGES.map(({ file, paper, date, page, pageName }) => {
    const id = file.replace(/\.gold\.json$/, '');
    const gold = JSON.parse(readFileSync(join(CORPUS_DIR, file), 'utf8')) as { articles: SharedGoldArticle[] };
    const stories = gold.articles.map((article, index): Story => {
      const tag = article.title.match(COLUMN_TAG);
      return {
        id: `${id}-${index + 1}`,
        kind: 'article',
        title: tag ? article.title.slice(0, tag.index).trim() : article.title,
        columnTag: tag?.[1] ?? article.column,
        kicker: article.kicker,
        subtitle: article.subtitle,
        byline: article.byline ?? (article.author ? `□ ${article.author}` : undefined),
        paragraphs: article.paragraphs,
        subheads: [],
        captions: [],
        photoCaptions: article.captions?.length ? article.captions : undefined,
      };
    });
    return { id, paper, date, page, pageName, stories };
  });
}

/** Every page of pages-zh outside the reserved months, with continued articles cut, and the shared gold pages. */
export function loadSourcePages(): SourcePage[] {
  return [...peoplesDailyPages(), ...sharedGoldPages()];
}

function peoplesDailyPages(): SourcePage[] {
  const files = readdirSync(PAGES_DIR).filter((f) => /^rmrb-\d{4}-\d{2}-\d{2}-\d{2}\.json$/.test(f)).sort();
  const raw = files.map((file) => ({ id: file.replace(/\.json$/, ''), data: readPage(file) })).filter(({ data }) => !RESERVED_DATES.test(data.date));
  // Continued articles: the first page prints the head, the jump page the tail.
  const tails = new Map<string, string[]>();
  const jumpPages = new Map<string, number>();
  for (const { data } of raw) {
    for (const item of data.items) if (item.kind === 'jump') jumpPages.set(`${data.date}|${item.title}`, Number(data.page));
  }
  const pages: SourcePage[] = [];
  for (const { id, data } of raw) {
    const stories: Story[] = [];
    let editorLine: string | undefined;
    data.items.forEach((item, index) => {
      const storyId = `${id}-${index + 1}`;
      if (item.kind === 'furniture') {
        editorLine = [item.title, ...item.paragraphs].map((s) => s.trim()).filter(Boolean).join('  ');
        return;
      }
      if (item.kind === 'index') return; // the 导读 box lists other pages' headlines: no article of this page
      if (item.kind === 'jump') {
        const story = toStory(item, storyId);
        const tail = tails.get(`${data.date}|${item.title}`) ?? cutForJump(story.paragraphs).tail;
        stories.push({ ...story, kind: 'article', paragraphs: tail, subheads: [], jumpFrom: Number(item.jump_from ?? '1') });
        return;
      }
      const story = toStory(item, storyId);
      const jumpTo = item.kind === 'article' ? jumpPages.get(`${data.date}|${item.title}`) : undefined;
      if (jumpTo !== undefined) {
        const { head, tail } = cutForJump(story.paragraphs);
        tails.set(`${data.date}|${item.title}`, tail);
        const subheadText = new Set(story.subheads.map((i) => story.paragraphs[i]));
        stories.push({ ...story, paragraphs: head, subheads: head.flatMap((p, i) => (subheadText.has(p) ? [i] : [])), jumpTo });
        return;
      }
      if (story.kind === 'article' && story.paragraphs.length === 0) return;
      stories.push(story);
    });
    pages.push({ id, paper: data.newspaper || '人民日报', date: data.date, page: Number(data.page), pageName: data.page_name, stories, editorLine });
  }
  return pages;
}
