// Stage 4: up to 5 keywords, each a verbatim piece of the title or the paragraphs.
//
// Chinese (no segmenter): frequent runs of 2-4 Han characters. Bigrams are counted first; a trigram is
// counted only where both its bigrams repeat, a 4-gram only where both its trigrams repeat, so the work
// stays linear. A longer run that covers most occurrences of a shorter one replaces it (养老保险 over
// 养老保 and 老保险). Runs that start or end with a function character (的, 了, 和...), hold a particle
// or a linking 和 inside (起的时光, 困难和挑战), follow a number (2025年全国) or are function words
// (我们, 可以...) are not candidates. A run nearly always preceded or followed by the same character
// is a piece of a longer word and grows into it (扫地机器 → 扫地机器人, at most 6 characters).
// Latin-script words inside Chinese text (iRobot) are candidates too.
// English (and other alphabetic text): words, and phrases of two or three words (Bank of England) without
// stopwords at their ends, counted case-insensitively by stem and shown as most often written.
// Score: occurrences × a bonus for longer units × a bonus for appearing in the title (× a small one for
// capitalized names). Only candidates seen at least twice (counting the title) are kept, and no keyword
// is a substring of another (nor, for words, shares all its stems with another: library / city libraries).
// Cost: linear, with the counting tables in reusable arrays (see `ScratchInts` in terms.ts); at most the
// first 30,000 characters are analysed. The bigrams come from `articleTerms`, which the summarizer shares.
import {
  addRun,
  articleTerms,
  articleUsesHanUnits,
  emptyRuns,
  ENGLISH_STOPWORDS,
  findRepeatedRuns,
  occurrencesOf,
  PairIds,
  ScratchInts,
  wordTokens,
  type ArticleTerms,
  type RunCounts,
  type WordToken,
} from './terms';
import { isHanCode } from './text';

export interface KeywordOptions {
  /** At most this many keywords (default 5). */
  limit?: number;
  /** `articleTerms(title, paragraphs)` when the caller already has it, so the bigrams are not counted twice. */
  terms?: ArticleTerms;
}

interface Candidate {
  text: string;
  count: number;
  /** Length in units: characters for Han runs, words for phrases. */
  units: number;
  inTitle: boolean;
  /** For Han runs: the run, whose occurrences show how to grow it into a whole word. */
  run?: { level: RunCounts; id: number };
  /** For words and phrases: their lowercased stems, so `library` and `city libraries` count as overlapping. */
  stems?: string[];
}

/** A candidate that also stands in the title counts this many times as much: set by hand, no recorded evidence. */
const TITLE_BONUS = 2;
/** Each unit (character or word) past the first adds this share to a candidate's score: set by hand, no recorded evidence. */
const PER_UNIT_BONUS = 0.3;
/** A longer run replaces a shorter one inside it when it covers at least this share of its occurrences: set by hand, no recorded evidence. */
const COVER_SHARE = 0.6;
/** How many of the best candidates to consider for the final pick, per keyword wanted: set by hand, no recorded evidence. */
const SHORTLIST_PER_KEYWORD = 4;
/** Keywords given when the caller asks for no number: set by hand, no recorded evidence. */
const DEFAULT_KEYWORDS = 5;
/** A keyword occurs at least this many times in the article: set by hand, no recorded evidence. */
const MIN_KEYWORD_COUNT = 2;
/** Shortest word (letters) that is a keyword alone, and shortest word inside a phrase: set by hand, no recorded evidence. */
const MIN_WORD_LETTERS = 3;
const MIN_PHRASE_WORD_LETTERS = 2;
/** How much a spelling seen in the title, or at a sentence's start, counts for the word's usual spelling (they are capitalized by position): set by hand, no recorded evidence. */
const TITLE_SPELLING_WEIGHT = 0.4;
const SENTENCE_START_SPELLING_WEIGHT = 0.6;

