// The last step: an article's title, subtitle, kicker, byline and dateline from the headline units
// it received, or from its own first sentence when it has none.
import { displayWidth, hasHan, joinLines } from '../text';
import { isPersonName, matchDateline } from '../patterns';
import type { ArticleParts, HeadingBlock, HeadingUnit } from './model';
import { terms, type Term } from '../similarity';
import { MAX_COLUMN_NAME_CHARS, MAX_STACK_LINE_CHARS, printedAs, UNTOLD_SHARE } from './units';
import { endsOnOpeningMark } from './classify';
import { bracketsBalanced } from '../junctions';

const NO_TERMS: Set<Term> = new Set();
/** Shortest column name (和音, 遇见), in characters. */
const MIN_COLUMN_NAME_CHARS = 2;

/**
 * Of two title lines, a first one shorter than this share of the second is a kicker. Set by hand;
 * on the tuned PDF copies (`pdftotext -raw`) 0.5 to 0.7 read titles alike (75.4 %, 75.2 %, 75.2 %)
 * and 0.8 a little worse (75.0 %), F1 the same.
 */
const MAX_KICKER_SHARE = 0.6;

/** A title line shares at least this many of its terms with the text under it when it is the title's own (UNTOLD_SHARE when it is not): set by hand. */
const TOLD_SHARE = 0.5;

/** The share of a text's terms (Han bigrams, Latin words) that the body uses. */
function toldShare(text: string, body: Set<Term>): number {
  const own = terms(text);
  let told = 0;
  for (const term of own) if (body.has(term)) told++;
  return own.size === 0 ? 1 : told / own.size;
}

/**
 * How many leading lines of a title printed over several lines its text never talks about, when
 * the rest it does: those are a kicker or series' name set in the title's type. 0 otherwise, as
 * for a title in two balanced halves whose text uses both.
 */
function untoldLead(title: HeadingBlock, body: Set<Term>): number {
  const parts = title.parts;
  if (!parts || parts.length < 2) return 0;
  let lead = 0;
  while (lead < parts.length - 1 && toldShare(parts[lead]!, body) <= UNTOLD_SHARE) lead++;
  const rest = parts.slice(lead).join('');
  // (What is left no longer than a column's name is where a wrapped title ends: 畅连江海通达 / 未来.)
  if (lead === 0 || rest.length <= MAX_COLUMN_NAME_CHARS || toldShare(rest, body) < TOLD_SHARE) return 0;
  // (A word cut by the line break, 严防违 / 规干预 whose text says 违规, shows a title wrapped.)
  const across = terms(parts[lead - 1]!.slice(-1) + parts[lead]!.slice(0, 1));
  for (const term of across) if (body.has(term)) return 0;
  return lead;
}

/**
 * Which line of a title block, neither its first nor its last, is a column's name that a reader set
 * between the title's columns (PDFium reads a headline set top to bottom a column at a time, the
 * name's column among them: 春社日 / 多味斋 / 春社饭): a line no longer than a column's name, in Han
 * characters only, that the text never talks about, nor about the words across its breaks, while
 * it talks about the lines on either side. (A line of two characters may be a piece of a stack
 * read two characters a line, 浙江 / 义乌 / 外贸 / …: it is never taken for a name.) 0 if none.
 */
function untoldBetween(parts: string[] | undefined, body: Set<Term>): number {
  if (!parts || parts.length < 3) return 0;
  const untold = (piece: string) => toldShare(piece, body) <= UNTOLD_SHARE;
  for (let k = 1; k + 1 < parts.length; k++) {
    const name = parts[k]!;
    const [above, below] = [parts[k - 1]!, parts[k + 1]!];
    if (name.length > MAX_COLUMN_NAME_CHARS || name.length <= MAX_STACK_LINE_CHARS || !HAN_ONLY.test(name) || !untold(name)) continue;
    if (!untold(above.slice(-1) + name.slice(0, 1)) || !untold(name.slice(-1) + below.slice(0, 1))) continue;
    if (toldShare(above, body) >= TOLD_SHARE && toldShare(below, body) >= TOLD_SHARE) return k;
  }
  return 0;
}

/**
 * A headline set top to bottom comes out of a copy one character a line (金 / 台 / 随 / 感 / 莫 / 把
 * / …), the first few sometimes run together (金台随 / 感 / 莫 / …): every line after the first is a
 * single character. A wrapped headline may end on one character (文化瑰 / 宝), never on two lines of
 * one, so MIN_VERTICAL_LINES is well clear of it.
 */
