// ROUGE of our extractive summarizer against editors' summaries, beside LEAD-1, LEAD-3 and plain TextRank.
// Usage: npm run --silent eval:rouge [-- FILE.jsonl ...]   (default: ../shared/corpus/summaries-zh.jsonl)
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
};

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

export function scoreSystem(articles: EvalArticle[], system: Summarizer): SystemScores {
  const totals = { rouge1: 0, rouge2: 0, rougeL: 0, length: 0 };
  for (const article of articles) {
    const han = usesHanUnits(article.lang ?? 'und', article.article);
    const unit: RougeUnit = han ? 'char' : 'word';
    const candidate = rougeTokens(system(article, han), unit);
    const reference = rougeTokens(article.summary, unit);
    totals.rouge1 += rougeN(candidate, reference, 1).f;
    totals.rouge2 += rougeN(candidate, reference, 2).f;
    totals.rougeL += rougeL(candidate, reference).f;
    totals.length += candidate.length;
  }
  const n = Math.max(articles.length, 1);
  return { rouge1: totals.rouge1 / n, rouge2: totals.rouge2 / n, rougeL: totals.rougeL / n, length: totals.length / n };
}

export function readArticles(file: string): EvalArticle[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as EvalArticle);
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
  const files = process.argv.slice(2);
  const inputs = files.length > 0 ? files : [fileURLToPath(new URL('../../shared/corpus/summaries-zh.jsonl', import.meta.url))];
  for (const file of inputs) console.log(`${formatTable(file, readArticles(file))}\n`);
  console.log('F-measures in %, Chinese per character and English per word (letters and digits only); length in the same unit.');
}
