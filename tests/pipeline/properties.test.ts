// Property tests over the pipeline, 100,000 generated inputs in all (see RUNS): random Unicode,
// CJK prose with random spaces and line breaks, and the real pages of ../shared/corpus cut,
// spliced and with lines deleted. For every one, runPipeline
//   - never throws, and answers in the API's shape (ProcessResponse);
//   - invents no character: every field alone, and all fields together, use no more of any
//     non-space character than the input holds (a headline printed twice as display art,
//     `纳凉纳凉` → `纳凉`, only removes; a title made from the first sentence is its copy);
//   - loses no article text: every letter and digit of the input is in the output, except on
//     lines the pipeline may drop by design (page furniture, byline and credit lines, the links
//     under a "related articles" heading) and the second half of doubled headline art.
// Counterexamples go to /tmp/pipeline-bugs.md for the pipeline's owner; these tests stay strict.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProcessResponse, type ArticleDraft } from '../../shared/src';
import { runPipeline } from '../../worker/src/pipeline';
import { normalizeText } from '../../worker/src/pipeline/clean';
import { endsWithCredit, isBylineLine, isChromeLine, isLinkListHeader, undouble } from '../../worker/src/pipeline/patterns';

/** Runs per property: 100,000 in all (slowest first: whole real pages take about 15 ms each). */
const RUNS = { realPages: 800, pageWindows: 8_200, cjkProse: 24_000, unicodeLines: 12_000, unicode: 55_000 } as const;
/** PROPERTY_RUNS_SCALE=0.05 gives a quick local run; CI runs the full count. */
const SCALE = Number(process.env.PROPERTY_RUNS_SCALE ?? 1);
const runs = (count: number) => Math.max(1, Math.round(count * SCALE));
/** Property tests run long; each gets this many milliseconds. */
const TIMEOUT = 120_000;

