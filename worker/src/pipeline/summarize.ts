// Stage 3: extractive summary — 1 to 3 whole sentences of the article, in their original order.
//
// Each sentence gets a score from three interpretable signals, then a length-budgeted greedy pick:
// - centrality: how much of its vocabulary (Han character bigrams, or English words) other sentences share;
// - position: news puts the point first, so earlier sentences get a decaying bonus;
// - title overlap, when the caller passes the title;
// times penalties for sentences that are not statements of the story (editor's notes, credits, fragments).
// The pick takes the best-scoring sentence that still fits the budget, discounted by its overlap with
// sentences already taken (MMR) and favoured when it directly follows one (so the summary reads on rather
// than jumping about), and stops at 3 sentences or when nothing else fits or is worth adding.
//
// Sentences are the article's own, whole and in order; the one change is that a dateline label opening the
// story (本报讯（记者 陈元洪）, 新华社北京2月28日电, LONDON (Reuters) -) is left out of the summary.
//
// Length rule: at most `maxChars` (Chinese: characters other than spaces) or `maxWords` (other languages).
// Sentences are never cut. If no single sentence fits, the summary is the shortest of the three
// best-scoring sentences, whole, even though it is over the limit, as long as it is within twice the
// limit; otherwise the summary is empty (a run-on text with no sentence ends has no summary to extract).
//
// Cost: linear in the article (one pass to count terms), and bounded: only the first 30,000 characters
// are analysed and only the first `MAX_CANDIDATES` sentences are ranked.
import { isCloser, sentenceSpans } from './sentences';
import {
  articleTerms,
  ENGLISH_STOPWORDS,
  MAX_ANALYSED_CHARS,
  MAX_TITLE_CHARS,
  ScratchInts,
  usesHanUnits,
  wordTokens,
  type ArticleTerms,
  type RunCounts,
} from './terms';

export interface SummaryWeights {
  /** Weight of the position bonus (1 for the first sentence, decaying with 1/(1+i)^positionDecay). */
  position: number;
  positionDecay: number;
  /** Weight of the share of title terms a sentence contains. */
  title: number;
  /** Exponent of the length normalization of centrality: 1 = average per term, 0 = plain sum. */
  lengthNorm: number;
  /** How much overlap with already chosen sentences costs (MMR λ). */
  redundancy: number;
  /** A further sentence is added only if its score (title aside) reaches this share of the first one's. */
  minShare: number;
  /** Bonus, as a share of the first sentence's score, for the sentence right after a chosen one: it reads on. */
  continuation: number;
}

/**
 * Tuned on the 12 editors' summaries of ../shared/corpus/summaries-zh.jsonl (npm run eval:rouge:
 * ROUGE-L 21.0; choosing the weights on 11 articles and scoring the 12th gives 19.7, README).
 */
export const DEFAULT_SUMMARY_WEIGHTS: SummaryWeights = {
  position: 2,
  positionDecay: 0.5,
  title: 1,
  lengthNorm: 0.8,
  redundancy: 0.5,
  minShare: 0.6,
  continuation: 0.3,
};

export interface SummarizeOptions {
  /** The article's title: sentences that share its terms rank higher. */
  title?: string;
  maxChars?: number;
  maxWords?: number;
  maxSentences?: number;
  weights?: Partial<SummaryWeights>;
  /** `articleTerms(title, paragraphs)` when the caller already has it, so the bigrams are not counted twice. */
  terms?: ArticleTerms;
}

/** A summary's length when the caller sets none: at most this many sentences, and characters (Chinese) or words. Set by hand, no recorded evidence. */
const DEFAULT_MAX_SENTENCES = 3;
const DEFAULT_MAX_CHARS = 120;
const DEFAULT_MAX_WORDS = 60;
/** Sentences ranked, from the article's start: a bound on time. Set by hand, no recorded evidence. */
const MAX_CANDIDATES = 80;
/** Leading sentences whose script decides between characters and words: set by hand, no recorded evidence. */
const SCRIPT_SAMPLE_SENTENCES = 8;
/** When no sentence fits, a whole one up to this many times the limit is still better than none: set by hand, no recorded evidence. */
const MAX_OVERSHOOT = 2;
/** Added to a sentence's term count before length normalization, so a very short sentence does not win on a term or two: set by hand, no recorded evidence. */
const LENGTH_NORM_OFFSET = 4;
const IN_TITLE = new ScratchInts();
const SENTENCE_COUNT = new ScratchInts();
const LAST_SEEN = new ScratchInts();
const CHOSEN_TERMS = new ScratchInts();
/** A sentence sharing this much of its terms with a chosen one says the same thing again: set by hand, no recorded evidence. */
const NEAR_DUPLICATE = 0.8;