export function extractKeywords(title: string, paragraphs: string[], lang: string, options: KeywordOptions = {}): string[] {
  const limit = options.limit ?? DEFAULT_KEYWORDS;
  if (limit <= 0) return [];
  const terms = options.terms ?? articleTerms(title, paragraphs);
  const { text } = terms;
  if (text.trim() === '') return [];
  const shortlist = limit * SHORTLIST_PER_KEYWORD;
  const candidates = articleUsesHanUnits(terms, lang)
    ? hanCandidates(terms, shortlist)
    : best(wordCandidates(text.slice(0, terms.titleLength), terms.paragraphs), shortlist);

  const chosen: Chosen = { keywords: [], lower: [], stems: [] };
  for (const candidate of candidates) {
    if (chosen.keywords.length >= limit) break;
    if (overlapsChosen(chosen, candidate.text, candidate.stems)) continue;
    const keyword = candidate.run ? growToWord(text, candidate.text, occurrencesOf(candidate.run.level, candidate.run.id)) : candidate.text;
    if (keyword === null || (keyword !== candidate.text && overlapsChosen(chosen, keyword))) continue;
    chosen.keywords.push(keyword);
    chosen.lower.push(keyword.toLowerCase());
    chosen.stems.push(candidate.stems ?? []);
  }
  return chosen.keywords;
}

// Helpers here are top-level functions, not closures: bundlers that keep function names (wrangler does)
// add a costly call to every closure they create.

/** The keywords picked so far, lowercased, and their stems. */
interface Chosen {
  keywords: string[];
  lower: string[];
  stems: string[][];
}

function overlapsChosen(chosen: Chosen, keyword: string, stems?: string[]): boolean {
  const lower = keyword.toLowerCase();
  if (chosen.lower.some((other) => other.includes(lower) || lower.includes(other))) return true;
  return stems !== undefined && chosen.stems.some((other) => stems.every((stem) => other.includes(stem)) || other.every((stem) => stems.includes(stem)));
}

/** Names (spelled with a capital even mid-sentence) say more about a story than common words: a small bonus, set by hand, no recorded evidence. */
const NAME_BONUS = 1.3;

function scoreOf(candidate: Candidate): number {
  const name = /^\p{Lu}/u.test(candidate.text) ? NAME_BONUS : 1;
  return unitScore(candidate.count, candidate.units, candidate.inTitle) * name;
}

/** The score without the name bonus: what a Han run gets. */
function unitScore(count: number, units: number, inTitle: boolean): number {
  return count * (1 + PER_UNIT_BONUS * (units - 1)) * (inTitle ? TITLE_BONUS : 1);
}

/** The `count` best candidates, best first; among equals, longer first, then earlier. */
function best(candidates: Candidate[], count: number): Candidate[] {
  const scored = candidates.map((candidate, order) => ({ candidate, order, score: scoreOf(candidate) }));
  scored.sort((a, b) => b.score - a.score || b.candidate.units - a.candidate.units || a.order - b.order);
  return scored.slice(0, count).map((entry) => entry.candidate);
}

// --- Chinese -----------------------------------------------------------------------------------------

/** Per UTF-16 code unit: may it start a word, end a word, sit inside one. One lookup instead of three sets. */
const CHARACTER_ROLES = new Uint8Array(65536);
const NOT_START = 1;
const NOT_END = 2;
const BREAKS_INSIDE = 4;
/** Joins two words (困难和挑战): inside a run of MIN_LINKED_RUN or more characters it marks a phrase, not a word. */
const LINKS_INSIDE = 8;
/** Set by hand, no recorded evidence. */
const MIN_LINKED_RUN = 4;
/** The first character of a function word in `STOP_GRAMS`. */
const STARTS_STOP_GRAM = 16;

function markRole(characters: string, role: number): void {
  for (const ch of characters) CHARACTER_ROLES[ch.charCodeAt(0)]! |= role;
}