const MIN_VERTICAL_LINES = 4;
function isVerticalStack(parts: string[] | undefined): parts is string[] {
  return parts !== undefined && parts.length >= MIN_VERTICAL_LINES && parts.slice(1).every((part) => [...part].length === 1);
}

/**
 * How many leading characters of a headline set top to bottom are a column's name printed in the
 * same stack (金台随感 over 莫把虚功当长处, 多味斋 over 春社日春社饭): the most characters, no more
 * than a column's name has, whose words and the word across the cut the text never uses while it
 * uses the rest. A stack has no line breaks to tell the name from the title, as untoldLead has.
 * A title so set is short (5 to 8 characters), so the rest needs only STACKED_TOLD_SHARE of its
 * words told: 莫把虚功当长处's text says 虚功 and 长处, two of its six.
 */
const STACKED_TOLD_SHARE = 1 / 3;
/** A column's name is words, Han characters only: a cut inside digits set across a stack (·2026) is none. */
const HAN_ONLY = /^\p{Script=Han}+$/u;
function untoldStackedName(text: string, body: Set<Term>): number {
  const chars = [...text];
  const untold = (piece: string) => toldShare(piece, body) <= UNTOLD_SHARE;
  for (let cut = Math.min(MAX_COLUMN_NAME_CHARS, chars.length - MAX_COLUMN_NAME_CHARS - 1); cut >= MIN_COLUMN_NAME_CHARS; cut--) {
    const name = chars.slice(0, cut).join('');
    const rest = chars.slice(cut).join('');
    if (HAN_ONLY.test(name) && untold(name) && untold(chars[cut - 1]! + chars[cut]!) && toldShare(rest, body) >= STACKED_TOLD_SHARE) return cut;
  }
  return 0;
}

/**
 * Wider than the line above by more than this (in em), a line is stacked under it, not wrapped on
 * from it. Digits and Latin letters print wider in headline type than the half em counted for
 * them, so half an em (read-page's slack for a short label over a headline) cuts a title wrapped
 * over full lines (2025年全国“打假 / 治敲”专项行动暨传); on the tuned PDF copies (pdftotext -raw)
 * 1 reads titles at 76.8 %, 0.5 at 76.2 %.
 */
const STACK_SLACK = 1;

/**
 * Fewest lines of a title block read as a stack of headline lines (kicker, title, subtitle) when
 * one is wider than the line above it. Two lines so printed are as often one title broken by
 * hand where it pauses (扎根琼岛百年 / 海南咖啡稳产提质), which untoldLead tells by the text.
 */
const MIN_STACKED_LINES = 3;

/**
 * The headline lines a title block was printed as: cut where a line is wider than the one above
 * it, which a wrapped line never is (every line of it but the last is full), so a kicker or a
 * series' name set in the title's type stands apart (文物里的潮生活 / 在金沙遗址博物馆感受3000年前的“萌趣”).
 * Cut too where a line narrower than the one above has more under it: it is full, so the title
 * wraps at that width and the wider line above was set in smaller type, a kicker's
 * (2026年“一起益企”服务行动开展 / 助力中小企业降本增 / 效提质升级). Lines so found go in `smaller`.
 */
function printedLines(block: HeadingBlock, smaller: Set<HeadingBlock>): HeadingBlock[] {
  const parts = block.parts;
  if (!parts || parts.length < MIN_STACKED_LINES || block.role !== 'title') return [block];
  const lines: string[][] = [[parts[0]!]];
  const smallerLines = new Set<string[]>();
  for (let k = 1; k < parts.length; k++) {
    // (A line of one character is type set top to bottom, 我 / 家 / 门 / 口, never a line of its own.)
    const above = parts[k - 1]!;
    const width = displayWidth(parts[k]!);
    // (A line is full where the line under it is no wider: else it ended a title and a subtitle follows.)
    const full = k < parts.length - 1 && parts[k]!.length > 1 && displayWidth(parts[k + 1]!) <= width + STACK_SLACK;
    const wrapsNarrower = full && width + STACK_SLACK < displayWidth(above);
    // (Where two full lines under it agree on the width the title wraps at, a line above in Han
    // characters only, none of whose widths is guessed, is short of it by a whole character: 李强签署国务院令 /
    // 公布《国务院关于产 / 业链供应链安全的规 / 定》.)
    const agreed = k < parts.length - 2 && Math.abs(displayWidth(parts[k + 1]!) - width) < STACK_SLACK;
    const shortOfWrap = agreed && displayWidth(above) === [...above].length && width >= displayWidth(above) + STACK_SLACK;
    if (above.length > 1 && (width > displayWidth(above) + STACK_SLACK || wrapsNarrower || shortOfWrap)) {
      if (wrapsNarrower) smallerLines.add(lines[lines.length - 1]!);
      lines.push([parts[k]!]);
    } else lines[lines.length - 1]!.push(parts[k]!);
  }
  if (lines.length === 1) return [block];
  return lines.map((texts) => {
    const line = { ...block, text: texts.reduce(joinLines), parts: texts.length > 1 ? texts : undefined };
    if (smallerLines.has(texts)) smaller.add(line);
    return line;
  });
}

