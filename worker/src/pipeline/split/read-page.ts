// Step 2 of the splitter: the page read once from top to bottom. Body lines join into paragraphs,
// paragraphs into segments cut at hard boundaries (a dateline such as 本报讯, or a headline or
// caption after a finished sentence); headline lines into blocks; caption lines into captions.
import type { Line } from '../clean';
import { joinLines, ParagraphBuilder } from '../text';
import { creditsPhotoStory, DASH_OPENED, isContinuedFrom, isPersonName, isSeriesLabel, continuedFromNote, isSidebarLabel, LEAD_IN, undouble, WRAPPED_DASHES } from '../patterns';
import { FULL_LINE_SLACK, JUSTIFIED_GAPS, type Layout } from './layout';
import { classifyLines, closesText, endsOnOpeningMark, finishedAt, hasClauseMark, isListPoint, isLoneMark, isSourceNote, MAX_LABEL_WIDTH, MIN_HEADLINE_WORDS_IN_TEXT } from './classify';
import { applyLineHints } from './hints';
import { groupUnits, MAX_COLUMN_NAME_CHARS, MAX_STACK_LINE_CHARS, printedAs, UNTOLD_SHARE } from './units';
import { bracketsBalanced } from '../junctions';
import { bigramShare, hanBigrams } from '../terms';
import type { Caption, HeadingBlock, HeadingUnit, Kind, LineHint, Segment } from './model';


/** Half a character wider still counts as no wider: a Latin letter or digit is half as wide as a Han character. */
const WRAP_SLACK = 0.5;
/**
 * Photo news's display headline, when not printed twice: a few characters (at least MIN, at most
 * MAX) over a caption of several lines. Set by hand, no recorded evidence.
 */
const MIN_DISPLAY_HEADLINE_CHARS = 4;
const MAX_DISPLAY_HEADLINE_CHARS = 8;
/** Longest line of full sentences standing alone under photo news that is the photo's caption (市民在园博园荷塘边拍照。): set by hand, no recorded evidence. */
const MAX_PHOTO_CAPTION_CHARS = 60;
/**
 * In bare text, a headline over nothing but a credited caption is photo news when at least this
 * share of its Han bigrams is in the caption (and more than in the text above it, which a headline
 * printed under its own body repeats). A display headline is terse (棉花开播北斗“掌舵”: 2 of 6 in
 * its text); on the tuned copies 0.3 and 0.2 gained the same (one page's photo news, both readers),
 * 0.5 nothing.
 */
const MIN_PHOTO_NEWS_WORDS = 0.3;
/** Most lines back from photo news's text to its display headline (a blank line and a byline between): set by hand, no recorded evidence. */
const DISPLAY_HEADLINE_REACH = 4;
/**
 * Text after a blank line (or, in a copy with no blank lines, after a finished sentence) whose column
 * is this much wider or narrower (em) goes on in another block: a new paragraph. With no blank lines
 * it parts a story from the next one whose headline is printed under its text (on the tuned copies
 * one page, F1 0.771 → 0.850, and no other change). The width was set by hand, no recorded evidence
 * (layout.ts's COLUMN_CHANGE, 4, is the tuned figure for a headline between frames).
 */
const BLOCK_WIDTH_CHANGE = 3;

export interface PageParts {
  segments: Segment[];
  units: HeadingUnit[];
  captions: Caption[];
  /** Bylines that stand alone before a body (web copies: title, byline, body). */
  bodyBylines: Map<number, string>;
  /** Line indexes of page furniture (running heads, page numbers, editors' and jump lines): a page's or a story's part ends there. */
  furniture: number[];
}

