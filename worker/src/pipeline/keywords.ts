// Stage 4: up to 5 keywords, each a verbatim piece of the title or the paragraphs.
//
// Chinese (no segmenter): frequent runs of 2-4 Han characters. Bigrams are counted first; a trigram is
// counted only where both its bigrams repeat, a 4-gram only where both its trigrams repeat, so the work
// stays linear. A longer run that covers most occurrences of a shorter one replaces it (养老保险 over
// 养老保 and 老保险); runs that start or end with a function character (的, 了, 和...) or are function
// words (我们, 可以...) are not candidates; a run nearly always preceded or followed by the same character
// is a piece of a longer word and grows into it (扫地机器 → 扫地机器人, at most 6 characters). Latin-script words inside Chinese text count as candidates too.
// English: words and two-word phrases without stopwords, counted case-insensitively, shown as written.
// Score: occurrences × a bonus for longer units × a bonus for appearing in the title.
// No keyword is a substring of another.
import { ENGLISH_STOPWORDS, isHanCode, usesHanUnits, wordTokens, type WordToken } from './terms';

export interface KeywordOptions {
  /** At most this many keywords (default 5). */
  limit?: number;
}

interface Candidate {
  text: string;
  count: number;
  /** Length in units: characters for Han runs, words for phrases. */
  units: number;
  han: boolean;
}

const TITLE_BONUS = 2;
/** A longer run replaces a shorter one inside it when it covers at least this share of its occurrences. */
const COVER_SHARE = 0.6;

export function extractKeywords(title: string, paragraphs: string[], lang: string, options: KeywordOptions = {}): string[] {
  const limit = options.limit ?? 5;
  const body = paragraphs.join('\n');
  if (limit <= 0 || (title.trim() === '' && body.trim() === '')) return [];
  const text = `${title}\n${body}`;
  const candidates = usesHanUnits(lang, text) ? hanCandidates(text) : wordCandidates(title, paragraphs);
  const titleLower = title.toLowerCase();
  const scored = [];
  for (const candidate of candidates) {
    const inTitle = titleLower.includes(candidate.text.toLowerCase());
    if (candidate.count < 2 && !inTitle) continue;
    scored.push({ candidate, score: candidate.count * (1 + 0.3 * (candidate.units - 1)) * (inTitle ? TITLE_BONUS : 1) });
  }
  scored.sort((a, b) => b.score - a.score || b.candidate.units - a.candidate.units);

  const chosen: string[] = [];
  for (const { candidate } of scored) {
    if (chosen.length >= limit) break;
    const keyword = candidate.han ? growToWord(text, candidate.text) : candidate.text;
    if (keyword === null) continue;
    const lower = keyword.toLowerCase();
    if (chosen.some((other) => other.toLowerCase().includes(lower) || lower.includes(other.toLowerCase()))) continue;
    chosen.push(keyword);
  }
  return chosen;
}

// --- Chinese -----------------------------------------------------------------------------------------

/** Characters that do not begin a content word. Simplified and Traditional forms. */
const NO_START = new Set(Array.from('的了着著过過们們和与與及或也就都而并並但把被对對是在这這那其之于於个個吗嗎呢吧啊地得等还還又很更最让讓给給从從为為将將再已所即则則却卻'));
/** Characters that do not end a content word. */
const NO_END = new Set(Array.from('们們的了着著过過和与與及或也就都而并並但把被对對是在这這那其之于於吗嗎呢吧啊地得很更最让讓给給从從为為我你他她将將再已所即则則却卻一'));
/** Particles that, inside a run, mark a phrase boundary rather than a word (`起的时光`). */
const INNER_BREAKS = /[的了們们]/u;
/** Function words and filler that are frequent everywhere. */
const STOP_GRAMS = new Set(
  (
    '我们 你们 他们 她们 它们 一个 这个 那个 这些 那些 什么 怎么 可以 没有 已经 因为 所以 但是 如果 虽然 就是 还是 而且 以及 不是 ' +
    '自己 这样 那样 如此 非常 一些 可能 进行 通过 其中 表示 目前 今年 去年 时候 之后 之前 以后 以上 以下 成为 认为 同时 此外 不过 ' +
    '然而 因此 只是 只有 一样 一般 一定 一直 不少 很多 不同 相关 方面 方式 来说 对于 关于 能够 需要 大家 有些 这种 那种 这次 ' +
    '使用 发生 加入 开始 出现 包括 提供 采用 获得 问题 时间 情况 表示 知道 觉得 看到 ' +
    '我們 你們 他們 她們 它們 一個 這個 那個 這些 那些 甚麼 什麼 怎麼 可以 沒有 已經 因為 所以 但是 如果 雖然 就是 還是 而且 以及 ' +
    '不是 自己 這樣 那樣 非常 一些 可能 進行 通過 其中 表示 目前 今年 去年 時候 之後 之前 以後 成為 認為 同時 此外 不過 然而 因此 ' +
    '只是 只有 一樣 一般 一定 一直 不少 很多 不同 相關 方面 方式 來說 對於 關於 能夠 需要 大家 這種 那種 這次 ' +
    '使用 發生 加入 開始 出現 包括 提供 採用 獲得 問題 時間 情況 知道 覺得 看到'
  ).split(' '),
);

