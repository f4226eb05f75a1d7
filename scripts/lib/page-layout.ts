// Lays articles out as the text of one page, with its gold split: either a PDF copy (columns,
// breaks, justification spaces, headlines before or after their bodies, captions nearby) or a
// clean web copy (one line per paragraph, kicker / title / subtitle / byline lines first).
import type { GoldArticle, GoldPage } from './score';
import type { Rng } from './prng';
import type { SourceArticle } from './source-articles';
import { cleanForGold, splitSentences, visualWidth } from './text';
import { doubledArt, headlineCuts, isPhraseCut, justifyLine, spaceAroundNumbers, wrapText } from './page-damage';

export interface GeneratedPage {
  name: string;
  family: string;
  text: string;
  gold: GoldPage;
}

/** Invented reporter names for articles whose source has none. */
const REPORTER_NAMES = ['王晓东', '李明华', '张文静', '刘洋', '陈思远', '赵一鸣', '周雨桐', '吴浩然', '孙佳怡', '黄志强', '杨帆', '徐静怡'];
const COLUMN_NAMES = ['政协谈', '今日谈', '评论员观察', '人民时评', '经济观察', '观点', '随笔'];
/** Short display headlines for photo news, as printed in large art type. */
const DISPLAY_TITLES = ['纳凉避暑', '春耕备耕', '金秋丰收', '冰雪之约', '夏日清凉', '乡村振兴', '绿色出行', '非遗传承', '城市更新', '碧水蓝天', '山水画卷', '暖冬行动'];
const EDITORS = ['王蕾', '李卓', '张弛', '刘畅', '陈静'];
/** Where a dateline ends inside a first paragraph, for breaking the line after it as the seed page does. */
const DATELINE = /^(本报讯（[^）]{2,16}）|新华社[^电。，]{2,12}电|据[^讯。，]{2,14}讯)/;