/** Characters that do not begin a content word. Simplified and Traditional forms. */
markRole('的了着著过過们們和与與及或也就都而并並但把被对對是在这這那其之于於个個吗嗎呢吧啊得等还還又很更最让讓给給从從为為将將再已所即则則却卻以', NOT_START);
/** Characters that do not end a content word. */
markRole('们們的了着著过過和与與及或也就都而并並但把被对對是在这這那其之于於吗嗎呢吧啊得很更最让讓给給从從为為我你他她将將再已所即则則却卻一', NOT_END);
/** Particles that, inside a run, mark a phrase boundary rather than a word (`起的时光`). */
markRole('的了們们', BREAKS_INSIDE);
markRole('和与與及或', LINKS_INSIDE);

/** Whether the Han characters from `start` to `end` (exclusive) have the shape of a word rather than a phrase. */
function isWordShaped(text: string, start: number, end: number): boolean {
  if (CHARACTER_ROLES[text.charCodeAt(start)]! & NOT_START || CHARACTER_ROLES[text.charCodeAt(end - 1)]! & NOT_END) return false;
  const inside = end - start >= MIN_LINKED_RUN ? BREAKS_INSIDE | LINKS_INSIDE : BREAKS_INSIDE;
  for (let k = start + 1; k < end - 1; k++) if (CHARACTER_ROLES[text.charCodeAt(k)]! & inside) return false;
  return true;
}
/** Function words and filler that are frequent everywhere. */
const STOP_GRAMS = new Set(
  (
    '我们 你们 他们 她们 它们 一个 这个 那个 这些 那些 什么 怎么 可以 没有 已经 因为 所以 但是 如果 虽然 就是 还是 而且 以及 不是 ' +
    '自己 这样 那样 如此 非常 一些 可能 进行 通过 其中 表示 目前 今年 去年 时候 之后 之前 以后 以上 以下 成为 认为 同时 此外 不过 ' +
    '然而 因此 只是 只有 一样 一般 一定 一直 不少 很多 不同 相关 方面 方式 来说 对于 关于 能够 需要 大家 有些 这种 那种 这次 ' +
    '使用 发生 加入 开始 出现 包括 提供 采用 获得 问题 时间 情况 表示 知道 觉得 看到 ' +
    '始终 不断 积极 持续 继续 更加 充分 全面 深入 切实 努力 重要 主要 实施 开展 推进 加强 推动 提高 提升 加快 召开 如何 我想 ' +
    '我們 你們 他們 她們 它們 一個 這個 那個 這些 那些 甚麼 什麼 怎麼 可以 沒有 已經 因為 所以 但是 如果 雖然 就是 還是 而且 以及 ' +
    '不是 自己 這樣 那樣 非常 一些 可能 進行 通過 其中 表示 目前 今年 去年 時候 之後 之前 以後 成為 認為 同時 此外 不過 然而 因此 ' +
    '只是 只有 一樣 一般 一定 一直 不少 很多 不同 相關 方面 方式 來說 對於 關於 能夠 需要 大家 這種 那種 這次 ' +
    '使用 發生 加入 開始 出現 包括 提供 採用 獲得 問題 時間 情況 知道 覺得 看到 ' +
    '始終 不斷 積極 持續 繼續 更加 充分 全面 深入 切實 努力 重要 主要 實施 開展 推進 加強 推動 提高 提升 加快 召開 如何 我想'
  ).split(' '),
);

/** Bigrams that open one of `STOP_GRAMS`: most bigrams are ruled out by one lookup, without a string. */
for (const gram of STOP_GRAMS) CHARACTER_ROLES[gram.charCodeAt(0)]! |= STARTS_STOP_GRAM;

/** Reusable tables for runs of 3 and 4 characters. */
const LONGER_RUN_SCRATCH = [3, 4].map(() => ({
  at: new ScratchInts(),
  count: new ScratchInts(),
  first: new ScratchInts(),
  next: new ScratchInts(),
  positions: new ScratchInts(),
  latest: new ScratchInts(),
}));
/** Reusable marks of the runs of 2, 3 and 4 characters that a longer run stands for. */
const COVERED_SCRATCH = [2, 3, 4].map(() => new ScratchInts());