/** Steps 1 and 2: lines to headline units, caption texts and body segments, each with its place. */
export function readPage(lines: Line[], layout: Layout, hints?: readonly LineHint[]): PageParts {
  const facts = applyLineHints(classifyLines(lines, layout), hints);
  const kinds = facts.map((fact) => fact.kind);
  const series = seriesNames(lines, kinds);
  // (The page's text and captions, joined once as a copy breaks them, for the few names asked about.)
  let printedText: string | undefined;
  const pageText = () => (printedText ??= lines.filter((_, k) => kinds[k] === 'body' || kinds[k] === 'caption').map((line) => line.text).join(''));
  const segments: Segment[] = [];
  const blocks: HeadingBlock[] = [];
  const captions: Caption[] = [];
  const bodyBylines = new Map<number, string>();
  const furniture: number[] = [];

  let segment: Segment | undefined;
  const paragraph = new ParagraphBuilder();
  const captionLines: string[][] = [];
  let interrupted = true; // a headline or caption stands between the last body line and the next
  let continuedFrom = false; // a jump line (（上接第1版）) stands between them
  let lastBodyLine: Line | undefined;
  let lastBodyIndex = -1;
  let headingOpen = false; // the previous non-blank line was a headline line of the same block
  let pendingByline: string | undefined;

  const endParagraph = () => {
    if (!paragraph.empty) {
      const text = paragraph.take();
      if (segment) segment.paragraphs.push(text);
    }
  };
  const startSegment = (at: number, opensArticle: boolean, photoNews = false) => {
    endParagraph();
    segment = { paragraphs: [], at, opensArticle, photoNews };
    segments.push(segment);
    if (pendingByline !== undefined) bodyBylines.set(segments.length - 1, pendingByline);
    pendingByline = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const kind = kinds[i]!;
    if (kind === 'chrome') {
      // Text under a jump line saying where it came from (（上接第1版）) goes on from another page:
      // it never goes on from the text above, whose article it is not.
      if (layout.wrapped && isContinuedFrom(line.text)) continuedFrom = true;
      furniture.push(i);
      // (A headline never runs on over page furniture: a headline line after it starts another block.)
      headingOpen = false;
      continue;
    }
    if (kind === 'blank') {
      if (!layout.wrapped) endParagraph();
      headingOpen = false;
      continue;
    }
    if (kind === 'heading') {
      const { doubled } = facts[i]!;
      let text = doubled ? undouble(line.text) : line.text;
      // (A reader may set a series' name and the headline under it in one line, as they start at
      // one height: 我家门口有文物 “ over 看到桥 / ， / …: the name is a block of its own.)
      // (So may a column's name printed beside a headline set top to bottom, 金台随感 秒与涓.)
      const name = doubled ? undefined : (seriesPrefix(line, series) ?? (headingOpen ? undefined : columnPrefix(line, pageText())));
      if (name !== undefined) {
        blocks.push({ text: name, role: 'title', at: i, bylines: [], doubled: false, series: true });
        text = line.text.slice(name.length);
      }
      const previous = blocks[blocks.length - 1];
      // A kicker (…——) or subtitle (——…) line is its own block even without a blank line between.
      // (Dashes alone on a line are a kicker's end wrapped onto it, 辽宁激励各级领导干部 / ——: they go on with it.)
      const wrappedDashes = WRAPPED_DASHES.test(text);
      const marked = (DASH_OPENED.test(text) && !wrappedDashes) || (previous !== undefined && LEAD_IN.test(previous.text));
      // A headline wraps onto the next line; a line with commas under a plain one is a subtitle.
      // A sidebar's label over its headline (记者手记 / 做深入一线的调研) is a block of its own, and so
      // is a column's short name over a wider line (金台随感 / 秒秒与涓涓): a line wraps only once full.
      const above = lines[i - 1];
      const shortLabel = above !== undefined && above.width <= MAX_LABEL_WIDTH && line.width > above.width + WRAP_SLACK;
      // (A line goes on with a bracket or quote left open above: 探索（改革再深化奋 / 进新征程·代表委员履.)
      const open = previous !== undefined && !bracketsBalanced(previous.text);
      const label = previous !== undefined && !open && (isSidebarLabel(previous.text) || isSeriesLabel(previous.text) || isSeriesLabel(text) || shortLabel || previous.series === true || series.has(text));
      // (Display art printed twice neither wraps onto a plain headline nor takes one onto itself.)
      // (A headline set top to bottom comes one character a line, its punctuation too, 三 / 一 / ， / 不:
      // the stack goes on through it and through digits set across it (·2026); a line of several Han
      // characters under it is a headline of its own.)
      const stacked = previous !== undefined && isStack(previous);
      const inStack = stacked ? [...text].length === 1 || !TWO_HAN.test(text) : !hasClauseMark(text) || hasClauseMark(previous?.text ?? '');
      // (A headline the copy cut into its columns goes on through its marks: 环球走笔 七三 / 一 / ， / 不能忘记的黑暗历史.)
      const cut = previous !== undefined && goesOnThroughMark(previous, text);
      const wrapsOn = previous !== undefined && previous.doubled === doubled && (cut || wrappedDashes || (!label && inStack));
      if (layout.wrapped && headingOpen && previous && !marked && wrapsOn) {
        previous.parts = [...(previous.parts ?? [previous.text]), text];
        previous.text = joinLines(previous.text, text);
        previous.doubled ||= doubled;
      } else {
        const hint = hints?.[i];
        blocks.push({ text, role: 'title', at: i, bylines: [], doubled, ...(hint === 'kicker' || hint === 'subtitle' ? { hinted: hint } : {}), ...(series.has(text) ? { series: true } : {}) });
        // Photo news printed above its display headline: the credited text just before is the article.
        const lastCaption = captions[captions.length - 1];
        if (doubled && layout.wrapped && lastCaption && lastNonBlank(lines, kinds, i, 'caption') >= 0 && lastCaption.at > (segment?.at ?? -1)) {
          captions.pop();
          const photoText = new ParagraphBuilder();
          for (const captionLine of captionLines.pop()!) photoText.add(captionLine);
          startSegment(lastCaption.at, false, true);
          segment!.displayHeadline = blocks[blocks.length - 1];
          segment!.displayHeadline!.display = true;
          segment!.paragraphs.push(photoText.take());
          lastBodyLine = undefined;
          lastBodyIndex = -1;
        }
      }
      headingOpen = true;
      interrupted = true;
      continue;
    }
    headingOpen = false;
    if (kind === 'byline') {
      const previous = blocks[blocks.length - 1];
      // A byline right under a headline belongs to it; one that runs into body text belongs to that body.
      const next = lines[i + 1];
      const intoBody = next !== undefined && kinds[i + 1] === 'body';
      const underHeadline = kinds[i - 1] === 'heading' || kinds[i - 1] === 'byline' || !intoBody;
      if (previous && interrupted && underHeadline && previous.at < i && !segmentAfter(segment, previous)) previous.bylines.push(bylineText(line));
      else pendingByline = bylineText(line);
      interrupted = true;
      continue;
    }
    if (kind === 'caption') {
      // (A caption that says what the picture shows, 图为…, is a caption even there.)
      // Photo news has a display headline: printed twice as art, or a few characters over several lines of text.
      let captionEnd = i;
      while (captionEnd + 1 < lines.length && kinds[captionEnd + 1] === 'caption') captionEnd++;
      // (Where the capture's layout placed every headline over its text, a headline over nothing
      // but a credited block, up to the next headline, is a photo story's however long it is:
      // “绿电天路”云南段开建 over its text and 杨文明 吴志龙摄影报道. In bare text a headline printed
      // after its body may stand over the next article's photo caption, unless the credit says the
      // pictures are a story of their own: 摄影报道.)
      // (In bare text also where the headline's words are the caption's, more than the text's above:
      // 棉花开播北斗“掌舵” over 正值棉花播种关键期…北斗导航系统… 陶维明摄.)
      // (The words of the caption and of the text above it, gathered once and only when a rule asks.)
      let captionSet: Set<number> | undefined;
      let aboveSet: Set<number> | undefined;
      const captionWords = () => (captionSet ??= new Set(hanBigrams(lines.slice(i, captionEnd + 1).map((captionLine) => captionLine.text).join(''))));
      const wordsAbove = () => (aboveSet ??= new Set(hanBigrams((segment?.paragraphs.join('') ?? '') + paragraph.peek())));
      // (Photo news's short display headline may follow a headline printed under the text above, read as its last line.)
      const displayLine = layout.wrapped && kinds[i - 1] === 'heading' && facts[captionEnd]!.credit ? takeDisplayLine(blocks, lines[i - 1]!, captionWords(), wordsAbove()) : undefined;
      const previousBlock = displayLine ?? blocks[blocks.length - 1];
      const namesCaption = (): boolean => {
        const inCaption = bigramShare(previousBlock!.text, captionWords());
        return inCaption >= MIN_PHOTO_NEWS_WORDS && inCaption > bigramShare(previousBlock!.text, wordsAbove());
      };
      // (A headline printed after the text above it repeats that text's words, 纳米比亚…将访华 under
      // 新华社北京4月10日电 …纳米比亚…将于4月11日至18日对中国进行正式访问。: it heads no photo story under it.)
      const headsTextAbove = (): boolean => {
        const inText = bigramShare(previousBlock!.text, wordsAbove());
        return inText >= MIN_HEADLINE_WORDS_IN_TEXT && inText > bigramShare(previousBlock!.text, captionWords());
      };
      const storyCredit = creditsPhotoStory(lines[captionEnd]!.raw) && (previousBlock === undefined || !headsTextAbove());
      const photoStory = facts[captionEnd]!.credit && !bodyAfter(kinds, captionEnd) && (hints !== undefined || storyCredit || (previousBlock !== undefined && namesCaption()));
      // (Running text right under the caption is the article the photo illustrates: then a short
      // headline over the caption is that article's, 临泽县节水记 over its photo and its text.)
      const shortDisplay = previousBlock !== undefined && previousBlock.text.length <= MAX_DISPLAY_HEADLINE_CHARS && captionEnd > i && !runningTextAfter(lines, kinds, captionEnd);
      const display = previousBlock !== undefined && (previousBlock.doubled || shortDisplay || photoStory);
      const underHeadline =
        display && headlineRightAbove(lines, kinds, i) && previousBlock!.text.length >= MIN_DISPLAY_HEADLINE_CHARS && !/^(?:图为|圖為)/.test(line.text);
      const captionStart = i;
      if (underHeadline && !segmentAfter(segment, previousBlock)) {
        // Photo news: the text under a display headline is the article itself.
        startSegment(i, false, true);
        segment!.displayHeadline = previousBlock;
        previousBlock!.display = true;
        const photoText = new ParagraphBuilder();
        // (A photo credit closes the text: a caption line after it is the picture's own.)
        for (; i < lines.length && kinds[i] === 'caption' && !(i > captionStart && facts[i - 1]!.credit); i++) photoText.add(lines[i]!.text);
        segment!.paragraphs.push(photoText.take());
        i--;
        interrupted = true;
        lastBodyLine = undefined;
        lastBodyIndex = -1;
        continue;
      }
      // A caption ends at its photo credit: the next caption line starts another.
      if (captions.length > 0 && kinds[i - 1] === 'caption' && !facts[i - 1]!.credit) captionLines[captionLines.length - 1]!.push(line.text);
      else {
        captions.push({ text: '', at: i });
        captionLines.push([line.text]);
      }
      interrupted = true;
      continue;
    }
    // Body text.
    const { dateline } = facts[i]!;
    // (So does text whose first line opens with the jump note, （接第一版）从“靠山吃山”到…: the note is furniture.)
    const jumpNote = layout.wrapped ? continuedFromNote(line.text) : undefined;
    if (jumpNote !== undefined) continuedFrom = true;
    // A line of full sentences standing alone right under photo news is the photo's caption
    // (荷花盛开: its text, then 市民在园博园荷塘边拍照。).
    if (layout.wrapped && segment?.photoNews && interrupted && !dateline && standsAlone(lines, i) && line.text.length <= MAX_PHOTO_CAPTION_CHARS && line.endsSentence) {
      captions.push({ text: '', at: i });
      captionLines.push([line.text]);
      continue;
    }
    // Judged from the last line(s) alone: the paragraph string can be long.
    // (In bare column text a line ending in a photo credit closes photo news or a caption. Where
    // the capture's layout set that line in body type it is the text's own, and in a web copy a
    // lead photo's caption stands over its article's dateline: there it closes nothing.)
    const creditCloses = layout.wrapped && !hints;
    const finishedBefore = !lastBodyLine || (creditCloses ? closesText(lines, facts, lastBodyIndex) : finishedAt(lines, lastBodyIndex));
    if (dateline && segment && summaryPointsOnly(segment, lastBodyLine)) {
      // Summary points (■ …) under a headline lead into the story: its dateline goes on from them.
      endParagraph();
      segment.opensArticle = true;
    } else if (!segment || (dateline && finishedBefore) || (interrupted && (finishedBefore || !layout.wrapped)) || continuedFrom || (!dateline && layout.wrapped && lastBodyLine !== undefined && isSourceNote(lastBodyLine.text))) {
      // (Text under a jump line opens this page's part of a continued story, as a dateline opens a
      // story: the headline over the jump line is that story's. And a source note wholly in
      // brackets, （新华社北京4月10日电）, closes its story: the text under it is another.)
      startSegment(i, Boolean(dateline) || continuedFrom);
    } else if (!layout.wrapped || (finishedBefore && endsParagraph(lines, i, lastBodyIndex, layout))) {
      endParagraph();
    }
    paragraph.add(jumpNote === undefined ? line.text : line.text.slice(jumpNote.length).trimStart());
    if (!layout.wrapped) endParagraph();
    lastBodyLine = line;
    lastBodyIndex = i;
    interrupted = false;
    continuedFrom = false;
  }
  endParagraph();
  captions.forEach((caption, index) => {
    const text = new ParagraphBuilder();
    for (const captionLine of captionLines[index]!) text.add(captionLine);
    caption.text = text.take();
  });
  if (layout.wrapped) cutBlocksBetweenTexts(blocks, segments);
  return { segments, units: groupUnits(blocks), captions, bodyBylines, furniture };
}

