// ROUGE of our extractive summarizer against editors' summaries, beside LEAD-1, LEAD-3 and plain TextRank.
// Usage: npm run --silent eval:rouge [-- [--verbose] FILE.jsonl ...]   (default: ../shared/corpus/summaries-zh.jsonl)
// --verbose adds each article's ROUGE-L per system.
// Each line: { id, article, summary, title?, lang? }. Chinese is scored per character, other text per word.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { summarize } from '../worker/src/pipeline/summarize';
import { splitSentences } from '../worker/src/pipeline/sentences';
import { usesHanUnits } from '../worker/src/pipeline/terms';
import { rougeL, rougeN, rougeTokens, type RougeUnit } from './lib/rouge';
import { textRankSummary } from './lib/textrank';

export interface EvalArticle {
  id: string;
  article: string;
  summary: string;
  title?: string;
  lang?: string;
}

type Summarizer = (article: EvalArticle, han: boolean) => string;

export const SYSTEMS: Record<string, Summarizer> = {
  ours: (article, han) => summarize(paragraphsOf(article.article), han ? 'zh' : 'en', { title: article.title }),
  'LEAD-1': (article) => joinLead(article.article, 1),
  'LEAD-3': (article) => joinLead(article.article, 3),
  TextRank: (article) => textRankSummary(paragraphsOf(article.article), 3),
  // Leading sentences while they fit the same length limit as ours: the lead with our budget.
  'LEAD-lim': (article, han) => leadWithinLimit(article.article, han),
};

function leadWithinLimit(text: string, han: boolean): string {
  const sentences = paragraphsOf(text).flatMap(splitSentences);
  const size = (sentence: string): number => (han ? sentence.replace(/\s/g, '').length : sentence.split(/\s+/).filter(Boolean).length);
  const limit = han ? 120 : 60;
  const taken: string[] = [];
  let used = 0;
  for (const sentence of sentences.slice(0, 3)) {
    if (taken.length > 0 && used + size(sentence) > limit) break;
    taken.push(sentence);
    used += size(sentence);
  }
  return taken.join(' ');
}

function paragraphsOf(text: string): string[] {
  return text.split(/\n\s*\n|\n/).filter((paragraph) => paragraph.trim().length > 0);
}

function joinLead(text: string, count: number): string {
  return paragraphsOf(text).flatMap(splitSentences).slice(0, count).join(' ');
}

export interface SystemScores {
  rouge1: number;
  rouge2: number;
  rougeL: number;
  /** Average summary length in the scoring unit (characters or words). */
  length: number;
}

/** ROUGE of one summary against the article's reference, in the article's unit. */
export function scoreSummary(article: EvalArticle, summary: string): SystemScores {
  const unit: RougeUnit = usesHanUnits(article.lang ?? 'und', article.article) ? 'char' : 'word';
  const candidate = rougeTokens(summary, unit);
  const reference = rougeTokens(article.summary, unit);
  return {
    rouge1: rougeN(candidate, reference, 1).f,
    rouge2: rougeN(candidate, reference, 2).f,
    rougeL: rougeL(candidate, reference).f,
    length: candidate.length,
  };
}

/** Each article's scores for one system. */
export function scoreArticles(articles: EvalArticle[], system: Summarizer): SystemScores[] {
  return articles.map((article) => scoreSummary(article, system(article, usesHanUnits(article.lang ?? 'und', article.article))));
}

/** Mean scores of one system over the articles. */
export function scoreSystem(articles: EvalArticle[], system: Summarizer): SystemScores {
  const perArticle = scoreArticles(articles, system);
  const n = Math.max(perArticle.length, 1);
  const mean = (pick: (s: SystemScores) => number): number => perArticle.reduce((sum, s) => sum + pick(s), 0) / n;
  return { rouge1: mean((s) => s.rouge1), rouge2: mean((s) => s.rouge2), rougeL: mean((s) => s.rougeL), length: mean((s) => s.length) };
}

export function readArticles(file: string): EvalArticle[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as EvalArticle);
}

function formatPerArticle(articles: EvalArticle[]): string {
  const names = Object.keys(SYSTEMS);
  const columns = names.map((name) => scoreArticles(articles, SYSTEMS[name]!));
  const rows = articles.map((article, i) => `| ${article.id.padEnd(12)} | ${columns.map((c) => (100 * c[i]!.rougeL).toFixed(1).padStart(8)).join(' | ')} |`);
  const ours = columns[0]!;
  const versus = ['LEAD-3', 'LEAD-lim'].map((baseline) => {
    const scores = columns[names.indexOf(baseline)]!;
    const wins = ours.filter((s, i) => s.rougeL > scores[i]!.rougeL).length;
    const ties = ours.filter((s, i) => s.rougeL === scores[i]!.rougeL).length;
    return `ours above ${baseline} on ${wins} of ${articles.length} articles (${ties} ties)`;
  });
  return [
    `| ${'ROUGE-L'.padEnd(12)} | ${names.map((n) => n.padStart(8)).join(' | ')} |`,
    `| ${'-'.repeat(12)} | ${names.map(() => '-'.repeat(8)).join(' | ')} |`,
    ...rows,
    ...versus,
  ].join('\n');
}

function formatTable(file: string, articles: EvalArticle[]): string {
  const referenceLength =
    articles.reduce((sum, a) => sum + rougeTokens(a.summary, usesHanUnits(a.lang ?? 'und', a.article) ? 'char' : 'word').length, 0) / Math.max(articles.length, 1);
  const rows = Object.entries(SYSTEMS).map(([name, system]) => {
    const s = scoreSystem(articles, system);
    const pct = (x: number): string => (100 * x).toFixed(1).padStart(7);
    return `| ${name.padEnd(8)} | ${pct(s.rouge1)} | ${pct(s.rouge2)} | ${pct(s.rougeL)} | ${s.length.toFixed(1).padStart(8)} |`;
  });
  return [
    `${file}: ${articles.length} articles, editors' summaries average ${referenceLength.toFixed(1)} units`,
    '| system   | ROUGE-1 | ROUGE-2 | ROUGE-L |   length |',
    '| -------- | ------- | ------- | ------- | -------- |',
    ...rows,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const files = args.filter((arg) => arg !== '--verbose');
  const inputs = files.length > 0 ? files : [fileURLToPath(new URL('../../shared/corpus/summaries-zh.jsonl', import.meta.url))];
  for (const file of inputs) {
    const articles = readArticles(file);
    console.log(`${formatTable(file, articles)}\n`);
    if (verbose) console.log(`${formatPerArticle(articles)}\n`);
  }
  console.log('F-measures in %, Chinese per character and English per word (letters and digits only); length in the same unit.');
  console.log('LEAD-lim: leading sentences (at most 3) while they fit the 120-character / 60-word limit that ours keeps.');
}
