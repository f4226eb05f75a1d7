// The damage a PDF copy does to newspaper text, one function per kind, each on plain strings.
// Studied on ../shared/corpus/seed-page.txt; every function is seeded so pages are reproducible.
import type { Rng } from './prng';
import { HAN, isWide, visualWidth } from './text';

/** Half-width runs that a layout engine keeps together: numbers, latin words, 8.6%, 18****2. */
const HALF_RUN = /[A-Za-z0-9][A-Za-z0-9.%+\-/*'’,:@!&]*[A-Za-z0-9%*]|[A-Za-z0-9]/y;
/** May not start a line (kinsoku): closing punctuation hangs at the end of the previous line. */
export const NO_LINE_START = new Set([...'，。、；：！？”’）》」』〉,.;:!?)%', '——', '……']);
/** May not end a line: opening punctuation moves to the next line. */
export const NO_LINE_END = new Set([...'“‘（《「『〈(']);

/** Splits text into the units a line breaker moves: half-width runs, single wide characters, spaces. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    HALF_RUN.lastIndex = i;
    const run = HALF_RUN.exec(text);
    if (run) {
      tokens.push(run[0]);
      i += run[0].length;
      continue;
    }
    // A dash or an ellipsis is set as one unit of two cells and never split.
    const pair = /^(——|……)/.exec(text.slice(i, i + 2));
    const ch = pair ? pair[0] : String.fromCodePoint(text.codePointAt(i)!);
    tokens.push(ch);
    i += ch.length;
  }
  return tokens;
}

/**
 * Spaces that PDF text extraction leaves around numbers and latin words next to Han characters:
 * "7 月 30 日", "增长 8.6%", "第 5位". `rate` is the chance for each side of each run.
 */
export function spaceAroundNumbers(text: string, rng: Rng, rate: number): string {
  if (rate <= 0) return text;
  const tokens = tokenize(text);
  let out = '';
  for (const [i, token] of tokens.entries()) {
    const isRun = /^[A-Za-z0-9]/.test(token);
    const prev = tokens[i - 1] ?? '';
    if (isRun && HAN.test(prev) && rng.chance(rate)) out += ' ';
    out += token;
    const next = tokens[i + 1] ?? '';
    if (isRun && HAN.test(next) && rng.chance(rate * 0.8)) out += ' ';
  }
  return out;
}

/**
 * A justified line spread with a space between every character ("工 业 增 加 值"), as extraction
 * leaves it; no space after a full-width comma or stop, none before an opening quote.
 */
export function justifyLine(line: string): string {
  const tokens = tokenize(line.replace(/ +/g, ''));
  let out = tokens[0] ?? '';
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1]!;
    const token = tokens[i]!;
    const glued = /^[，。、；：！？）》」』]$/.test(prev) || /^[“‘（《「『]$/.test(token);
    out += (glued ? '' : ' ') + token;
  }
  return out;
}

/**
 * Breaks text into lines at a column width (in cells: a CJK character is one, a half-width one
 * half). `widthOf(n)` gives the width of the n-th line, so columns can change mid-paragraph.
 * Closing punctuation hangs at the end of a line; opening punctuation never ends one.
 */
export function wrapText(text: string, widthOf: (lineIndex: number) => number): string[] {
  const tokens = tokenize(text);
  const english = !/[\u3000-\u9fff\uff00-\uffef]/.test(text);
  const lines: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    while (i < tokens.length && tokens[i] === ' ') i++;
    if (i >= tokens.length) break;
    const limit = widthOf(lines.length);
    let line = '';
    let width = 0;
    let lastSpace = -1;
    const start = i;
    while (i < tokens.length) {
      const token = tokens[i]!;
      const tokenWidth = visualWidth(token);
      if (width + tokenWidth > limit && i > start) {
        // Hanging punctuation: closing marks stay at the end of the line (at most two, as in "。”").
        for (let hung = 0; hung < 2 && !english && i < tokens.length && NO_LINE_START.has(tokens[i]!); hung++) {
          line += tokens[i]!;
          i++;
        }
        break;
      }
      if (token === ' ') lastSpace = i;
      line += token;
      width += tokenWidth;
      i++;
    }
    if (english && i < tokens.length && tokens[i] !== ' ' && lastSpace > start) {
      // Break English only between words: give back the partial word.
      line = tokens.slice(start, lastSpace).join('');
      i = lastSpace + 1;
    } else if (!english && i < tokens.length) {
      // An opening quote or bracket moves down with the word it opens.
      const last = tokens[i - 1]!;
      if (NO_LINE_END.has(last) && i - 1 > start) {
        line = line.slice(0, line.length - last.length);
        i--;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** Headline art printed twice over itself: "纳凉" comes out as "纳 凉纳 凉". */
export function doubledArt(chunk: string): string {
  const spaced = [...chunk].join(' ');
  return spaced + spaced;
}

/** Places a headline may be cut into two lines: not next to a number, not before closing punctuation. */
export function headlineCuts(title: string): number[] {
  const tokens = tokenize(title);
  const cuts: number[] = [];
  let offset = 0;
  for (let i = 0; i < tokens.length - 1; i++) {
    offset += tokens[i]!.length;
    const here = tokens[i]!;
    const next = tokens[i + 1]!;
    if (NO_LINE_START.has(next) || NO_LINE_END.has(here) || here === ' ' || next === ' ') continue;
    // Never between a number or latin word and what it belongs to ("2021|年").
    if (!isWide(here) || !isWide(next)) continue;
    cuts.push(offset);
  }
  return cuts;
}

/** Cuts an editor would choose: after a comma or a closing quote, before a bracket or a linking word. */
export function isPhraseCut(title: string, cut: number): boolean {
  const before = title[cut - 1] ?? '';
  const after = title[cut] ?? '';
  return /[，：？！”—]/.test(before) || /[（并为在让对向从赴]/.test(after) || PHRASE_STARTS.test(title.slice(cut));
}

/** Words a headline line often starts with, so a cut before them falls between phrases. */
const PHRASE_STARTS = /^(召开|举行|启动|实施|开展|推进|提升|撤出|贡献|探索|扩大|影响|悄然|不妨|一起|警惕|兼顾|首映|电视|工作|不断|持续|全面|加快|深化|专项|行动|会议|增长|同比|第二批)/;