/**
 * A run of headline lines between two texts may be two headlines one right under the other: the one
 * printed under the text above and the one over the text below (清明假期全国口岸日均出入境人员达226万人次 /
 * 广西今年提前下达中央补助资金…). Such a block is cut in two where the lines above the cut repeat the
 * text above and not the text below, and the lines under it the other way round.
 */
function cutBlocksBetweenTexts(blocks: HeadingBlock[], segments: Segment[]): void {
  // Only the blocks' words are ever looked for in a text: each segment next to a block of several
  // lines is searched once for them, rather than every word of it gathered.
  const asked = new Set<number>();
  for (const block of blocks) if (block.parts && !block.doubled && !block.hinted) for (const bigram of hanBigrams(block.parts.join(''))) asked.add(bigram);
  const words = new Map<Segment | undefined, Set<number>>();
  const wordsOf = (segment: Segment | undefined) => {
    let found = words.get(segment);
    if (!found) {
      found = new Set<number>();
      if (segment) for (const bigram of hanBigrams(segment.paragraphs.join(''))) if (asked.has(bigram)) found.add(bigram);
      words.set(segment, found);
    }
    return found;
  };
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    const parts = block.parts;
    if (!parts || block.doubled || block.hinted) continue;
    const above = wordsOf(segments.findLast((segment) => segment.at < block.at));
    const below = wordsOf(segments.find((segment) => segment.at > block.at));
    for (let cut = 1; cut < parts.length; cut++) {
      const upper = parts.slice(0, cut).join('');
      const lower = parts.slice(cut).join('');
      const upperAbove = bigramShare(upper, above);
      const lowerBelow = bigramShare(lower, below);
      if (upperAbove < MIN_HEADLINE_WORDS_IN_TEXT || bigramShare(upper, below) >= upperAbove) continue;
      // (A byline under the block says its lower lines head the text below, whatever their words:
      // 把敬畏传下去 / 让美回到日常 / 江寻千 over an essay that never says 让美回到日常.)
      const lowerAbove = bigramShare(lower, above);
      const bylined = block.bylines.length > 0 && lowerAbove < MIN_HEADLINE_WORDS_IN_TEXT;
      if (!bylined && (lowerBelow < MIN_HEADLINE_WORDS_IN_TEXT || lowerAbove >= lowerBelow)) continue;
      // (The byline under the block is the lower headline's.)
      blocks.splice(index, 1, { ...printedAs(block, parts.slice(0, cut)), bylines: [] }, { ...printedAs(block, parts.slice(cut)), at: block.at + cut });
      break;
    }
  }
}