function hanCandidates(text: string): Candidate[] {
  const codes = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = isHanCode(text.charCodeAt(i)) ? text.charCodeAt(i) : -1;
  const bigramCounts = new Map<number, number>();
  for (let i = 0; i + 1 < codes.length; i++) {
    if (codes[i]! < 0 || codes[i + 1]! < 0) continue;
    const key = codes[i]! * 65536 + codes[i + 1]!;
    bigramCounts.set(key, (bigramCounts.get(key) ?? 0) + 1);
  }
  const bigramAt = (i: number): number => (codes[i]! < 0 || codes[i + 1]! < 0 ? 0 : (bigramCounts.get(codes[i]! * 65536 + codes[i + 1]!) ?? 0));
  // Trigrams only where both of their bigrams repeat; 4-grams only where both of their trigrams repeat.
  const trigramCounts = new Map<number, number>();
  const repeatedTrigramStart = new Uint8Array(text.length);
  for (let i = 0; i + 2 < codes.length; i++) {
    if (bigramAt(i) < 2 || bigramAt(i + 1) < 2) continue;
    const key = (codes[i]! * 65536 + codes[i + 1]!) * 65536 + codes[i + 2]!;
    trigramCounts.set(key, (trigramCounts.get(key) ?? 0) + 1);
  }
  for (let i = 0; i + 2 < codes.length; i++) {
    if (bigramAt(i) < 2 || bigramAt(i + 1) < 2) continue;
    if (trigramCounts.get((codes[i]! * 65536 + codes[i + 1]!) * 65536 + codes[i + 2]!)! >= 2) repeatedTrigramStart[i] = 1;
  }
  const fourgramCounts = new Map<string, number>();
  for (let i = 0; i + 3 < codes.length; i++) {
    if (!repeatedTrigramStart[i] || !repeatedTrigramStart[i + 1]) continue;
    const gram = text.slice(i, i + 4);
    fourgramCounts.set(gram, (fourgramCounts.get(gram) ?? 0) + 1);
  }

  const counts = new Map<string, number>();
  for (const [key, count] of bigramCounts) if (count >= 2) counts.set(String.fromCharCode(Math.floor(key / 65536), key % 65536), count);
  for (const [key, count] of trigramCounts) {
    if (count >= 2) counts.set(String.fromCharCode(Math.floor(key / 4294967296), Math.floor(key / 65536) % 65536, key % 65536), count);
  }
  for (const [gram, count] of fourgramCounts) if (count >= 2) counts.set(gram, count);

  // A longer run that covers most occurrences of its prefix or suffix stands for it.
  const covered = new Set<string>();
  for (const [gram, count] of counts) {
    if (gram.length < 3) continue;
    for (const part of [gram.slice(0, -1), gram.slice(1)]) if (count >= COVER_SHARE * (counts.get(part) ?? Infinity)) covered.add(part);
  }
  const candidates: Candidate[] = [];
  for (const [gram, count] of counts) {
    if (covered.has(gram) || STOP_GRAMS.has(gram) || NO_START.has(gram[0]!) || NO_END.has(gram[gram.length - 1]!) || INNER_BREAKS.test(gram.slice(1, -1))) continue;
    candidates.push({ text: gram, count, units: gram.length, han: true });
  }
  // Latin-script names and terms inside Chinese text (iRobot, B2B).
  const latin = new Map<string, Map<string, number>>();
  for (const match of text.matchAll(/[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*/g)) {
    const word = match[0];
    if (word.length < 3 || ENGLISH_STOPWORDS.has(word.toLowerCase())) continue;
    const spellings = latin.get(word.toLowerCase()) ?? new Map<string, number>();
    spellings.set(word, (spellings.get(word) ?? 0) + 1);
    latin.set(word.toLowerCase(), spellings);
  }
  for (const spellings of latin.values()) candidates.push({ ...mostFrequentSpelling(spellings), units: 1, han: false });
  return candidates;
}

const MAX_WORD_LENGTH = 6;
/** A neighbour seen at this share of a run's occurrences makes the run part of a longer word. */
const DOMINANT_NEIGHBOUR = 0.8;

/**
 * A run nearly always preceded or followed by the same Han character is a piece of a longer word
 * (扫地机器 in 扫地机器人): grow it by that character, up to 6 characters. Returns the grown run,
 * or null when it is still a piece at that length.
 */
function growToWord(text: string, gram: string): string | null {
  let word = gram;
  while (true) {
    const left = new Map<string, number>();
    const right = new Map<string, number>();
    let occurrences = 0;
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
      occurrences++;
      const before = text[at - 1];
      const after = text[at + word.length];
      if (before !== undefined && isHanCode(before.charCodeAt(0)) && !NO_START.has(before)) left.set(before, (left.get(before) ?? 0) + 1);
      if (after !== undefined && isHanCode(after.charCodeAt(0)) && !NO_END.has(after)) right.set(after, (right.get(after) ?? 0) + 1);
    }
    if (occurrences < 2) return word;
    const before = dominant(left, occurrences);
    const after = before === null ? dominant(right, occurrences) : null;
    if (before === null && after === null) return word;
    if (word.length >= MAX_WORD_LENGTH) return null;
    word = before !== null ? before + word : word + after;
  }
}