/**
 * A reader that takes a headline set top to bottom a column at a time (PDFium) may set the
 * kicker's column between the title's two: 工地穿上了“ / 湖北武汉水厂改造使用全封闭气膜施工 /
 * 隔音防尘罩”. A title's quotes and brackets balance, so the line that ends on one left open goes on
 * at the line that closes it; the lines between, each wider than that line (a title wraps only
 * once a line is full), are a headline line of their own. The title's lines and those between, or
 * undefined where the block reads straight on.
 */
function interleavedLines(parts: string[] | undefined): { own: string[]; between: string[] } | undefined {
  if (!parts) return undefined;
  for (let k = 0; k + 2 < parts.length; k++) {
    const head = parts.slice(0, k + 1);
    const opened = parts[k]!;
    // (A mark alone on a line is a stack's, 我 / 家 / “ / 看, where nothing stands between; only
    // Han type is set top to bottom.)
    if (!endsOnOpeningMark(opened) || [...opened].length < 2 || !hasHan(opened) || bracketsBalanced(head)) continue;
    for (let m = k + 1; m < parts.length; m++) {
      if (bracketsBalanced([...head, parts[m]!])) return m === k + 1 ? undefined : { own: [...head, ...parts.slice(m)], between: parts.slice(k + 1, m) };
      if (!bracketsBalanced(parts[m]!) || displayWidth(parts[m]!) <= displayWidth(opened) + STACK_SLACK) return undefined;
    }
    return undefined;
  }
  return undefined;
}