/**
 * Counts the runs of `length` Han characters (3 or 4) from the runs one shorter: only where both shorter runs
 * inside repeat, since a run is never more frequent than its parts.
 */
function countLongerRuns(text: string, shorter: RunCounts, length: number): RunCounts {
  const n = text.length;
  const scratch = LONGER_RUN_SCRATCH[length - 3]!;
  const ids = new PairIds(shorter.positionCount);
  const runs = emptyRuns(scratch.at.filled(n, -1), scratch.count.get(n), scratch.first.get(n), scratch.next.get(n), scratch.positions.get(n));
  const latest = scratch.latest.get(n);
  const { at: shorterAt, count: shorterCount, positions: shorterPositions, positionCount: shorterPositionCount } = shorter;
  for (let k = 0; k < shorterPositionCount; k++) {
    const i = shorterPositions[k]!;
    const left = shorterAt[i]!;
    if (shorterCount[left]! < 2) continue;
    const right = shorterAt[i + 1]!;
    if (right < 0 || shorterCount[right]! < 2) continue;
    addRun(runs, latest, ids.idOf(left, text.charCodeAt(i + length - 1)), i);
  }
  findRepeatedRuns(runs);
  return runs;
}

function isStopGram(text: string, start: number): boolean {
  return (CHARACTER_ROLES[text.charCodeAt(start)]! & STARTS_STOP_GRAM) !== 0 && STOP_GRAMS.has(text.slice(start, start + 2));
}