interface Sentence {
  text: string;
  /** Length in the budget's unit: characters without spaces (Chinese) or words. */
  size: number;
  /** Distinct term ids, leaving out terms that occur nowhere else in the article or title: they weigh nothing. */
  terms: number[];
  /** How many distinct terms, all counted. */
  termCount: number;
  score: number;
  /** The part of the score that comes from the title. */
  titleScore: number;
}

export function summarize(paragraphs: string[], lang: string, options: SummarizeOptions = {}): string {
  // Whole sentences from the start of the article, up to the analysis cap, and where each was found:
  // [paragraph, start, end] for each, so their terms can be read from the article's bigrams.
  const texts: string[] = [];
  const places: number[] = [];
  let analysed = 0;
  for (let p = 0; p < paragraphs.length; p++) {
    // Candidates come from the start of the article: once there are enough, stop reading.
    if (analysed >= MAX_ANALYSED_CHARS || texts.length >= MAX_CANDIDATES) break;
    const paragraph = paragraphs[p]!;
    const truncated = paragraph.length > MAX_ANALYSED_CHARS;
    const spans = sentenceSpans(truncated ? paragraph.slice(0, MAX_ANALYSED_CHARS) : paragraph);
    const kept = truncated ? spans.length - 2 : spans.length; // the cap may have cut the last one
    for (let k = 0; k < kept; k += 2) {
      if (analysed >= MAX_ANALYSED_CHARS) break;
      const start = spans[k]!;
      const end = spans[k + 1]!;
      texts.push(paragraph.slice(start, end));
      places.push(p, start, end);
      analysed += end - start;
    }
  }
  if (texts.length === 0 || (options.maxSentences ?? DEFAULT_MAX_SENTENCES) < 1) return '';
  const han = usesHanUnits(lang, texts.slice(0, SCRIPT_SAMPLE_SENTENCES).join(''));
  const limit = han ? (options.maxChars ?? DEFAULT_MAX_CHARS) : (options.maxWords ?? DEFAULT_MAX_WORDS);
  const maxSentences = options.maxSentences ?? DEFAULT_MAX_SENTENCES;
  const weights = { ...DEFAULT_SUMMARY_WEIGHTS, ...options.weights };

  // Term ids over the article (and title), and in how many sentences each term occurs.
  const title = (options.title ?? '').slice(0, MAX_TITLE_CHARS);
  const terms = han ? hanTerms(texts, title, places, options.terms) : wordTerms(texts, title, analysed + title.length + 1);
  const sentences: Sentence[] = texts.map((whole, index) => {
    // The story's first sentence often opens with a dateline label (本报讯（记者 陈元洪）, LONDON (Reuters) -):
    // the summary leaves the label out, as an editor would, and keeps the rest of the sentence whole.
    const text = index === 0 ? withoutDatelineLabel(whole) : whole;
    const termCount = terms.sentenceTermCounts[index]!;
    return { text, size: han ? charSize(text) : wordSize(text), terms: terms.sentenceTerms[index]!, termCount, score: 0, titleScore: 0 };
  });
  const { titleTerms, titleTermCount } = terms;
  const inTitle = IN_TITLE.filled(terms.size + 1, 0);
  for (const term of titleTerms) inTitle[term] = 1;

  const candidates = sentences.slice(0, MAX_CANDIDATES);
  let maxCentrality = 0;
  // One pass over each sentence's terms for both its centrality and its share of the title's terms.
  const titleShares: number[] = [];
  const centrality = candidates.map((sentence) => {
    let shared = 0;
    let titleHits = 0;
    for (const term of sentence.terms) {
      shared += logOf(terms.sentenceCount[term]!);
      titleHits += inTitle[term]!;
    }
    titleShares.push(titleTermCount > 0 ? titleHits / titleTermCount : 0);
    const value = sentence.termCount === 0 ? 0 : shared / power(sentence.termCount + LENGTH_NORM_OFFSET, weights.lengthNorm);
    if (value > maxCentrality) maxCentrality = value;
    return value;
  });
  candidates.forEach((sentence, index) => {
    const central = maxCentrality > 0 ? centrality[index]! / maxCentrality : 0;
    const position = 1 / power(1 + index, weights.positionDecay);
    const titleShare = titleShares[index]!;
    const factor = penalty(sentence.text, sentence.size, han);
    sentence.titleScore = weights.title * titleShare * factor;
    sentence.score = (central + weights.position * position) * factor + sentence.titleScore;
  });

  const chosen = pick(candidates, limit, maxSentences, weights, terms.size);
  chosen.sort((a, b) => a - b);
  return joinSentences(chosen.map((index) => candidates[index]!.text));
}