/** A byline keeps one space between names (本报记者 刘鑫焱 付明丽): there they separate people. */
function bylineText(line: Line): string {
  return line.raw.replace(/[\s\u3000]+/g, ' ');
}

function segmentAfter(segment: Segment | undefined, block: HeadingBlock): boolean {
  return segment !== undefined && segment.at > block.at;
}

/** The segment so far holds only summary points (■ …), the lines a web copy prints under a headline. */
function summaryPointsOnly(segment: Segment, lastBodyLine: Line | undefined): boolean {
  return segment.paragraphs.length > 0 && lastBodyLine !== undefined && isListPoint(lastBodyLine.text) && segment.paragraphs.every(isListPoint);
}

/** Line `i` is a block of its own: blank lines (or the page's edge) above and below it. */
function standsAlone(lines: Line[], i: number): boolean {
  return (i === 0 || !lines[i - 1]!.text) && (i === lines.length - 1 || !lines[i + 1]!.text);
}

/** Fewest characters of a series' name (家园, 和音). */
const MIN_SERIES_NAME_CHARS = 2;

/**
 * Headline lines printed over more than one headline of the page: a series' name (我家门口有文物
 * over 枫亭水阁牵乡愁 and over “看到桥，就等于到家了”). A headline itself is printed once.
 */
