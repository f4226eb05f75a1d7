// Articles to lay out on generated pages, read at generation time from ../shared/corpus (never
// copied into the repo) plus a few English articles written for these tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { cleanForGold, splitSentences } from './text';
import { createRng } from './prng';

export interface SourceArticle {
  id: string;
  lang: 'zh' | 'en';
  /** Photo news: a display headline, a sentence or two and a photo credit. */
  kind?: 'photo';
  title: string;
  /** As printed, including a leading "——" when it has one. */
  subtitle?: string;
  /** A line a layout may print as the subtitle when the source has none (from the editors' summary). */
  deck?: string;
  /** The editors' summary, which a web copy may print as an editor's note before the body. */
  editorNote?: string;
  kicker?: string;
  /** Reporter names, e.g. ["刘鑫焱", "付明丽"]. */
  reporters: string[];
  /** Clean paragraphs, one string each, without the byline line. */
  paragraphs: string[];
  /** Clean photo captions, credit included. */
  captions: string[];
  /** Titles a page may fairly show as the headline (the title, sometimes the subtitle). */
  acceptTitles: string[];
}

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SHARED_DIR = resolve(process.env.BAOZHAI_SHARED_DIR ?? join(REPO_ROOT, '..', 'shared'));
export const CORPUS_DIR = join(SHARED_DIR, 'corpus');
export const FIXTURES_DIR = join(REPO_ROOT, 'tests', 'fixtures');