/** Powers of small whole numbers to the default exponents, looked up rather than computed for every sentence. */
const SMALL_POWERS = new Map(
  [DEFAULT_SUMMARY_WEIGHTS.lengthNorm, DEFAULT_SUMMARY_WEIGHTS.positionDecay].map((exponent) => [exponent, Array.from({ length: 256 }, (_, base) => Math.pow(base, exponent))]),
);

/** `Math.pow(base, exponent)`, the same number, from the table when there is one. */
function power(base: number, exponent: number): number {
  return (base < 256 ? SMALL_POWERS.get(exponent)?.[base] : undefined) ?? Math.pow(base, exponent);
}

/** Natural logarithms of small counts, looked up rather than computed for every term. */
const SMALL_LOGS = Array.from({ length: 256 }, (_, k) => (k === 0 ? 0 : Math.log(k)));

function logOf(count: number): number {
  return count < 256 ? SMALL_LOGS[count]! : Math.log(count);
}

/** Distinct term ids of each sentence and of the title, and the number of sentences each term occurs in. */
interface TermTable {
  /** Distinct term ids of each sentence, perhaps without those that occur nowhere else (see `Sentence.terms`). */
  sentenceTerms: number[][];
  /** How many distinct terms each sentence has, all counted. */
  sentenceTermCounts: number[];
  titleTerms: number[];
  titleTermCount: number;
  sentenceCount: Int32Array;
  /** The number of distinct terms. */
  size: number;
}

/**
 * Han bigrams of the sentences `texts`, read from the article's bigram ids (`articleTerms`): the caller's,
 * where `places` holds [paragraph, start, end] of each sentence, when they cover every sentence; else those
 * of the sentences alone, counted here.
 */
function hanTerms(texts: string[], title: string, places: number[], given: ArticleTerms | undefined): TermTable {
  const lastParagraph = places[places.length - 3]!;
  const lastEnd = places[places.length - 1]!;
  // The caller's terms cover every sentence unless the article is longer than their analysis limit.
  const covered = given !== undefined && lastParagraph < given.paragraphs.length && lastEnd <= given.paragraphs[lastParagraph]!.length;
  const terms = covered ? given : articleTerms(title, texts, Infinity);
  const { size } = terms.bigrams;
  const sentenceCount = SENTENCE_COUNT.filled(size + 1, 0);
  // The last sentence (numbered from 1) that counted each term, so a term counts once per sentence.
  const lastSeen = LAST_SEEN.filled(size + 1, -1);
  const sentenceTerms: number[][] = [];
  const sentenceTermCounts: number[] = [];
  for (let sentence = 0; sentence < texts.length; sentence++) {
    // Where the sentence lies in the analysed text: in its paragraph, or (counted here) as a paragraph of its own.
    const start = covered ? terms.paragraphStarts[places[3 * sentence]!]! + places[3 * sentence + 1]! : terms.paragraphStarts[sentence]!;
    const end = start + texts[sentence]!.length;
    const found: number[] = [];
    sentenceTermCounts.push(distinctBigrams(terms.bigrams, start, end, lastSeen, sentence + 1, sentenceCount, found));
    sentenceTerms.push(found);
  }
  const titleTerms: number[] = [];
  const titleTermCount = distinctBigrams(terms.bigrams, 0, terms.titleLength, lastSeen, -2, null, titleTerms);
  return { sentenceTerms, sentenceTermCounts, titleTerms, titleTermCount, sentenceCount, size };
}