/** One article as it will be printed, before any damage. Gold is derived from it. */
interface PrintedArticle {
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

function toGold(article: PrintedArticle): GoldArticle {
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
function printSpacing(paragraph: string): string {
  return paragraph
    .replace(/（(记者|通讯员)([\u4e00-\u9fff]{2,4})/g, '（$1 $2')
    .replace(/([。！？]?)(记者|通讯员)([\u4e00-\u9fff]{2,4})摄$/, (_m, stop: string, role: string, name: string) => `${stop}${stop ? ' ' : ''}${role} ${name} 摄`)
    .replace(/^(新华社[^电。，]{2,12}电)(?=\S)/, '$1  ');
}

/** A photo caption made from the article's own words, as real captions echo their article. */
function makeCaption(source: SourceArticle, rng: Rng, reporter: string, withCredit = true): string | undefined {
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

function namesOf(source: SourceArticle, rng: Rng): string[] {
  if (source.reporters.length > 0) return source.reporters;
  return rng.chance(0.5) ? [rng.pick(REPORTER_NAMES)] : [];
}

function printedBase(source: SourceArticle): PrintedArticle {
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

// ---------------------------------------------------------------------------------------------
// PDF copy

interface PdfPlan {
  width: number;
  headWidth: number;
  blankBetweenParagraphs: boolean;
  columnHeight: number;
  firstColumnLines: number;
  widthChangeChance: number;
  numberSpacing: number;
  titleNumberSpacing: number;
  justifyRate: number;
  indent: 'eaten' | 'spaces' | 'none';
  headPosition: 'before' | 'after' | 'deferred';
  captionPlacement: 'beforeHead' | 'afterBody' | 'pageTop' | 'afterNext';
  breakAfterDateline: boolean;
  doubledArt: boolean;
  subtitleGap: boolean;
}

function planPdf(rng: Rng, english: boolean): PdfPlan {
  const narrow = rng.chance(0.4);
  const width = english ? rng.int(26, 40) : narrow ? rng.int(10, 17) : rng.int(18, 30);
  return {
    width,
    headWidth: english ? rng.int(28, 45) : rng.int(10, 26),
    blankBetweenParagraphs: rng.chance(0.85),
    columnHeight: rng.int(6, 30),
    firstColumnLines: rng.int(2, 30),
    widthChangeChance: rng.pick([0, 0, 0.2, 0.5]),
    numberSpacing: english ? 0 : rng.pick([0, 0.5, 0.8, 1]),
    titleNumberSpacing: english ? 0 : rng.pick([0, 0, 0.7]),
    justifyRate: english ? 0 : rng.pick([0, 0.02, 0.05, 0.1]),
    indent: rng.weighted({ eaten: 6, spaces: 2, none: 2 }),
    headPosition: rng.weighted({ before: 11, after: 6, deferred: 2 }),
    captionPlacement: rng.weighted({ beforeHead: 3, afterBody: 4, pageTop: 1, afterNext: 2 }),
    breakAfterDateline: rng.chance(0.3),
    doubledArt: rng.chance(0.7),
    subtitleGap: rng.chance(0.6),
  };
}

function titleLines(title: string, plan: PdfPlan, rng: Rng): string[] {
  if (plan.doubledArt && /^([\u4e00-\u9fff]{4}|[\u4e00-\u9fff]{6})$/.test(title)) {
    return (title.match(/../g) ?? []).map(doubledArt);
  }
  const printed = spaceAroundNumbers(title, rng, plan.titleNumberSpacing);
  if (visualWidth(printed) <= plan.headWidth) return [printed];
  const inRange = headlineCuts(printed).filter((cut) => cut >= printed.length * 0.3 && cut <= printed.length * 0.75);
  // Editors break a headline between phrases, rarely inside quotes or brackets.
  const outside = inRange.filter((cut) => bracketDepth(printed.slice(0, cut)) === 0);
  const phrase = outside.filter((cut) => isPhraseCut(printed, cut));
  // With no break between phrases the headline stays on one line, running across columns.
  const cuts = phrase.length > 0 ? phrase : rng.chance(0.1) ? outside : [];
  if (cuts.length === 0) return [printed];
  const cut = rng.pick(cuts);
  const first = printed.slice(0, cut).trim();
  let second = printed.slice(cut).trim();
  // A short second line is spread across the headline's width: "并 看 望 慰 问 一 线 职 工".
  if (!/^[ -~]+$/.test(second) && visualWidth(second) < visualWidth(first) * 0.75 && rng.chance(0.35)) second = justifyLine(second);
  return [first, second];
}

function bracketDepth(text: string): number {
  return (text.match(/[“（《「]/g) ?? []).length - (text.match(/[”）》」]/g) ?? []).length;
}

function renderPdfHead(article: PrintedArticle, plan: PdfPlan, rng: Rng): string[] {
  const lines: string[] = [];
  if (article.kicker) lines.push(article.kicker);
  lines.push(...titleLines(article.title, plan, rng));
  if (article.subtitle) {
    if (plan.subtitleGap) lines.push('');
    lines.push(article.subtitle);
  }
  if (article.authorLine) lines.push(article.authorLine);
  return lines;
}

function renderPdfBody(article: PrintedArticle, plan: PdfPlan, rng: Rng): string[] {
  const lines: string[] = [];
  const english = article.source.lang === 'en';
  if (article.bylineLine) lines.push(article.bylineLine, ...(rng.chance(0.5) ? [''] : []));
  let width = plan.width;
  let columnLeft = plan.firstColumnLines;
  const nextWidth = (isFirstOfParagraph: boolean, breaks: Set<number>, n: number): number => {
    if (columnLeft <= 0) {
      // Column (or page) break: a blank line, wherever the sentence happens to be.
      breaks.add(n);
      columnLeft = plan.columnHeight;
      if (rng.chance(plan.widthChangeChance)) {
        width = Math.min(english ? 40 : 30, Math.max(english ? 24 : 10, width + rng.pick([-8, -5, -3, 3, 5, 8])));
      }
    }
    columnLeft--;
    const indentCut = isFirstOfParagraph && plan.indent === 'eaten' && !english ? 2 : 0;
    return width - indentCut;
  };

  for (const [k, paragraph] of article.paragraphs.entries()) {
    if (k > 0 && plan.blankBetweenParagraphs && lines.at(-1) !== '') lines.push('');
    // A photo credit closing a paragraph is set as one unit at the end of its last line.
    const credit = / ((新华社)?记者 )?[\u4e00-\u9fff]{2,4} 摄$/.exec(paragraph);
    const spaced = spaceAroundNumbers(credit ? paragraph.slice(0, credit.index) : paragraph, rng, plan.numberSpacing);
    const segments: string[] = [spaced];
    const dateline = k === 0 && plan.breakAfterDateline ? DATELINE.exec(spaced) : null;
    if (dateline) segments.splice(0, 1, dateline[0], spaced.slice(dateline[0].length));
    const breaks = new Set<number>();
    const paragraphLines: string[] = [];
    for (const [s, segment] of segments.entries()) {
      const offset = paragraphLines.length;
      paragraphLines.push(
        ...wrapText(segment, (n) => nextWidth(s === 0 && n === 0, breaks, offset + n)),
      );
    }
    if (credit) {
      const last = paragraphLines.length - 1;
      if (visualWidth(paragraphLines[last]! + credit[0]) <= width + 6) paragraphLines[last] += credit[0];
      else paragraphLines.push(credit[0].trim());
    }
    for (const [n, rawLine] of paragraphLines.entries()) {
      let line = rawLine;
      const isLast = n === paragraphLines.length - 1;
      if (!isLast && !english && rng.chance(plan.justifyRate)) line = justifyLine(line);
      if (n === 0 && plan.indent === 'spaces') line = (english ? '  ' : rng.pick(['  ', '\u3000\u3000'])) + line;
      if (breaks.has(n) && lines.at(-1) !== '') lines.push('');
      lines.push(line);
    }
  }
  return lines;
}

interface Block {
  kind: 'head' | 'body' | 'caption' | 'column';
  lines: string[];
}

/** A short photo-news item: display headline, two sentences with a photo credit, a caption line. */
export function makePhotoItem(donor: SourceArticle, rng: Rng): SourceArticle | undefined {
  const sentences = donor.paragraphs.flatMap((p) => splitSentences(p)).filter((s) => !/^■/.test(s));
  if (sentences.length < 4) return undefined;
  const start = rng.int(0, Math.min(3, sentences.length - 3));
  const reporter = rng.pick(REPORTER_NAMES);
  const body = sentences.slice(start, start + rng.int(1, 2)).join('') + `记者${reporter}摄`;
  const captions: string[] = [];
  const core = (caption: string) => caption.replace(/^(图为|\d+月\d+日，)/, '');
  for (let attempt = 0; attempt < 6 && captions.length < 2; attempt++) {
    const caption = makeCaption(donor, rng, reporter, false);
    if (!caption || body.includes(core(caption).replace(/。$/, ''))) continue;
    if (captions.some((other) => core(other) === core(caption))) continue;
    captions.push(caption);
  }
  if (captions.length === 0) return undefined;
  const title = rng.pick(DISPLAY_TITLES);
  return {
    id: `${donor.id}-photo`,
    lang: 'zh',
    title,
    reporters: [],
    kind: 'photo',
    paragraphs: [body],
    captions: captions.length === 2 && rng.chance(0.6) ? [`${captions[0]} ${captions[1]}`] : captions,
    acceptTitles: [title],
  };
}

/** A wire-style dateline opening an English story: "RIVERTON, May 3 — The council…". */
function withEnglishDateline(article: PrintedArticle, rng: Rng): PrintedArticle {
  if (article.paragraphs.length === 0 || !rng.chance(0.35)) return article;
  const city = rng.pick(['RIVERTON', 'LAKE CITY', 'NORTHFIELD', 'PORT ELLEN']);
  const month = rng.pick(['Jan.', 'March', 'May', 'June', 'Sept.', 'Nov.']);
  article.paragraphs = [`${city}, ${month} ${rng.int(1, 28)} — ${article.paragraphs[0]}`, ...article.paragraphs.slice(1)];
  return article;
}

/** Prints the summary line of a source that has no subtitle as its subtitle, sometimes with a dash. */
function withDeck(article: PrintedArticle, rng: Rng): PrintedArticle {
  if (!article.subtitle && article.source.deck && rng.chance(0.4)) article.subtitle = (rng.chance(0.5) ? '——' : '') + article.source.deck;
  return article;
}

function printForPdf(source: SourceArticle, rng: Rng): PrintedArticle {
  const article = withDeck(printedBase(source), rng);
  if (source.lang === 'en') {
    const names = source.reporters;
    if (names.length > 0 && rng.chance(0.6)) article.bylineLine = `By ${names.join(' and ')}`;
    return withEnglishDateline(article, rng);
  }
  const first = article.paragraphs[0] ?? '';
  const hasDateline = DATELINE.test(first);
  // A signed commentary under a column name ("政协谈", "□ 郑和顺") carries no dateline or byline.
  const commentary = source.kind !== 'photo' && !hasDateline && !article.subtitle && visualWidth(source.title) <= 16 && rng.chance(0.3);
  const names = source.kind === 'photo' || commentary ? [] : namesOf(source, rng);
  if (commentary) {
    const author = rng.pick(REPORTER_NAMES);
    article.authorLine = `${rng.pick(['□', '■', '◎'])} ${author}`;
    article.columnName = rng.pick(COLUMN_NAMES);
  } else if (!hasDateline && names.length > 0) {
    const style = rng.weighted({ inline: 6, line: 4, tail: 1, none: 2 });
    // Some papers sign at the end: "……（记者 王晓东）".
    if (style === 'tail') article.paragraphs[article.paragraphs.length - 1] += `（${names.map((name) => `记者 ${name}`).join(' ')}）`;
    const credit = names.map((name) => `记者 ${name}`).join(' ');
    if (style === 'inline') {
      const lead = rng.weighted({ local: 6, withCorrespondent: 1, relayed: 2 });
      if (lead === 'local') article.paragraphs[0] = `本报讯（${credit}）${first}`;
      if (lead === 'withCorrespondent') article.paragraphs[0] = `本报讯（${credit} 通讯员 ${rng.pick(REPORTER_NAMES)}）${first}`;
      if (lead === 'relayed') article.paragraphs[0] = `${rng.pick(['据新重庆-重庆日报讯', '据新华社电', '据央视新闻客户端讯'])} ${first}`;
    }
    if (style === 'line') article.bylineLine = `本报记者 ${names.join(' ')}`;
  }
  // Paragraph text taken from the source never carries a photo credit except in photo items.
  if (article.captionLines.length === 0 && rng.chance(0.3)) {
    const caption = makeCaption(source, rng, names[0] ?? rng.pick(REPORTER_NAMES));
    if (caption) article.captionLines.push(caption);
  }
  return article;
}

/** What a clipboard adds on some systems: CRLF line ends, stray spaces at line ends. */
function clipboardNoise(text: string, rng: Rng): string {
  const trailing = rng.pick([0, 0, 0.03, 0.1]);
  const noisy = text
    .split('\n')
    .map((line) => (line && rng.chance(trailing) ? line + rng.pick([' ', '  ', '\u3000']) : line))
    .join('\n');
  return rng.chance(0.1) ? noisy.replace(/\n/g, '\r\n') : noisy;
}

/** Running heads and feet some e-paper PDFs carry: date, paper name, page, editors. None are articles. */
function pageFurniture(rng: Rng, english: boolean): { top: Block[]; bottom: Block[] } {
  const top: Block[] = [];
  const bottom: Block[] = [];
  if (!rng.chance(0.2)) return { top, bottom };
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  if (english) {
    top.push({ kind: 'column', lines: [rng.pick([`The Daily Courier | ${month}/${day}/2024`, `PAGE ${rng.int(2, 16)} | LOCAL NEWS`])] });
  } else {
    const weekday = rng.pick(['一', '二', '三', '四', '五', '六', '日']);
    const head = rng.pick([`2024年${month}月${day}日 星期${weekday}`, `${rng.int(2, 16)} 要闻`, `重庆日报 ${month}月${day}日`]);
    top.push({ kind: 'column', lines: [head] });
    if (rng.chance(0.5)) bottom.push({ kind: 'column', lines: [`责任编辑 ${rng.pick(EDITORS)} 美术编辑 ${rng.pick(EDITORS)}`] });
  }
  return { top, bottom };
}

/** A PDF copy of a page: the damage of ../shared/corpus/seed-page.txt, at other widths and orders. */
export function layoutPdfPage(name: string, sources: SourceArticle[], rng: Rng, family = 'pdf'): GeneratedPage {
  const articles = sources.map((source) => printForPdf(source, rng.fork(source.id)));
  const plans = articles.map((article) => {
    const plan = planPdf(rng, article.source.lang === 'en');
    if (article.source.kind === 'photo') plan.firstColumnLines = plan.columnHeight = 99;
    return plan;
  });
  const sequence: Block[] = [];
  const pageTop: Block[] = [];
  let deferred: Block[] = [];
  for (const [i, article] of articles.entries()) {
    const plan = plans[i]!;
    const head: Block = { kind: 'head', lines: renderPdfHead(article, plan, rng) };
    const body: Block = { kind: 'body', lines: renderPdfBody(article, plan, rng) };
    const captions: Block[] = article.captionLines.map((line) => ({ kind: 'caption', lines: [(rng.chance(0.3) ? ' ' : '') + line] }));
    const column: Block[] = article.columnName ? [{ kind: 'column', lines: [article.columnName] }] : [];
    const own: Block[] = [];
    const placement = i === articles.length - 1 && plan.captionPlacement === 'afterNext' ? 'afterBody' : plan.captionPlacement;
    if (placement === 'beforeHead') own.push(...captions);
    if (placement === 'pageTop') pageTop.push(...captions);
    // The column name labels the headline from above; below it only when the headline ends the article.
    const headWithColumn = plan.headPosition === 'before' || rng.chance(0.5) ? [...column, head] : [head, ...column];
    if (plan.headPosition === 'before') own.push(...headWithColumn, body);
    else own.push(body);
    if (plan.headPosition === 'after') own.push(...headWithColumn);
    if (placement === 'afterBody') own.push(...captions);
    sequence.push(...own, ...deferred);
    deferred = [];
    if (placement === 'afterNext') deferred.push(...captions);
    if (plan.headPosition === 'deferred') deferred.push(...headWithColumn);
  }
  sequence.push(...deferred);
  const furniture = pageFurniture(rng, articles[0]?.source.lang === 'en');
  const blocks = [...furniture.top, ...pageTop, ...sequence, ...furniture.bottom];
  let text = '';
  for (const [i, block] of blocks.entries()) {
    // Blocks are set apart by a blank line, now and then only by a line break (never before a headline).
    if (i > 0) text += block.kind === 'head' || rng.chance(0.96) ? '\n\n' : '\n';
    text += block.lines.join('\n');
  }
  text += rng.pick(['\n', '\n\n', '\n\n\n']);
  return {
    name,
    family,
    text: clipboardNoise(text, rng),
    gold: {
      source: name,
      note: 'Generated by scripts/lib/page-layout.ts (PDF copy damage); test-only, from ../shared/corpus text.',
      articles: articles.map(toGold),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Clean web copy

/** "本报记者  吴齐强  颜  珂": names set apart by two spaces, a two-character name spaced out. */
function webByline(names: string[]): string {
  return `本报记者  ${names.map((name) => (name.length === 2 ? `${name[0]}  ${name[1]}` : name)).join('  ')}`;
}

function printForWeb(source: SourceArticle, rng: Rng): PrintedArticle {
  const article = withDeck(printedBase(source), rng);
  if (source.lang === 'en') {
    if (source.reporters.length > 0 && rng.chance(0.8)) article.bylineLine = `By ${source.reporters.join(' and ')}`;
    if (rng.chance(0.5)) article.captionLines = [];
    return withEnglishDateline(article, rng);
  }
  // An editor's note ("编者按：…") before the body, in the article's own text.
  if (source.editorNote && rng.chance(0.15)) article.paragraphs = [`编者按：${source.editorNote}`, ...article.paragraphs];
  const names = namesOf(source, rng);
  if (names.length > 0 && !DATELINE.test(article.paragraphs[0] ?? '')) article.bylineLine = webByline(names);
  // Summary lines ("■ ...") before the body, repeating sentences of it, as on People's Daily page 1.
  if (rng.chance(0.15) && article.paragraphs.length >= 4 && !article.paragraphs.some((p) => p.startsWith('■'))) {
    const picks = article.paragraphs.slice(1, 3).map((p) => splitSentences(p)[0]).filter((s): s is string => !!s);
    article.paragraphs = [...picks.map((s) => `■${s}`), ...article.paragraphs];
  }
  if (article.captionLines.length === 0 && rng.chance(0.15)) {
    const caption = makeCaption(source, rng, names[0] ?? rng.pick(REPORTER_NAMES));
    if (caption) article.captionLines.push(caption);
  }
  return article;
}

/** A clean web copy: kicker / title / subtitle / byline lines, then one line per paragraph. */
export function layoutWebPage(name: string, sources: SourceArticle[], rng: Rng, family = 'web'): GeneratedPage {
  const articles = sources.map((source) => printForWeb(source, rng.fork(source.id)));
  const blankBetween = rng.chance(0.7);
  const lines: string[] = [];
  for (const [i, article] of articles.entries()) {
    if (i > 0 && blankBetween) lines.push('');
    if (article.kicker) lines.push(article.kicker);
    lines.push(article.title);
    if (article.subtitle) lines.push(article.subtitle);
    if (article.bylineLine) lines.push(article.bylineLine);
    const indent = article.source.lang === 'zh' && rng.chance(0.2) ? '\u3000\u3000' : '';
    const captionAfter = article.captionLines.length > 0 ? rng.int(0, Math.max(0, article.paragraphs.length - 2)) : -1;
    for (const [k, paragraph] of article.paragraphs.entries()) {
      lines.push(indent + paragraph);
      if (k === captionAfter) lines.push(...article.captionLines);
    }
    if (article.source.lang === 'zh' && rng.chance(0.2)) lines.push(`（责任编辑：${rng.pick(EDITORS)}）`);
  }
  return {
    name,
    family,
    text: clipboardNoise(lines.join('\n') + '\n', rng),
    gold: {
      source: name,
      note: 'Generated by scripts/lib/page-layout.ts (clean web copy); test-only, from ../shared/corpus text.',
      articles: articles.map(toGold),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// One article copied from a news site, with the site's furniture around it

const ZH_CRUMBS = ['人民网 > 时政', '首页 > 要闻 > 正文', '澎湃新闻 > 时事', '新闻中心 > 国内新闻'];
const ZH_TAILS = ['分享到：', '【纠错】', '扫一扫在手机打开当前页', '关注我们'];

/** A whole-page copy of one article: breadcrumb, meta line, share buttons, editor, related links. */
export function layoutSitePage(name: string, source: SourceArticle, related: SourceArticle[], rng: Rng, family = 'site'): GeneratedPage {
  const article = printedBase(source);
  const english = source.lang === 'en';
  const lines: string[] = [];
  if (rng.chance(0.7)) lines.push(english ? rng.pick(['Home > Local News', 'News > City', 'Home / Region / Economy']) : rng.pick(ZH_CRUMBS));
  if (article.kicker) lines.push(article.kicker);
  lines.push(article.title);
  if (article.subtitle) lines.push(article.subtitle);
  const date = `${rng.int(2019, 2025)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')} ${String(rng.int(6, 22)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`;
  if (english) {
    if (source.reporters.length > 0) {
      article.bylineLine = `By ${source.reporters.join(' and ')}`;
      lines.push(article.bylineLine);
    }
    lines.push(rng.pick([`Updated ${date}`, `Published ${date}`, date]));
  } else {
    lines.push(rng.pick([`${date}  来源：人民日报`, `${date} | 来源：人民网－人民日报`, `${date}  来源：澎湃新闻`]));
    if (rng.chance(0.3)) lines.push('字号：大 中 小');
    if (source.reporters.length > 0) {
      article.bylineLine = webByline(source.reporters);
      lines.push(article.bylineLine);
    }
  }
  const captionAfter = article.captionLines.length > 0 ? rng.int(0, Math.max(0, article.paragraphs.length - 2)) : -1;
  for (const [k, paragraph] of article.paragraphs.entries()) {
    lines.push(paragraph);
    if (k === captionAfter) lines.push(...article.captionLines);
    if (english && k === 1 && rng.chance(0.5)) lines.push('Advertisement');
  }
  if (english) {
    if (rng.chance(0.6)) lines.push('Share this article');
    if (related.length > 0 && rng.chance(0.6)) lines.push('Read more', ...related.slice(0, 2).map((other) => other.title));
  } else {
    lines.push(`（责任编辑：${rng.pick(EDITORS)}）`);
    if (rng.chance(0.6)) lines.push(rng.pick(ZH_TAILS));
    if (related.length > 0 && rng.chance(0.5)) lines.push('相关新闻', ...related.slice(0, 3).map((other) => other.title));
  }
  return {
    name,
    family,
    text: lines.join('\n') + '\n',
    gold: {
      source: name,
      note: 'Generated by scripts/lib/page-layout.ts (one article copied from a news site, with its furniture); test-only.',
      articles: [toGold(article)],
    },
  };
}