function hanCandidates(terms: ArticleTerms, shortlist: number): Candidate[] {
  const { text, titleLength } = terms;
  const levels = [terms.bigrams];
  levels.push(countLongerRuns(text, levels[0]!, 3));
  levels.push(countLongerRuns(text, levels[1]!, 4));

  // A longer run shaped like a word that covers most occurrences of its prefix or suffix stands for them.
  const covered = levels.map((level, l) => COVERED_SCRATCH[l]!.filled(level.size, 0));
  for (let l = 1; l < levels.length; l++) {
    const level = levels[l]!;
    const shorter = levels[l - 1]!;
    for (const id of level.repeated) {
      const count = level.count[id]!;
      const start = level.first[id]!;
      if (!isWordShaped(text, start, start + l + 2)) continue;
      const prefix = shorter.at[start]!;
      const suffix = shorter.at[start + 1]!;
      if (count >= COVER_SHARE * shorter.count[prefix]!) covered[l - 1]![prefix] = 1;
      if (count >= COVER_SHARE * shorter.count[suffix]!) covered[l - 1]![suffix] = 1;
    }
  }

  // Keep the best few by score, without building a string for every run.
  const top: { level: number; id: number; score: number }[] = [];
  levels.forEach((level, l) => {
    const length = l + 2;
    for (const id of level.repeated) {
      if (covered[l]![id]) continue;
      const count = level.count[id]!;
      const start = level.first[id]!;
      const score = unitScore(count, length, start + length <= titleLength);
      if (top.length === shortlist && score <= top[top.length - 1]!.score) continue;
      if (!isWordShaped(text, start, start + length) || (length === 2 && isStopGram(text, start))) continue;
      // Insert in order, after any of equal score: the earlier run stays ahead.
      const entry = { level: l, id, score };
      let slot = top.length;
      top.push(entry);
      for (; slot > 0 && top[slot - 1]!.score < score; slot--) top[slot] = top[slot - 1]!;
      top[slot] = entry;
      if (top.length > shortlist) top.pop();
    }
  });
  const candidates = top.map(({ level: l, id }): Candidate => {
    const level = levels[l]!;
    const start = level.first[id]!;
    const count = level.count[id]!;
    return { text: text.slice(start, start + l + 2), count, units: l + 2, inTitle: start + l + 2 <= titleLength, run: { level, id } };
  });
  if (terms.latinLetters === 0) return candidates;

  // Latin-script names and terms inside Chinese text (iRobot, B2B).
  const latin = new Map<string, { spellings: Map<string, number>; first: number }>();
  for (const match of text.matchAll(/[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*/g)) {
    const word = match[0];
    if (word.length < MIN_WORD_LETTERS || ENGLISH_STOPWORDS.has(word.toLowerCase())) continue;
    const entry = latin.get(word.toLowerCase()) ?? { spellings: new Map<string, number>(), first: match.index };
    entry.spellings.set(word, (entry.spellings.get(word) ?? 0) + 1);
    latin.set(word.toLowerCase(), entry);
  }
  for (const { spellings, first } of latin.values()) {
    const spelling = mostFrequentSpelling(spellings);
    if (spelling.count >= MIN_KEYWORD_COUNT) candidates.push({ ...spelling, units: 1, inTitle: first < titleLength });
  }
  return best(candidates, shortlist);
}

/** Longest Han word a run grows into: set by hand, no recorded evidence. */
const MAX_WORD_LENGTH = 6;
/** A neighbour seen at this share of a run's occurrences makes the run part of a longer word: set by hand, no recorded evidence. */
const DOMINANT_NEIGHBOUR = 0.8;

/**
 * A run nearly always preceded or followed by the same Han character is a piece of a longer word
 * (扫地机器 in 扫地机器人): grow it by that character, up to 6 characters. Returns the grown run,
 * or null when it is still a piece at that length.
 */
function growToWord(text: string, gram: string, gramStarts: number[]): string | null {
  let starts = gramStarts;
  let start = starts[0]!;
  let end = start + gram.length;
  // Mostly after a number (2025年全国 → 年全国): a unit and what follows it, not a word.
  if (starts.length >= 2 && starts.filter((at) => isDigitCode(text.charCodeAt(at - 1))).length >= DOMINANT_NEIGHBOUR * starts.length) return null;
  while (starts.length >= 2) {
    const before = dominantNeighbour(text, starts, -1, NOT_START);
    const after = before === null ? dominantNeighbour(text, starts, end - start, NOT_END) : null;
    if (before === null && after === null) break;
    if (end - start >= MAX_WORD_LENGTH) return null;
    const offset = before !== null ? -1 : end - start;
    const neighbour = before ?? after!;
    starts = starts.filter((at) => text.charCodeAt(at + offset) === neighbour);
    if (before !== null) starts = starts.map((at) => at - 1);
    start = starts[0]!;
    end = start + (end - start) + 1;
  }
  if (end - start > gram.length && !isWordShaped(text, start, end)) return null;
  return text.slice(start, end);
}

function isDigitCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19);
}

/** The Han character at `offset` from most (80%) of the occurrences, unless it has the excluded role. */
function dominantNeighbour(text: string, starts: number[], offset: number, excludedRole: number): number | null {
  // Majority vote finds the only character that could reach 80%, then one more pass counts it.
  let candidate = -1;
  let votes = 0;
  for (const at of starts) {
    const code = text.charCodeAt(at + offset);
    if (votes === 0) (candidate = code), (votes = 1);
    else votes += code === candidate ? 1 : -1;
  }
  if (candidate < 0 || !isHanCode(candidate) || CHARACTER_ROLES[candidate]! & excludedRole) return null;
  let count = 0;
  for (const at of starts) if (text.charCodeAt(at + offset) === candidate) count++;
  return count >= DOMINANT_NEIGHBOUR * starts.length ? candidate : null;
}

// --- English and other alphabetic scripts -------------------------------------------------------------

function isContentWord(token: WordToken, minLength: number): boolean {
  return token.key.length >= minLength && !ENGLISH_STOPWORDS.has(token.key) && !ENGLISH_STOPWORDS.has(token.text.toLowerCase()) && !/^\p{N}+$/u.test(token.key) && !/\p{Script=Han}/u.test(token.text);
}