interface CorpusGoldArticle {
  id?: string;
  title: string;
  subtitle?: string;
  kicker?: string;
  byline?: string;
  reporter?: string;
  accept_titles?: string[];
  paragraphs: string[];
  captions?: string[];
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function reportersOf(article: CorpusGoldArticle): string[] {
  if (article.reporter) return [article.reporter];
  if (!article.byline) return [];
  // "本报记者  吴齐强  颜  珂": names are separated by two spaces, a two-character name is spaced out.
  return article.byline
    .replace(/^本报记者/, '')
    .trim()
    .split(/\s{2,}(?=\S{2})|\s{2,}(?=\S\s{2}\S)/)
    .map((name) => name.replace(/\s+/g, ''))
    .filter((name) => name.length >= 2);
}

function fromCorpusGold(file: string, prefix: string): SourceArticle[] {
  const gold = readJson<{ articles: CorpusGoldArticle[] }>(join(CORPUS_DIR, file));
  return gold.articles.map((article, index) => ({
    id: article.id ?? `${prefix}-${index + 1}`,
    lang: 'zh',
    title: cleanForGold(article.title),
    subtitle: article.subtitle ? cleanForGold(article.subtitle) : undefined,
    kicker: article.kicker ? cleanForGold(article.kicker) : undefined,
    reporters: reportersOf(article),
    paragraphs: article.paragraphs.map(cleanForGold),
    captions: (article.captions ?? []).map(cleanForGold),
    acceptTitles: (article.accept_titles ?? [article.title]).map(cleanForGold),
  }));
}

/** A headline for an article that has none: the editors' summary cut at a clause, at most 20 characters. */
export function headlineFromSummary(summary: string): string {
  const first = splitSentences(summary)[0] ?? summary;
  let title = first.replace(/[。！？!?]+$/, '');
  if (title.length > 20) {
    const cut = Math.max(...['，', '、', '；', '：'].map((mark) => title.lastIndexOf(mark, 20)));
    title = cut >= 6 ? title.slice(0, cut) : cutWithoutBreakingNumbers(title, 20);
  }
  const opens = (title.match(/“/g) ?? []).length;
  const closes = (title.match(/”/g) ?? []).length;
  if (opens !== closes) title = title.replace(/[“”]/g, '');
  return title.replace(/[，、；：]+$/, '');
}

/** Cuts at most `max` characters, never inside a number and never after a particle such as 的. */
function cutWithoutBreakingNumbers(text: string, max: number): string {
  for (let end = max; end > 8; end--) {
    const last = text[end - 1] ?? '';
    const next = text[end] ?? '';
    if (/[0-9.]/.test(last) && /[0-9.%]/.test(next)) continue;
    if (/[的了在和与及等把被将对为]/.test(last)) continue;
    return text.slice(0, end);
  }
  return text.slice(0, max);
}

/** Regroups one long text into paragraphs of a few sentences, at fixed (seeded) lengths. */
function paragraphsOf(text: string, seed: string, maxChars: number): string[] {
  const rng = createRng(seed);
  const paragraphs: string[] = [];
  let current = '';
  let target = rng.int(60, 220);
  let total = 0;
  for (const sentence of splitSentences(text)) {
    if (total >= maxChars) break;
    current += sentence;
    total += sentence.length;
    if (current.length >= target) {
      paragraphs.push(current);
      current = '';
      target = rng.int(60, 220);
    }
  }
  if (current && total < maxChars + 200) paragraphs.push(current);
  return paragraphs.map(cleanForGold).filter((p) => p.length > 0);
}

interface CltsRecord {
  id: string;
  article: string;
  summary: string;
}

/**
 * Headlines for the CLTS articles, which were published without theirs here: short phrases made
 * from each article's own subject, shaped like the headlines of a Chinese daily.
 */
const CLTS_HEADLINES: Record<string, string> = {
  'clts-1': '冬令进补，不妨试试温和清润的滋补法',
  'clts-2': '爸爸妈妈，我想对你们说',
  'clts-3': '小家电迭代升级，悄然提升生活品质',
  'clts-4': '春笋香椿上桌，江南人的咬春时节',
  'clts-5': '寒假将至，警惕孩子意外跌落',
  'clts-6': '好设计要兼顾美观与实用',
  'clts-7': '春天来了，一起把减肥口号变成行动',
  'cltsplus-1': '雄安新区全面启动第二批征迁安置工作',
  'cltsplus-2': '电影《你是凶手》在京首映',
  'cltsplus-3': '城镇职工养老保险基金缺口逐渐扩大',
  'cltsplus-4': '治愈患者捐献血浆会影响健康吗？',
  'cltsplus-5': '松下将在2021年前撤出液晶面板业务',
};

function clts(): SourceArticle[] {
  const lines = readFileSync(join(CORPUS_DIR, 'summaries-zh.jsonl'), 'utf8').split('\n').filter(Boolean);
  return lines.map((line) => {
    const record = JSON.parse(line) as CltsRecord;
    const summary = cleanForGold(record.summary);
    const title = CLTS_HEADLINES[record.id] ?? headlineFromSummary(summary);
    return {
      id: record.id,
      lang: 'zh',
      title,
      reporters: [],
      paragraphs: paragraphsOf(record.article, record.id, 1600),
      captions: [],
      deck: CLTS_HEADLINES[record.id] ? headlineFromSummary(summary) : undefined,
      editorNote: summary,
      acceptTitles: [title],
    };
  });
}

function english(): SourceArticle[] {
  const articles = readJson<Omit<SourceArticle, 'lang' | 'acceptTitles'>[]>(join(FIXTURES_DIR, 'articles', 'english.json'));
  return articles.map((article) => ({ ...article, lang: 'en', acceptTitles: [article.title] }));
}

export interface SourcePool {
  /** People's Daily articles of the two web pages. */
  rmrb: SourceArticle[];
  /** ThePaper.cn articles of the CLTS samples, with headlines made from their summaries. */
  clts: SourceArticle[];
  /** The seed page's articles, only ever re-laid out in other arrangements. */
  seed: SourceArticle[];
  english: SourceArticle[];
  chinese: SourceArticle[];
}

let cached: SourcePool | undefined;

export function loadSourcePool(): SourcePool {
  if (cached) return cached;
  const rmrb = [
    ...fromCorpusGold('rmrb-2025-03-01-01-web.gold.json', 'rmrb-01'),
    ...fromCorpusGold('rmrb-2025-03-01-04-web.gold.json', 'rmrb-04'),
  ];
  const seed = fromCorpusGold('seed-page.gold.json', 'seed');
  const cltsArticles = clts();
  cached = { rmrb, clts: cltsArticles, seed, english: english(), chinese: [...rmrb, ...cltsArticles, ...seed] };
  return cached;
}
