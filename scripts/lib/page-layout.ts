// What every page layout shares: an article as it will be printed (bylines, datelines, captions,
// decks decided), the gold derived from it, and the generated page it ends up on. The layouts
// themselves are in layout-pdf.ts (PDF copies) and layout-web.ts (web and site copies).
import type { GoldArticle, GoldPage } from './score';
import type { Rng } from './prng';
import type { SourceArticle } from './source-articles';
import { cleanForGold, splitSentences } from './text';

export interface GeneratedPage {
  name: string;
  family: string;
  text: string;
  gold: GoldPage;
  /** The kinds of damage and layout the page carries ("head-after", "doubled-art"…), for `eval --by-feature`. */
  features?: string[];
}

/** Invented reporter names for articles whose source has none. */
export const REPORTER_NAMES = ['王晓东', '李明华', '张文静', '刘洋', '陈思远', '赵一鸣', '周雨桐', '吴浩然', '孙佳怡', '黄志强', '杨帆', '徐静怡'];
export const EDITORS = ['王蕾', '李卓', '张弛', '刘畅', '陈静'];
/** Where a dateline ends inside a first paragraph, for breaking the line after it as the seed page does. */
export const DATELINE = /^(本报[^（。，]{0,12}[讯电]（[^）]{2,24}）|新华社[^电。，]{2,12}电|据[^讯。，]{2,14}讯)/;

/** One article as it will be printed, before any damage. Gold is derived from it. */
export interface PrintedArticle {
  source: SourceArticle;
  title: string;
  subtitle?: string;
  kicker?: string;
  acceptTitles: string[];
  /** A byline printed on its own line ("本报记者 王晓东"); not part of the paragraphs. */
  bylineLine?: string;
  paragraphs: string[];
  /** Caption lines; two captions may share one line, as on the seed page. */
  captionLines: string[];
  /** Commentary furniture: column name and author line, in no article's paragraphs. */
  columnName?: string;
  authorLine?: string;
}

export function toGold(article: PrintedArticle): GoldArticle {
  const gold: GoldArticle = {
    title: cleanForGold(article.title),
    accept_titles: article.acceptTitles.map(cleanForGold),
    paragraphs: article.paragraphs.map(cleanForGold),
    captions: article.captionLines.map(cleanForGold),
  };
  if (article.subtitle) gold.subtitle = cleanForGold(article.subtitle);
  if (article.kicker) gold.kicker = cleanForGold(article.kicker);
  if (article.bylineLine) gold.byline = cleanForGold(article.bylineLine);
  return gold;
}

/** Puts back the space a printed byline has: "（记者陈元洪）" is printed "（记者 陈元洪）". */
export function printSpacing(paragraph: string): string {
  return paragraph
    .replace(/（(记者|通讯员)([\u4e00-\u9fff]{2,4})/g, '（$1 $2')
    .replace(/([。！？]?)(记者|通讯员)([\u4e00-\u9fff]{2,4})摄$/, (_m, stop: string, role: string, name: string) => `${stop}${stop ? ' ' : ''}${role} ${name} 摄`)
    .replace(/^(新华社[^电。，]{2,12}电)(?=\S)/, '$1  ');
}

/** A photo caption made from the article's own words, as real captions echo their article. */
export function makeCaption(source: SourceArticle, rng: Rng, reporter: string, withCredit = true): string | undefined {
  const sentences = source.paragraphs.slice(1).flatMap((p) => splitSentences(p));
  const clauses = sentences
    .map((s) => s.split(/[，；：]/)[0]!.replace(/[。！？]+$/, ''))
    .filter((c) => c.length >= 8 && c.length <= 28 && !/[“”《》（）■]/.test(c) && !/(表示|说|指出|认为|强调|介绍)$/.test(c));
  if (clauses.length === 0) return undefined;
  const clause = rng.pick(clauses).replace(/[。！？]+$/, '');
  const lead = rng.weighted({ none: 3, photo: 2, date: 2 });
  const text = lead === 'photo' ? `图为${clause}。` : lead === 'date' ? `${rng.int(1, 12)}月${rng.int(1, 28)}日，${clause}。` : `${clause}。`;
  if (!withCredit) return text;
  const credit = rng.weighted({ reporter: 5, plain: 3, xinhua: 1, none: 1 });
  if (credit === 'none') return text;
  if (credit === 'plain') return `${text} ${reporter} 摄`;
  if (credit === 'xinhua') return `${text} 新华社记者 ${reporter} 摄`;
  return `${text} 记者 ${reporter} 摄`;
}

export function namesOf(source: SourceArticle, rng: Rng): string[] {
  if (source.reporters.length > 0) return source.reporters;
  return rng.chance(0.5) ? [rng.pick(REPORTER_NAMES)] : [];
}

export function printedBase(source: SourceArticle): PrintedArticle {
  return {
    source,
    title: source.title,
    subtitle: source.subtitle,
    kicker: source.kicker,
    acceptTitles: source.acceptTitles,
    paragraphs: source.paragraphs.map(printSpacing),
    captionLines: source.captions.map((caption) => printSpacing(caption).replace(/。([\u4e00-\u9fff]{2,4})摄$/, '。 $1 摄')),
  };
}

/** A wire-style dateline opening an English story: "RIVERTON, May 3 — The council…". */
export function withEnglishDateline(article: PrintedArticle, rng: Rng): PrintedArticle {
  if (article.paragraphs.length === 0 || !rng.chance(0.35)) return article;
  const city = rng.pick(['RIVERTON', 'LAKE CITY', 'NORTHFIELD', 'PORT ELLEN']);
  const month = rng.pick(['Jan.', 'March', 'May', 'June', 'Sept.', 'Nov.']);
  article.paragraphs = [`${city}, ${month} ${rng.int(1, 28)} — ${article.paragraphs[0]}`, ...article.paragraphs.slice(1)];
  return article;
}

/** Prints the summary line of a source that has no subtitle as its subtitle, sometimes with a dash. */
export function withDeck(article: PrintedArticle, rng: Rng): PrintedArticle {
  if (article.subtitle || !article.source.deck || !rng.chance(0.4)) return article;
  const dashed = rng.chance(0.5);
  article.subtitle = (dashed ? '——' : '') + article.source.deck;
  // A plain line as long as a headline might fairly be taken for it, as the seed page's gold allows.
  if (!dashed && article.source.deck.length >= 8) article.acceptTitles = [...article.acceptTitles, article.source.deck];
  return article;
}

/** What a clipboard adds on some systems: CRLF line ends, stray spaces at line ends. */
export function clipboardNoise(text: string, rng: Rng): string {
  const trailing = rng.pick([0, 0, 0.03, 0.1]);
  const noisy = text
    .split('\n')
    .map((line) => (line && rng.chance(trailing) ? line + rng.pick([' ', '  ', '\u3000']) : line))
    .join('\n');
  return rng.chance(0.1) ? noisy.replace(/\n/g, '\r\n') : noisy;
}

/** "本报记者  吴齐强  颜  珂": names set apart by two spaces, a two-character name spaced out. */
export function webByline(names: string[]): string {
  return `本报记者  ${names.map((name) => (name.length === 2 ? `${name[0]}  ${name[1]}` : name)).join('  ')}`;
}