function seriesNames(lines: Line[], kinds: Kind[]): Set<string> {
  const seen = new Set<string>();
  const names = new Set<string>();
  // (A headline set top to bottom, read a character or two a line, 我 / 家 / 门 / 口 / 有 / 文 / 物 / “ / 看 / …,
  // may start with the name: each such stack's text is looked at as one.)
  const stacks: { at: number; text: string }[] = [];
  const starts: { at: number; text: string }[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (kinds[i] !== 'heading' || kinds[i + 1] !== 'heading') continue;
    if (i === 0 || kinds[i - 1] !== 'heading') {
      let end = i;
      while (end < lines.length && kinds[end] === 'heading' && [...lines[end]!.text].length <= MAX_STACK_LINE_CHARS) end++;
      if (end - i >= MIN_SERIES_NAME_CHARS) stacks.push({ at: i, text: lines.slice(i, end).map((line) => line.text).join('') });
    }
    // (Also the line's part before a space: the name set in one line with the headline's start.)
    for (const text of new Set([lines[i]!.text, beforeSpace(lines[i]!)])) {
      // (One character is no name: a headline set top to bottom repeats its characters, 春社日春社饭.)
      if (text.length < MIN_SERIES_NAME_CHARS) continue;
      if (seen.has(text)) names.add(text);
      seen.add(text);
      starts.push({ at: i, text });
    }
  }
  for (const { at, text } of starts) {
    if (stacks.some((stack) => stack.at !== at && stack.text.length > text.length && stack.text.startsWith(text))) names.add(text);
  }
  return names;
}