// Helpers here are top-level functions, not closures: bundlers that keep function names (wrangler does)
// add a costly call to every closure they create.

/**
 * The number of distinct bigrams wholly inside text[from, to); adds to `found` those that occur more than once
 * in the text, and counts them toward `sentenceCount` unless it is null. A bigram that occurs once adds
 * nothing to centrality (log 1), title share or overlap, so only the count needs it.
 * `lastSeen[id] === mark` means already found for this text.
 */
function distinctBigrams(
  bigrams: RunCounts,
  from: number,
  to: number,
  lastSeen: Int32Array,
  mark: number,
  sentenceCount: Int32Array | null,
  found: number[],
): number {
  const { at, count } = bigrams;
  let distinct = 0;
  for (let i = from; i < to - 1; i++) {
    const id = at[i]!;
    if (id < 0) continue;
    if (count[id] === 1) {
      distinct++;
    } else if (lastSeen[id] !== mark) {
      lastSeen[id] = mark;
      if (sentenceCount !== null) sentenceCount[id]!++;
      found.push(id);
      distinct++;
    }
  }
  return distinct;
}

/** Words other than stopwords, counted by key; `capacity` is at least the number of distinct words. */
function wordTerms(texts: string[], title: string, capacity: number): TermTable {
  const ids = new Map<string, number>();
  const sentenceCount = SENTENCE_COUNT.filled(capacity + 1, 0);
  const lastSeen = LAST_SEEN.filled(capacity + 1, -1);
  const sentenceTerms = texts.map((text, index) => {
    const found = distinctWords(text, ids, lastSeen, index + 1);
    for (const id of found) sentenceCount[id]!++;
    return found;
  });
  const titleTerms = title ? distinctWords(title, ids, lastSeen, -2) : [];
  const sentenceTermCounts = sentenceTerms.map((found) => found.length);
  return { sentenceTerms, sentenceTermCounts, titleTerms, titleTermCount: titleTerms.length, sentenceCount, size: ids.size };
}

/** Distinct ids of the words of `text` other than stopwords, adding new words to `ids`; `lastSeen` as above. */
function distinctWords(text: string, ids: Map<string, number>, lastSeen: Int32Array, mark: number): number[] {
  const found: number[] = [];
  for (const token of wordTokens(text)) {
    if (token.key.length < 2 || ENGLISH_STOPWORDS.has(token.key) || ENGLISH_STOPWORDS.has(token.text.toLowerCase())) continue;
    let id = ids.get(token.key);
    if (id === undefined) {
      id = ids.size;
      ids.set(token.key, id);
    }
    if (lastSeen[id] !== mark) {
      lastSeen[id] = mark;
      found.push(id);
    }
  }
  return found;
}

/** Greedy MMR pick of sentence indexes under the length budget. */
function pick(candidates: Sentence[], limit: number, maxSentences: number, weights: SummaryWeights, termCount: number): number[] {
  const chosen: number[] = [];
  // Bit j set: the term occurs in the j-th chosen sentence.
  const chosenTerms = CHOSEN_TERMS.filled(termCount + 1, 0);
  let used = 0;
  let firstScore = 0;
  while (chosen.length < maxSentences) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < candidates.length; i++) {
      const candidate = candidates[i]!;
      if (chosen.includes(i) || used + candidate.size > limit || candidate.score <= 0) continue;
      let overlap = 0;
      for (let j = 0; j < chosen.length; j++) {
        const other = candidates[chosen[j]!]!;
        if (other.text === candidate.text) overlap = 1;
        let common = 0;
        for (const term of candidate.terms) common += (chosenTerms[term]! >> j) & 1;
        const smaller = Math.min(candidate.termCount, other.termCount);
        if (smaller > 0) overlap = Math.max(overlap, common / smaller);
      }
      if (overlap >= NEAR_DUPLICATE) continue;
      const value = candidate.score + continuationBonus(chosen, i, weights, firstScore) - weights.redundancy * overlap * firstScore;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0) break;
    // Whether to add a sentence at all is judged on its own merit: neither the title nor the continuation counts.
    if (chosen.length > 0 && bestValue - continuationBonus(chosen, best, weights, firstScore) - candidates[best]!.titleScore < weights.minShare * firstScore) break;
    // The title can lift the first sentence far above the rest: judge further ones against it without the title.
    if (chosen.length === 0) firstScore = candidates[best]!.score - candidates[best]!.titleScore;
    for (const term of candidates[best]!.terms) chosenTerms[term]! |= 1 << chosen.length;
    chosen.push(best);
    used += candidates[best]!.size;
  }
  if (chosen.length === 0) {
    const fallback = shortestOfBest(candidates);
    if (candidates[fallback]!.size <= MAX_OVERSHOOT * limit) chosen.push(fallback);
  }
  return chosen;
}

