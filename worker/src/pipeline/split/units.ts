// Headline blocks next to each other become units: a title with its kicker, subtitle or column name.
import { terms, type Term } from '../similarity';
import { isSeriesLabel } from '../patterns';
import { joinLines } from '../text';
import type { HeadingBlock, HeadingUnit, Role } from './model';

/**
 * Longest column name (政协谈, 随笔), in characters: a headline block this short names a column. Set
 * by hand; on the tuned PDF copies (pdftotext -raw / PDFium) 4 reads titles best: 87.7 % / 86.3 %,
 * against 86.1 % / 84.7 % at 3 and 85.0 % / 84.0 % at 5.
 */
export const MAX_COLUMN_NAME_CHARS = 4;
/** Most characters a line of a headline set top to bottom holds as a reader takes it (PDFium may run two together: 我家 / 门口). */
export const MAX_STACK_LINE_CHARS = 2;
/**
 * A headline line shares at most this many of its Han bigrams with the text when it is a kicker or
 * a column's or series' name printed with the title (看中国好物七十二变 over 保温杯中有乾坤), and at
 * least article.ts's TOLD_SHARE when it is the title's own. On the tuned PDF copies (pdftotext -raw,
 * before the check for a word cut by the break) 0.1 and 0.2 read titles alike (75.5 %), 0.3 a
 * little worse (75.4 %).
 */
export const UNTOLD_SHARE = 0.2;
/**
 * Most lines from a headline to the small blocks that go with it (a subtitle or column name under
 * it, a kicker over it): farther away, a block stands on its own. Set by hand; on the tuned PDF
 * copies 2, 3 and 4 read titles and F1 alike.
 */
const UNIT_REACH = 3;
/** A column name introduces a headline at most this many lines under it: set by hand; on the tuned PDF copies 1, 2 and 3 read alike. */
const COLUMN_NAME_REACH = 2;
/** Most small blocks a headline takes along: a bound that keeps a page of short lines linear. Set by hand; on the tuned PDF copies 2, 3 and 4 read alike. */
const MAX_EXTRAS = 3;

/** What a block does in its article's headline, from its dashes and its length. */
function roleOf(block: HeadingBlock): Role {
  if (block.hinted) return block.hinted;
  const { text } = block;
  if (/[—―-]{2}$/.test(text)) return 'kicker';
  if (/^[—―-]{2}/.test(text)) return 'subtitle';
  if ((text.length <= MAX_COLUMN_NAME_CHARS || isSeriesLabel(text) || block.series) && !block.doubled && !block.display) return 'column';
  return 'title';
}

/** Headline blocks next to each other become units: a title with its kicker, subtitle, column name. */
export function groupUnits(blocks: HeadingBlock[]): HeadingUnit[] {
  const units: HeadingUnit[] = [];
  let pendingKicker: HeadingBlock | undefined;
  for (const block of blocks) block.role = roleOf(block);
  blocks.forEach((block, index) => {
    const previous = units[units.length - 1];
    // A headline takes at most a few small blocks along (kicker, subtitle, column name).
    const adjacent = previous && block.at - lastLineOf(previous) <= UNIT_REACH && previous.extras.length < MAX_EXTRAS;
    const next = blocks[index + 1];
    // A column name right above a headline introduces it, like a kicker.
    if (block.role === 'column' && next && next.role === 'title' && next.at - block.at <= COLUMN_NAME_REACH) {
      if (pendingKicker) units.push({ main: pendingKicker, extras: [], terms: NO_TERMS, at: pendingKicker.at });
      pendingKicker = block;
      return;
    }
    if (block.role === 'kicker') {
      // Two kickers in a row: the first introduced no headline and stands as its own block.
      if (pendingKicker) units.push({ main: pendingKicker, extras: [], terms: NO_TERMS, at: pendingKicker.at });
      pendingKicker = block;
      return;
    }
    if ((block.role === 'subtitle' || block.role === 'column') && previous && adjacent && !pendingKicker) {
      previous.extras.push(block);
      return;
    }
    // A kicker introduces the headline right under it; one far above introduced nothing.
    if (pendingKicker && block.at - pendingKicker.at > UNIT_REACH) {
      units.push({ main: pendingKicker, extras: [], terms: NO_TERMS, at: pendingKicker.at });
      pendingKicker = undefined;
    }
    const unit: HeadingUnit = { main: block, extras: pendingKicker ? [pendingKicker] : [], terms: NO_TERMS, at: pendingKicker?.at ?? block.at };
    pendingKicker = undefined;
    units.push(unit);
  });
  if (pendingKicker) units.push({ main: pendingKicker, extras: [], terms: NO_TERMS, at: pendingKicker.at });
  return units;
}

const NO_TERMS = new Int32Array(0);

/** The words a headline unit is matched by. A column name (政协谈) is shared by many articles: it says nothing about which body is this one's. */
export function unitTerms(unit: HeadingUnit): Set<Term> {
  const words = [unit.main, ...unit.extras].filter((block) => block.role !== 'column').map((block) => block.text);
  return terms(words.join('\n'));
}

function lastLineOf(unit: HeadingUnit): number {
  return Math.max(unit.main.at, ...unit.extras.map((extra) => extra.at));
}


/** `block` printed on `lines` alone: their text, and the lines themselves when more than one. */
export function printedAs(block: HeadingBlock, lines: string[]): HeadingBlock {
  const { parts: _, ...rest } = block;
  return { ...rest, text: lines.reduce(joinLines), ...(lines.length > 1 ? { parts: lines } : {}) };
}