/** A line's text before its first space, or all of it. */
function beforeSpace(line: Line): string {
  const space = line.raw.search(/[ \u3000]/);
  return space < 0 ? line.text : line.raw.slice(0, space);
}

/** The series' name line `line` starts with, set in one line with more after a space; undefined if none. */
function seriesPrefix(line: Line, series: ReadonlySet<string>): string | undefined {
  const name = beforeSpace(line);
  return name !== line.text && series.has(name) && line.text.startsWith(name) ? name : undefined;
}

/**
 * The column's name line `line` starts with, set in one line with the headline beside it (PDFium
 * reads a name and a headline set top to bottom at one height as one line, 金台随感 秒与涓,
 * 环球走笔 七三): the part before the space, no longer than a column's name and no person's name,
 * whose words no text or caption of the page uses. The two halves of a title set apart (海南咖啡 香飘岛外)
 * are both the text's words. Undefined if none.
 */
function columnPrefix(line: Line, pageText: string): string | undefined {
  const name = beforeSpace(line);
  // (A space before a digit or a Latin letter is how a reader sets scripts apart, 自上世纪 90 年代: no gap.)
  if (name === line.text || !HAN_NAME.test(name) || name.length > MAX_COLUMN_NAME_CHARS || !line.text.startsWith(name) || !HEADLINE_START.test(line.text.slice(name.length)) || isPersonName(name)) return undefined;
  // (The name is Han characters only, so each of its bigrams is found in the text as it is: a few
  // searches instead of a set of the page's bigrams, which cost a tenth of a copy's splitting.)
  let told = 0;
  for (let i = 0; i + 1 < name.length; i++) if (pageText.includes(name.slice(i, i + 2))) told++;
  return told / (name.length - 1) <= UNTOLD_SHARE ? name : undefined;
}
const HAN_NAME = new RegExp(`^\\p{Script=Han}{${MIN_SERIES_NAME_CHARS},}$`, 'u');
const HEADLINE_START = /^[\p{Script=Han}“‘《（「『]/u;