const capturedAt = '2025-01-01T00:00:00.000Z';
const WHITE = /[\s\u200b\u2060\ufeff]+/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Characters for counting: compatibility-decomposed (additive over concatenation), no white space. */
function charCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text.normalize('NFKD').replace(WHITE, '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

/** Counts of the letters and digits of `text`, judged before decomposition (`🆐` is a symbol, not "DJ"). */
function letterCounts(text: string): Map<string, number> {
  return charCounts([...text].filter((ch) => LETTER_OR_DIGIT.test(ch)).join(''));
}

/** The first character `part` uses more often than `whole` holds, if any. */
function overdrawn(part: Map<string, number>, whole: Map<string, number>): string | undefined {
  for (const [ch, n] of part) if (n > (whole.get(ch) ?? 0)) return `${JSON.stringify(ch)} ×${n}, has ${whole.get(ch) ?? 0}`;
  return undefined;
}

const squeeze = (text: string) => text.replace(WHITE, '');

function fieldsOf(article: ArticleDraft): string[] {
  return [article.title, article.subtitle, article.kicker, article.byline, article.dateline, ...article.paragraphs, ...article.captions].filter(
    (field): field is string => typeof field === 'string',
  );
}

/**
 * Headline fields that repeat the article's own body are copies, not inventions: a title made from
 * the first sentence, a dateline (`据新重庆-重庆日报讯`) or byline (`记者 陈元洪`) that also opens the
 * first paragraph. Each is still checked alone against the input.
 */
function withoutHeadlineCopies(article: ArticleDraft): string[] {
  const body = article.paragraphs.map(squeeze).join('|');
  const headlines = [article.title, article.subtitle, article.kicker, article.byline, article.dateline];
  const own = headlines.filter((field): field is string => field !== undefined && !body.includes(squeeze(field)));
  return [...own, ...article.paragraphs, ...article.captions];
}

/** Runs the pipeline on `input`, returning why the answer breaks an invariant, or undefined when it holds. */
function violation(input: string, keep: 'all' | Map<string, number>): string | undefined {
  let output: ReturnType<typeof runPipeline>;
  try {
    output = runPipeline({ text: input, capturedAt });
  } catch (error) {
    return `threw ${String(error)}`;
  }
  const shape = ProcessResponse.safeParse(output);
  if (!shape.success) return `not a ProcessResponse: ${shape.error.issues[0]?.message}`;

  const available = charCounts(input);
  const together: string[] = [];
  for (const [a, article] of output.articles.entries()) {
    for (const field of fieldsOf(article)) {
      const extra = overdrawn(charCounts(field), available);
      if (extra) return `article ${a} invents ${extra} in ${JSON.stringify(field.slice(0, 60))}`;
    }
    together.push(...withoutHeadlineCopies(article));
  }
  const extra = overdrawn(charCounts(together.join('')), available);
  if (extra) return `the articles together invent ${extra}`;

  const required = keep === 'all' ? articleLetters(input) : keep;
  const kept = charCounts(output.articles.flatMap(fieldsOf).join(''));
  const lost = overdrawn(required, kept);
  return lost ? `loses ${lost} in the output` : undefined;
}

/**
 * Letters and digits the output must keep: those of every line except the ones the pipeline
 * drops by design (furniture, byline and credit lines, links under a related-articles heading),
 * counting doubled display art once.
 */
function articleLetters(input: string): Map<string, number> {
  // Judged as the pipeline sees the lines: control characters and zero-width marks removed.
  const lines = normalizeText(input).split('\n');
  const kept: string[] = [];
  let underLinkList = false;
  for (const raw of lines) {
    const text = raw.trim();
    const tight = squeeze(text);
    if (!tight) {
      underLinkList = false;
      continue;
    }
    if (isLinkListHeader(tight) || isLinkListHeader(text)) underLinkList = true;
    if (underLinkList || isChromeLine(text) || isChromeLine(tight) || isBylineLine(text) || endsWithCredit(text)) continue;
    kept.push(undouble(tight));
  }
  return letterCounts(kept.join('\n'));
}

function holds(input: string, keep: 'all' | Map<string, number>): boolean {
  const problem = violation(input, keep);
  if (problem) throw new Error(problem);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Random Unicode: any code point (lone surrogates, controls, unassigned ones), and lines of
// graphemes from every script. Nothing thrown, nothing invented, every letter and digit kept.

describe('runPipeline on random Unicode', () => {
  it(
    'never throws, invents nothing and keeps every letter and digit, whatever the code points',
    () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 60, size: 'max' }), (input) => holds(input, 'all')),
        { numRuns: runs(RUNS.unicode) },
      );
    },
    TIMEOUT,
  );

  it(
    'keeps every letter and digit of lines of random graphemes',
    () => {
      const line = fc.string({ unit: fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), fc.constantFrom(' ', '\u3000', '。', '，')), maxLength: 30, size: 'max' });
      const text = fc.array(line, { maxLength: 6, size: 'max' }).map((lines) => lines.join('\n'));
      fc.assert(
        fc.property(text, (input) => holds(input, 'all')),
        { numRuns: runs(RUNS.unicodeLines) },
      );
    },
    TIMEOUT,
  );
});

// ---------------------------------------------------------------------------------------------
// CJK prose damaged the way copies from PDFs are: random spaces, line breaks and blank lines.

const HAN = [...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质更真感史名引声术律领导'];
const PUNCTUATION = [...'。，、；：？！“”《》（）——…'];
const GAPS = [' ', '  ', '\u3000', '\n', '\r\n', '\n\n', ' \n', '\t'];

const cjkProse = fc
  .array(
    fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom(...HAN) },
      { weight: 2, arbitrary: fc.constantFrom(...PUNCTUATION) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 99_999 }).map(String) },
      { weight: 2, arbitrary: fc.constantFrom(...GAPS) },
    ),
    { maxLength: 160, size: 'max' },
  )
  .map((pieces) => pieces.join(''));

describe('runPipeline on CJK prose with random spaces and line breaks', () => {
  it(
    'never throws, invents nothing and keeps every letter and digit',
    () => {
      fc.assert(
        fc.property(cjkProse, (input) => holds(input, 'all')),
        { numRuns: runs(RUNS.cjkProse) },
      );
    },
    TIMEOUT,
  );
});