/** Small words allowed inside a three-word name: `Bank of England`, `Minister for Health`. */
const PHRASE_LINKS = new Set(['of', 'for', 'de']);

/**
 * Words, and phrases of two or three words one space apart (content words at both ends), counted by
 * lowercased key and shown in their most frequent spelling.
 */
function wordCandidates(title: string, paragraphs: string[]): Candidate[] {
  const stats = new Map<string, WordEntry>();
  [title, ...paragraphs].forEach((text, textIndex) => {
    const tokens = wordTokens(text);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (!isContentWord(token, MIN_WORD_LETTERS)) continue;
      // Spellings in titles and at sentence starts are often capitalized only by position, so they weigh less.
      const sentenceStart = i === 0 || /[.!?]["'”’)]*\s*$/u.test(text.slice(tokens[i - 1]!.end, token.start));
      const weight = textIndex === 0 ? TITLE_SPELLING_WEIGHT : sentenceStart ? SENTENCE_START_SPELLING_WEIGHT : 1;
      const inTitle = textIndex === 0;
      addWordEntry(stats, token.key, token.text, 1, weight, inTitle, []);
      const second = tokens[i + 1];
      if (!second || !spaced(text, token, second)) continue;
      const secondIsContent = isContentWord(second, MIN_PHRASE_WORD_LETTERS);
      if (secondIsContent) addWordEntry(stats, `${token.key} ${second.key}`, text.slice(token.start, second.end), 2, weight, inTitle, [token.key, second.key]);
      const third = tokens[i + 2];
      if (!third || !spaced(text, second, third) || !isContentWord(third, MIN_PHRASE_WORD_LETTERS)) continue;
      if (!secondIsContent && !PHRASE_LINKS.has(second.key)) continue;
      const parts = secondIsContent ? [`${token.key} ${second.key}`, `${second.key} ${third.key}`] : [token.key, third.key];
      addWordEntry(stats, `${token.key} ${second.key} ${third.key}`, text.slice(token.start, third.end), 3, weight, inTitle, parts);
    }
  });
  const covered = new Set<string>();
  for (const entry of stats.values()) {
    for (const part of entry.parts) if (entry.count >= COVER_SHARE * (stats.get(part)?.count ?? Infinity)) covered.add(part);
  }
  const candidates: Candidate[] = [];
  for (const [key, entry] of stats) {
    if (covered.has(key) || entry.count < MIN_KEYWORD_COUNT) continue;
    const stems = key.split(' ').filter((stem) => !PHRASE_LINKS.has(stem));
    candidates.push({ text: mostFrequentSpelling(entry.spellings).text, count: entry.count, units: entry.units, inTitle: entry.inTitle, stems });
  }
  return candidates;
}

interface WordEntry {
  count: number;
  units: number;
  inTitle: boolean;
  spellings: Map<string, number>;
  /** Keys of the shorter candidates inside a phrase, which it may stand for. */
  parts: string[];
}

function addWordEntry(stats: Map<string, WordEntry>, key: string, spelling: string, units: number, spellingWeight: number, inTitle: boolean, parts: string[]): void {
  let entry = stats.get(key);
  if (!entry) {
    entry = { count: 0, units, inTitle, spellings: new Map(), parts };
    stats.set(key, entry);
  }
  entry.count++;
  entry.spellings.set(spelling, (entry.spellings.get(spelling) ?? 0) + spellingWeight);
}

/** Whether token `b` follows token `a` after exactly one space. */
function spaced(text: string, a: WordToken, b: WordToken): boolean {
  return b.start === a.end + 1 && text.charCodeAt(a.end) === 32;
}

/** The spelling seen most often (the first of equals), with the number of occurrences of all spellings. */
function mostFrequentSpelling(spellings: Map<string, number>): { text: string; count: number } {
  let text = '';
  let best = 0;
  let count = 0;
  for (const [spelling, seen] of spellings) {
    count += seen;
    if (seen > best) [text, best] = [spelling, seen];
  }
  return { text, count: Math.round(count) };
}