/**
 * Line `text` goes on with headline `block` through a mark on a line of its own: a lone mark that
 * closes or parts (” / ，) goes on with the line above, and the line after one that parts or opens,
 * or after a line of several glyphs ending on an opening mark (聚力保障“), goes on with it.
 */
function goesOnThroughMark(block: HeadingBlock, text: string): boolean {
  const last = block.parts?.at(-1) ?? block.text;
  if (isLoneMark(text) && !endsOnOpeningMark(text)) return true;
  if (isLoneMark(last)) return hasClauseMark(last) || endsOnOpeningMark(last);
  return [...last].length > 1 && endsOnOpeningMark(last);
}

/**
 * Photo news's short display headline may follow a headline printed under the text above with no
 * blank line between, read as that headline's last line (小丝网织出千亿元产业链 / 草原添生机 over
 * 眼下正值…为广袤的草原增添生机…申翌晓摄): a line whose words are the caption's, and not the text's
 * above, while the lines before it share none with the caption. It is taken off into a block of its own.
 */
function takeDisplayLine(blocks: HeadingBlock[], line: Line, caption: ReadonlySet<number>, above: ReadonlySet<number>): HeadingBlock | undefined {
  const block = blocks[blocks.length - 1];
  const parts = block?.parts;
  if (!block || !parts || parts[parts.length - 1] !== line.text) return undefined;
  const last = line.text;
  if (last.length < MIN_DISPLAY_HEADLINE_CHARS || last.length > MAX_DISPLAY_HEADLINE_CHARS) return undefined;
  const inCaption = bigramShare(last, caption);
  const rest = parts.slice(0, -1);
  if (inCaption < MIN_PHOTO_NEWS_WORDS || inCaption <= bigramShare(last, above) || bigramShare(rest.join(''), caption) >= MIN_PHOTO_NEWS_WORDS) return undefined;
  const display: HeadingBlock = { text: last, role: 'title', at: block.at + rest.length, bylines: [], doubled: false };
  blocks.splice(blocks.length - 1, 1, printedAs(block, rest), display);
  return display;
}