// ---------------------------------------------------------------------------------------------
// Real pages, damaged: a window cut out of a page at any two characters, pages spliced together,
// lines deleted. Article text is known from the gold splits: every line of the damaged input
// that is a piece of some gold article (title, subtitle, paragraphs, captions) must be kept.

const CORPUS = new URL('../../../shared/corpus/', import.meta.url);
const PAGE_NAMES = ['seed-page', 'rmrb-2025-03-01-01-web', 'rmrb-2025-03-01-04-web'];

interface GoldArticle {
  title: string;
  subtitle?: string;
  paragraphs: string[];
  captions: string[];
}

const pages = PAGE_NAMES.map((name) => {
  const gold = JSON.parse(readFileSync(new URL(`${name}.gold.json`, CORPUS), 'utf8')) as { articles: GoldArticle[] };
  const articleText = gold.articles
    .flatMap((article) => [article.title, article.subtitle ?? '', ...article.paragraphs, ...article.captions])
    .map((text) => squeeze(text.normalize('NFKC')))
    .join('|');
  return { name, lines: readFileSync(new URL(`${name}.txt`, CORPUS), 'utf8').split('\n'), articleText };
});

/** Lines that are article text by the gold split: all of the line is in some gold field. */
function goldLetters(lines: string[], articleText: string): Map<string, number> {
  const kept = lines.map((line) => squeeze(line.normalize('NFKC'))).filter((line) => line.length > 0 && articleText.includes(line) && !isBylineLine(line));
  return letterCounts(kept.join('\n'));
}

const pageIndex = fc.integer({ min: 0, max: pages.length - 1 });

/** A window of a page between two random characters, up to 1,000 characters long. */
const pageWindow = fc.tuple(pageIndex, fc.nat(), fc.integer({ min: 1, max: 1000 })).map(([p, startSeed, length]) => {
  const page = pages[p]!;
  const text = page.lines.join('\n');
  const start = startSeed % text.length;
  const window = text.slice(start, start + length);
  // The first and last lines may be cut anywhere, so only whole lines inside the window count.
  const inner = window.split('\n').slice(1, -1);
  return { input: window, required: goldLetters(inner, page.articleText) };
});

/** Whole pages, spliced (a line range of one page dropped into another) and with lines deleted. */
const damagedPage = fc
  .tuple(pageIndex, pageIndex, fc.nat(), fc.nat(), fc.nat(), fc.array(fc.nat(), { maxLength: 12, size: 'max' }))
  .map(([p, q, at, from, length, deletions]) => {
    const host = pages[p]!.lines;
    const donor = pages[q]!.lines;
    const start = from % donor.length;
    const insert = donor.slice(start, start + (length % 40));
    const lines = [...host.slice(0, at % host.length), ...insert, ...host.slice(at % host.length)];
    const deleted = new Set(deletions.map((d) => d % lines.length));
    const kept = lines.filter((_, i) => !deleted.has(i));
    const required = goldLetters(kept, pages[p]!.articleText + '|' + pages[q]!.articleText);
    return { input: kept.join('\n'), required };
  });

describe('runPipeline on real pages cut, spliced and with lines deleted', () => {
  it(
    'never throws, invents nothing and keeps the article text of a window cut out of a page',
    () => {
      fc.assert(
        fc.property(pageWindow, ({ input, required }) => holds(input, required)),
        { numRuns: runs(RUNS.pageWindows) },
      );
    },
    TIMEOUT,
  );

  it(
    'never throws, invents nothing and keeps the article text of spliced pages with lines deleted',
    () => {
      fc.assert(
        fc.property(damagedPage, ({ input, required }) => holds(input, required)),
        { numRuns: runs(RUNS.realPages) },
      );
    },
    TIMEOUT,
  );
});

describe('the property runs', () => {
  it('add up to at least 100,000 generated inputs', () => {
    expect(Object.values(RUNS).reduce((sum, runs) => sum + runs, 0)).toBeGreaterThanOrEqual(100_000);
  });
});
