// Puts a PDF page's positioned text back into reading order: lines grouped by baseline,
// columns found from the gutters between them (left column before right), lines joined
// with line breaks and a blank line between paragraphs, columns and headlines.
// Pure: it takes positioned strings (from pdf.js) and returns text.

export interface PositionedText {
  text: string;
  /** Left edge and baseline in PDF units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size in PDF units. */
  size: number;
}

/** A run of text on one baseline, not crossing a column gutter. */
interface LineFragment {
  parts: PositionedText[];
  x0: number;
  x1: number;
  y: number;
  size: number;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function lowerQuartile(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 4)] ?? 0;
}

function fragmentText(fragment: LineFragment): string {
  let text = '';
  let previous: PositionedText | undefined;
  for (const part of fragment.parts) {
    if (previous) {
      const gap = part.x - (previous.x + previous.width);
      const before = text.at(-1) ?? '';
      const after = part.text[0] ?? '';
      // Latin words need their space back; CJK text never had spaces (justified gaps are layout).
      const needsSpace = gap > previous.size * 0.2 && !(CJK.test(before) && CJK.test(after));
      if (needsSpace && !/\s$/.test(text) && !/^\s/.test(part.text)) text += ' ';
    }
    text += part.text;
    previous = part;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** Splits the page's text into fragments: same baseline, no wide horizontal gap inside. */
function lineFragments(items: PositionedText[], typicalSize: number): LineFragment[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const bands: PositionedText[][] = [];
  for (const item of sorted) {
    const band = bands.at(-1);
    const bandY = band?.[0]?.y;
    if (band && bandY !== undefined && Math.abs(bandY - item.y) <= Math.max(item.size, typicalSize) * 0.4) {
      band.push(item);
    } else {
      bands.push([item]);
    }
  }
  // Wider than the spacing of justified CJK text, narrower than a newspaper's column gutter.
  const gutter = typicalSize * 1.0;
  const fragments: LineFragment[] = [];
  for (const band of bands) {
    band.sort((a, b) => a.x - b.x);
    let current: LineFragment | undefined;
    for (const item of band) {
      if (current && item.x - current.x1 <= gutter) {
        current.parts.push(item);
        current.x1 = Math.max(current.x1, item.x + item.width);
        current.size = Math.max(current.size, item.size);
      } else {
        current = { parts: [item], x0: item.x, x1: item.x + item.width, y: item.y, size: item.size };
        fragments.push(current);
      }
    }
  }
  return fragments;
}

/**
 * Column x-ranges from how many lines cover each slice of the page's width: the text columns
 * are covered by many lines, the gutters between them only by the odd headline crossing them.
 */
function findColumns(fragments: LineFragment[], typicalSize: number): Array<[number, number]> {
  const left = Math.min(...fragments.map((fragment) => fragment.x0));
  const right = Math.max(...fragments.map((fragment) => fragment.x1));
  const binWidth = Math.max(typicalSize / 4, 0.5);
  const binCount = Math.max(1, Math.ceil((right - left) / binWidth));
  const coverage = new Array<number>(binCount).fill(0);
  for (const fragment of fragments) {
    const first = Math.floor((fragment.x0 - left) / binWidth);
    const last = Math.min(binCount - 1, Math.floor((fragment.x1 - left - 0.001) / binWidth));
    for (let bin = Math.max(0, first); bin <= last; bin += 1) coverage[bin] = (coverage[bin] ?? 0) + 1;
  }
  // On a real page a gutter may be crossed by a headline or two, never by the column's lines.
  const threshold = Math.max(...coverage) >= 6 ? 2 : 0;
  const minGutterBins = Math.ceil((typicalSize * 0.8) / binWidth);
  const columns: Array<[number, number]> = [];
  let runStart: number | undefined;
  let emptyRun = 0;
  for (let bin = 0; bin <= binCount; bin += 1) {
    const covered = bin < binCount && (coverage[bin] ?? 0) > threshold;
    if (covered) {
      // A gap narrower than a gutter is just spacing inside a column: the run goes on.
      if (runStart === undefined) runStart = bin;
      emptyRun = 0;
      continue;
    }
    emptyRun += 1;
    const gapIsGutter = emptyRun >= minGutterBins || bin === binCount;
    if (runStart !== undefined && gapIsGutter) {
      const endBin = bin - emptyRun + 1;
      columns.push([left + runStart * binWidth, left + endBin * binWidth]);
      runStart = undefined;
    }
  }
  return columns.length > 0 ? columns : [[left, right]];
}

function columnOf(fragment: LineFragment, columns: Array<[number, number]>): number | undefined {
  const tolerance = fragment.size;
  const inside = columns.findIndex(([x0, x1]) => fragment.x0 >= x0 - tolerance && fragment.x1 <= x1 + tolerance);
  return inside === -1 ? undefined : inside;
}

/** Lines of one column (or one spanning run), joined with breaks; blank lines at paragraph gaps. */
function linesToText(fragments: LineFragment[]): string {
  const ordered = [...fragments].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const steps: number[] = [];
  for (let index = 1; index < ordered.length; index += 1) {
    const step = (ordered[index - 1]?.y ?? 0) - (ordered[index]?.y ?? 0);
    if (step > 0) steps.push(step);
  }
  // The lower quartile: lines inside paragraphs outnumber the gaps between them.
  const typicalStep = lowerQuartile(steps);
  let text = '';
  let previous: LineFragment | undefined;
  for (const fragment of ordered) {
    const line = fragmentText(fragment);
    if (!line) continue;
    if (previous) {
      const step = previous.y - fragment.y;
      const sizeChanged = Math.abs(fragment.size - previous.size) > Math.min(fragment.size, previous.size) * 0.2;
      const paragraphGap = typicalStep > 0 && step > typicalStep * 1.6;
      text += paragraphGap || sizeChanged ? '\n\n' : '\n';
    }
    text += line;
    previous = fragment;
  }
  return text;
}

/** The text of one page in reading order. */
export function layoutPageText(items: PositionedText[]): string {
  const usable = items.filter((item) => item.text.trim() !== '' && Number.isFinite(item.x) && Number.isFinite(item.y));
  if (usable.length === 0) return '';
  const typicalSize = median(usable.map((item) => item.size)) || 10;
  const fragments = lineFragments(usable, typicalSize);
  const columns = findColumns(fragments, typicalSize);

  // Fragments crossing a gutter (headlines over several columns) cut the page into bands;
  // inside a band the columns are read left to right, each top to bottom.
  const spanning = fragments.filter((fragment) => columnOf(fragment, columns) === undefined).sort((a, b) => b.y - a.y);
  const blocks: string[] = [];
  let upperY = Number.POSITIVE_INFINITY;
  const flushBand = (lowerY: number) => {
    for (let column = 0; column < columns.length; column += 1) {
      const inBand = fragments.filter(
        (fragment) => columnOf(fragment, columns) === column && fragment.y < upperY && fragment.y > lowerY,
      );
      const text = linesToText(inBand);
      if (text) blocks.push(text);
    }
  };
  let index = 0;
  while (index < spanning.length) {
    // Consecutive spanning lines (a two-line headline) stay together.
    const run: LineFragment[] = [];
    let nextIndex = index;
    while (nextIndex < spanning.length) {
      const candidate = spanning[nextIndex];
      if (!candidate) break;
      const between = fragments.some(
        (fragment) =>
          columnOf(fragment, columns) !== undefined && fragment.y < (run.at(-1)?.y ?? candidate.y + 1) && fragment.y > candidate.y,
      );
      if (run.length > 0 && between) break;
      run.push(candidate);
      nextIndex += 1;
    }
    const top = run[0];
    const bottom = run.at(-1);
    if (!top || !bottom) break;
    flushBand(top.y);
    const text = linesToText(run);
    if (text) blocks.push(text);
    upperY = bottom.y;
    index = nextIndex;
  }
  flushBand(Number.NEGATIVE_INFINITY);
  return blocks.join('\n\n');
}

/** The whole document: pages in order, a blank line between them. */
export function joinPages(pages: string[]): string {
  return pages.filter((page) => page.trim()).join('\n\n');
}