/** Fewest one-character lines that end a headline block for it to be a stack set top to bottom (a wrapped headline may end on one character, 文化瑰 / 宝, never on two). */
const MIN_STACK_TAIL = 2;

const TWO_HAN = /\p{Script=Han}.*\p{Script=Han}/u;

/** A headline block whose last lines hold one character each: type set top to bottom. */
function isStack(block: HeadingBlock): boolean {
  const parts = block.parts ?? [];
  return parts.length >= MIN_STACK_TAIL && parts.slice(-MIN_STACK_TAIL).every((part) => [...part].length === 1);
}

/** The first line after line `i` that is not blank (kinds.length past the page's end). */
function nextNonBlank(kinds: Kind[], i: number): number {
  let j = i + 1;
  while (j < kinds.length && kinds[j] === 'blank') j++;
  return j;
}

/** The line after line `i` (across blank lines) is body text running on past its line end. */
function runningTextAfter(lines: Line[], kinds: Kind[], i: number): boolean {
  const j = nextNonBlank(kinds, i);
  return kinds[j] === 'body' && !lines[j]!.endsSentence;
}

/** Body text follows line `i` before the next headline, furniture or the page's end. */
function bodyAfter(kinds: Kind[], i: number): boolean {
  return kinds[nextNonBlank(kinds, i)] === 'body';
}

/** A headline line just above line `i`: at most one blank line and the headline's byline between them. */
function headlineRightAbove(lines: Line[], kinds: Kind[], i: number): boolean {
  let blanks = 0;
  for (let j = i - 1; j >= 0 && j >= i - DISPLAY_HEADLINE_REACH; j--) {
    if (kinds[j] === 'heading') return true;
    if (!lines[j]!.text && ++blanks > 1) return false;
    if (lines[j]!.text && kinds[j] !== 'byline') return false;
  }
  return false;
}

function lastNonBlank(lines: Line[], kinds: Kind[], i: number, kind: Kind): number {
  for (let j = i - 1; j >= 0; j--) {
    if (!lines[j]!.text) continue;
    return kinds[j] === kind ? j : -Infinity;
  }
  return -Infinity;
}

/** The width of a block's text lines next to line `from` (two lines, going `step` = 1 down or -1 up). */
function blockWidth(lines: Line[], from: number, step: 1 | -1): number {
  const next = lines[from + step];
  return Math.max(lines[from]!.width, next?.text ? next.width : 0);
}

/**
 * In column text a short line that ends a sentence ends its paragraph; so does a finished sentence
 * after which the column is of another width (the text goes on in another block): after a blank
 * line, or anywhere in a copy with no blank lines.
 */
function endsParagraph(lines: Line[], i: number, lastBodyIndex: number, layout: Layout): boolean {
  const lastBodyLine = lines[lastBodyIndex]!;
  if (lines[i]!.indented) return true;
  if ((i > lastBodyIndex + 1 || layout.blankLines === 'none') && Math.abs(blockWidth(lines, i, 1) - blockWidth(lines, lastBodyIndex, -1)) >= BLOCK_WIDTH_CHANGE) return true;
  if (lastBodyLine.gaps >= JUSTIFIED_GAPS) return false; // justified: a full line
  return lastBodyLine.width <= layout.columnWidthAt(i) - FULL_LINE_SLACK;
}