/** Title, subtitle and kicker from a segment's headline units, in page order. */
export function toArticle(units: HeadingUnit[], paragraphs: string[], bodyByline: string | undefined): ArticleParts {
  const article: ArticleParts = { title: '', paragraphs, captions: [] };
  const ordered = [...units].sort((a, b) => a.at - b.at);
  const blocks = ordered.flatMap((unit) => [unit.main, ...unit.extras]).sort((a, b) => a.at - b.at);
  const bylines = blocks.flatMap((block) => block.bylines);
  const kicker = blocks.filter((block) => block.role === 'kicker' || block.role === 'column');
  const subtitles = blocks.filter((block) => block.role === 'subtitle');
  // A first headline with its own subtitle (——…) under it is whole: the lines after it are not
  // its title (推动传统媒体和新兴媒体融合发展 / ——…发言摘编, then each speaker's heading).
  const wholeFirst = ordered[0] !== undefined && ordered[0].main.role === 'title' && ordered[0].extras.some((extra) => extra.role === 'subtitle' && extra.at > ordered[0]!.main.at);
  const smaller = new Set<HeadingBlock>();
  const titleBlocks = blocks.filter((block) => block.role === 'title').map((block) => {
    const interleaved = interleavedLines(block.parts);
    if (!interleaved) return block;
    kicker.push({ ...printedAs(block, interleaved.between), role: 'kicker' });
    return printedAs(block, interleaved.own);
  });
  const printed = titleBlocks.flatMap((block) => (wholeFirst && block === ordered[0]!.main ? [block] : printedLines(block, smaller)));
  // Lines in smaller type than the title's are its kicker over it and its subtitle under it.
  const inTitleType = printed.filter((line) => !smaller.has(line));
  const titles = inTitleType.length > 0 ? inTitleType : printed;
  if (titles !== printed) {
    for (const line of smaller) (printed.indexOf(line) < printed.indexOf(titles[0]!) ? kicker : subtitles).push(line);
  }
  if (wholeFirst) {
    titles.splice(titles.indexOf(ordered[0]!.main), 1);
    titles.unshift(ordered[0]!.main);
  } else if (titles.length >= 3) {
    kicker.unshift(titles.shift()!); // kicker, title, subtitle: the usual three-line headline
  } else if (titles.length === 2 && titles[0]!.text.length < MAX_KICKER_SHARE * titles[1]!.text.length) {
    kicker.push(titles.shift()!); // a short line above a long one is the kicker
  }
  const main = titles.shift();
  subtitles.unshift(...titles);
  // (The text's terms are asked for only of a title printed over several lines.)
  const body = main?.parts && main.parts.length >= 2 ? terms(paragraphs.join('\n')) : NO_TERMS;
  const lead = main && !isVerticalStack(main.parts) ? untoldLead(main, body) : 0;
  const stackedName = main && isVerticalStack(main.parts) ? untoldStackedName(main.text, body) : 0;
  const between = main && lead === 0 && !isVerticalStack(main.parts) ? untoldBetween(main.parts, body) : 0;
  if (main && between > 0) {
    // (The name set between the title's columns goes to the kicker, the columns on either side join.)
    const parts = main.parts!;
    kicker.push({ ...main, text: parts[between]! });
    article.title = [...parts.slice(0, between), ...parts.slice(between + 1)].reduce(joinLines);
  } else if (main && lead > 0) {
    // (The lines the text never talks about go to the kicker, after any kicker above them.)
    kicker.push({ ...main, text: main.parts!.slice(0, lead).reduce(joinLines) });
    article.title = main.parts!.slice(lead).reduce(joinLines);
  } else if (main && stackedName > 0) {
    const chars = [...main.text];
    kicker.push({ ...main, text: chars.slice(0, stackedName).join('') });
    article.title = chars.slice(stackedName).join('');
  } else if (main) article.title = main.text;
  else if (subtitles.length) article.title = subtitles.shift()!.text;
  // (A bare personal name, 盛玉雷, left alone of a headline is a credit cut from its line: the byline.)
  else if (kicker.length && isPersonName(kicker[kicker.length - 1]!.text)) bylines.push(kicker.pop()!.text);
  else if (kicker.length) article.title = kicker.pop()!.text;
  // Several blocks in one field join as text does: directly in Chinese, with a space in English.
  if (subtitles.length) article.subtitle = subtitles.map((block) => block.text).reduce(joinLines);
  if (kicker.length) article.kicker = kicker.map((block) => block.text).reduce(joinLines);

  const first = paragraphs[0] ?? '';
  const dateline = matchDateline(first);
  if (dateline) article.dateline = dateline.dateline;
  const byline = bylines.length > 0 ? bylines.join(' ') : (bodyByline ?? dateline?.byline);
  if (byline) article.byline = byline;
  if (!article.title) article.title = titleFromText(first);
  return article;
}

const SENTENCE_END = /[。！？!?]|\.(?=\s|$)/;
/** Longest note in brackets after a dateline (（记者 陈元洪）) left out of a title: set by hand, no recorded evidence. */
const MAX_DATELINE_NOTE_CHARS = 40;
const DATELINE_NOTE = new RegExp(`^[（(][^）)]{0,${MAX_DATELINE_NOTE_CHARS}}[）)]`);
/**
 * A title taken from text is cut at MAX_TEXT_TITLE_CHARS, at its last clause mark when that leaves
 * more than MIN_TITLE_CLAUSE_CHARS. Set by hand, no recorded evidence.
 */
const MAX_TEXT_TITLE_CHARS = 60;
const MIN_TITLE_CLAUSE_CHARS = 8;

/** A headline-less article is titled by its first sentence (without the dateline), cut at a clause if long. */
export function titleFromText(text: string): string {
  const dateline = matchDateline(text);
  let body = dateline ? text.slice(text.indexOf(dateline.dateline) + dateline.dateline.length).replace(DATELINE_NOTE, '').trim() : text;
  if (!body) body = text;
  const end = SENTENCE_END.exec(body);
  // A question or exclamation keeps its mark (治愈患者捐献血浆会影响健康吗？); a full stop does not.
  let sentence = end ? body.slice(0, end.index + (/[！？!?]/.test(end[0]) ? 1 : 0)) : body;
  if (sentence.length > MAX_TEXT_TITLE_CHARS) {
    const clause = sentence.slice(0, MAX_TEXT_TITLE_CHARS).search(/[，,；;](?=[^，,；;]*$)/);
    // Cut at a clause, or at MAX_TEXT_TITLE_CHARS code units without splitting a surrogate pair.
    const last = MAX_TEXT_TITLE_CHARS - 1;
    const cut = clause > MIN_TITLE_CLAUSE_CHARS ? clause : /[\ud800-\udbff]/.test(sentence[last]!) ? last : MAX_TEXT_TITLE_CHARS;
    sentence = sentence.slice(0, cut);
  }
  return sentence.trim();
}