/** The bonus of the sentence at `index` for directly following a chosen one: the summary reads on. */
function continuationBonus(chosen: number[], index: number, weights: SummaryWeights, firstScore: number): number {
  return chosen.includes(index - 1) ? weights.continuation * firstScore : 0;
}

/** When no sentence fits, the shortest of this many best-scoring sentences is taken: set by hand, no recorded evidence. */
const FALLBACK_CHOICES = 3;

/** When no sentence fits: the shortest of the FALLBACK_CHOICES best-scoring sentences (never a cut one). */
function shortestOfBest(candidates: Sentence[]): number {
  const ranked = candidates.map((_, index) => index).sort((a, b) => candidates[b]!.score - candidates[a]!.score || a - b);
  let shortest = ranked[0]!;
  for (const index of ranked.slice(1, FALLBACK_CHOICES)) if (candidates[index]!.size < candidates[shortest]!.size) shortest = index;
  return shortest;
}

/** A news agency or newspaper dateline label at the start of a story, with an optional reporter in brackets. */
const DATELINE_LABEL = new RegExp(
  [
    '^(?:本报讯|本報訊|(?:新华社|新華社|中新社|中新网|中新網|本报|本報)[^，。！？\\s]{0,14}?[电電]|[据據][^，。！？]{1,16}?[讯訊])',
    '\\s*(?:[（(][^）)]{1,30}[）)])?\\s*',
  ].join(''),
  'u',
);
const ENGLISH_DATELINE_LABEL = /^(?:[A-Z][A-Za-z .,'-]{0,40}\s*)?\((?:Reuters|AP|AFP|CNN|Bloomberg|UPI|Xinhua|dpa)\)\s*(?:[-—–]+|:)?\s*/u;

/** Shortest rest of a sentence worth keeping once its dateline label is taken off: set by hand, no recorded evidence. */
const MIN_REST_CHARS = 10;

/** The sentence without a leading dateline label, if what remains is still a sentence of some length. */
export function withoutDatelineLabel(sentence: string): string {
  const match = DATELINE_LABEL.exec(sentence) ?? ENGLISH_DATELINE_LABEL.exec(sentence);
  if (!match || match[0].length === 0) return sentence;
  const rest = sentence.slice(match[0].length);
  return rest.length >= MIN_REST_CHARS ? rest : sentence;
}

const CREDIT_PATTERN = /(记者|記者|通讯员|通訊員|摄影|攝影|编辑|編輯|责编|責編|[图圖][\/：:]|来源[:：]|來源[:：]|供图|供圖|[摄攝]$|photo|reporting by|editing by|contributed)/iu;

const DEPENDENT_START = /^(?:此外|另外|同时|但是?|然而|而且|因此|所以|不过|其中|对此|此前|與此同時|与此同时|另一方面|然後|然后|(?:however|but|also|meanwhile|in addition|moreover|furthermore|still|yet|and|so)[,\s])/iu;
const LIST_ITEM = /^([0-9０-９]+[、.．)）]|[（(][一二三四五六七八九十0-9]+[）)]|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[，,、])/u;

// The checks on a sentence's first and last characters read char codes: a regex ending in `$` tries every position.

/** A sentence mark `。！？｡.!?…`, followed only by closing quotes or brackets (`isCloser`). */
function endsSentence(text: string): boolean {
  let end = text.length;
  while (end > 0 && isCloser(text.charCodeAt(end - 1))) end--;
  if (end === 0) return false;
  const mark = text.charCodeAt(end - 1);
  return mark === 0x3002 || mark === 0xff01 || mark === 0xff1f || mark === 0xff61 || mark === 0x2e || mark === 0x21 || mark === 0x3f || mark === 0x2026;
}

/** A note in brackets from start to end: `（原题为《…》）`, `[Editor's note]`. */
function isBracketedNote(text: string): boolean {
  if (text.length < 2) return false;
  const open = text.charCodeAt(0);
  const close = text.charCodeAt(text.length - 1);
  return (open === 0xff08 || open === 0x28 || open === 0x3010 || open === 0x5b) && (close === 0xff09 || close === 0x29 || close === 0x3011 || close === 0x5d);
}

/** A quotation from start to end: `“…”`, `「…」`. */
function isQuoted(text: string): boolean {
  const open = text.charCodeAt(0);
  const close = text.charCodeAt(text.length - 1);
  return (open === 0x201c || open === 0x22 || open === 0x300c || open === 0x300e) && (close === 0x201d || close === 0x22 || close === 0x300d || close === 0x300f);
}

function endsWithColon(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last === 0x3a || last === 0xff1a;
}

/**
 * 1 for an ordinary statement; less for editor's notes, credits, fragments, lead-ins to lists, list items,
 * and sentences that open with a connective and so lean on the one before.
 */
function penalty(text: string, size: number, han: boolean): number {
  if (isBracketedNote(text)) return PENALTY.bracketedNote;
  let factor = 1;
  if (size < (han ? CREDIT_SIZE.han : CREDIT_SIZE.words) && CREDIT_PATTERN.test(text)) factor *= PENALTY.credit;
  if (size < (han ? SHORT_SIZE.han : SHORT_SIZE.words)) factor *= PENALTY.short;
  if (endsWithColon(text)) factor *= PENALTY.endsWithColon;
  else if (!endsSentence(text)) factor *= PENALTY.fragment; // a heading or fragment without a full stop
  if (isQuoted(text)) factor *= PENALTY.quoted;
  if (DEPENDENT_START.test(text)) factor *= PENALTY.dependent; // leans on the sentence before it
  if (LIST_ITEM.test(text)) factor *= PENALTY.listItem; // one item of a list, not the point
  return factor;
}

/** The factors of `penalty`: set by hand, no recorded evidence. */
const PENALTY = {
  bracketedNote: 0.05,
  credit: 0.2,
  short: 0.4,
  endsWithColon: 0.5,
  fragment: 0.6,
  quoted: 0.8,
  dependent: 0.8,
  listItem: 0.7,
};
/** Sizes (characters in Chinese, words otherwise) below which a sentence with a credit's words is a credit, and any sentence is short: set by hand, no recorded evidence. */
const CREDIT_SIZE = { han: 30, words: 8 };
const SHORT_SIZE = { han: 8, words: 4 };

/** What a Chinese summary's length does not count: spaces, and the second half of an astral character. */
const UNCOUNTED_IN_SIZE = /[ \u3000\t\udc00-\udfff]/;

function charSize(text: string): number {
  if (!UNCOUNTED_IN_SIZE.test(text)) return text.length; // the common case, found by a fast scan
  let size = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 0x3000 && code !== 9 && (code < 0xdc00 || code > 0xdfff)) size++;
  }
  return size;
}

function wordSize(text: string): number {
  let size = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) size++;
    inWord = !space;
  }
  return size;
}

/**
 * Joins sentences without a space between Chinese ones; with one where Latin text meets Latin text,
 * or after a sentence with no full stop, so it does not run into the next.
 */
function joinSentences(sentences: string[]): string {
  let summary = '';
  for (const sentence of sentences) {
    const needsSpace = summary.length > 0 && ((/[\x21-\x7e]$/.test(summary) && /^[\x21-\x7e]/.test(sentence)) || !endsSentence(summary));
    summary += (needsSpace ? ' ' : '') + sentence;
  }
  return summary;
}