function dominant(neighbours: Map<string, number>, occurrences: number): string | null {
  for (const [ch, count] of neighbours) if (count >= DOMINANT_NEIGHBOUR * occurrences) return ch;
  return null;
}

// --- English and other alphabetic scripts -------------------------------------------------------------

function isContentWord(token: WordToken, minLength: number): boolean {
  return token.key.length >= minLength && !ENGLISH_STOPWORDS.has(token.key) && !ENGLISH_STOPWORDS.has(token.text.toLowerCase()) && !/^\p{N}+$/u.test(token.key) && !/\p{Script=Han}/u.test(token.text);
}

/** Words and adjacent word pairs (one space apart), counted by lowercased key, shown in their most frequent spelling. */
function wordCandidates(title: string, paragraphs: string[]): Candidate[] {
  const stats = new Map<string, { count: number; units: number; spellings: Map<string, number> }>();
  // Spellings in titles and at sentence starts are often capitalized only by position, so they weigh less.
  const add = (key: string, spelling: string, units: number, spellingWeight: number): void => {
    let entry = stats.get(key);
    if (!entry) {
      entry = { count: 0, units, spellings: new Map() };
      stats.set(key, entry);
    }
    entry.count++;
    entry.spellings.set(spelling, (entry.spellings.get(spelling) ?? 0) + spellingWeight);
  };
  [title, ...paragraphs].forEach((text, textIndex) => {
    const tokens = wordTokens(text);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (!isContentWord(token, 3)) continue;
      const sentenceStart = i === 0 || /[.!?]["'”’)]*\s*$/u.test(text.slice(tokens[i - 1]!.end, token.start));
      const weight = textIndex === 0 ? 0.4 : sentenceStart ? 0.6 : 1;
      add(token.key, token.text, 1, weight);
      const next = tokens[i + 1];
      if (next && isContentWord(next, 2) && text.slice(token.end, next.start) === ' ') add(`${token.key} ${next.key}`, text.slice(token.start, next.end), 2, weight);
    }
  });
  const covered = new Set<string>();
  for (const [key, entry] of stats) {
    if (entry.units < 2) continue;
    for (const part of key.split(' ')) if (entry.count >= COVER_SHARE * (stats.get(part)?.count ?? Infinity)) covered.add(part);
  }
  const candidates: Candidate[] = [];
  for (const [key, entry] of stats) {
    if (covered.has(key) || (entry.units > 1 && entry.count < 2)) continue;
    candidates.push({ text: mostFrequentSpelling(entry.spellings).text, count: entry.count, units: entry.units, han: false });
  }
  return candidates;
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
