// Reads every built PDF with every reader, splits the text with the real pipeline, and scores it
// against the gold read from the printed HTML. Also flags predicted titles that are page furniture.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline } from '../../worker/src/pipeline';
import { scoreSplit, type SplitScore } from '../lib/score';
import type { BuiltDoc, EngineName } from './corpus';
import { COPY_READERS, READERS, readPdf, type ReaderName } from './readers';

export interface Run {
  doc: string;
  family: string;
  tuned: boolean;
  template: string;
  pages: number;
  engine: EngineName;
  reader: ReaderName;
  score: SplitScore;
  /** Predicted titles that are a running head, page number, editors' line or jump line. */
  furnitureTitles: string[];
  /** Milliseconds the pipeline took on this text (one run, for spotting outliers only). */
  pipelineMs: number;
  /** The text the reader gave, as the pipeline got it. */
  text: string;
}

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
const FURNITURE_SHAPE = /^(\d{1,3}|第?[\d一二三四五六七八九十]+版.*|.*\d{4}年\d{1,2}月\d{1,2}日.*|.*星期[一二三四五六日].*|.*人民日报.*|.*责编.*|.*责任编辑.*|.*版式设计.*|[（(]?(下?转|上?接)第.{1,3}版[）)]?)$/;

/** A predicted title is furniture when it is (part of) a printed furniture string and no gold text, or has furniture's shape. */
export function furnitureTitles(doc: BuiltDoc, titles: string[]): string[] {
  const furniture = doc.furniture.map(norm).filter(Boolean);
  const goldText = doc.gold.articles.map((a) => norm([a.kicker, a.title, a.subtitle, ...a.paragraphs].join(''))).join('\n');
  return titles.filter((title) => {
    const t = norm(title);
    if (!t) return false;
    if (FURNITURE_SHAPE.test(t) && !goldText.includes(t)) return true;
    return furniture.some((f) => f.includes(t) || (t.includes(f) && f.length >= 2)) && !goldText.includes(t);
  });
}

export interface EvaluateOptions {
  readers?: readonly ReaderName[];
  engines?: readonly EngineName[];
  /** Where copy readers' text is cached by the document's key; none to read every time. */
  textCacheDir?: string;
}

export async function evaluateCorpus(built: BuiltDoc[], options: EvaluateOptions = {}): Promise<Run[]> {
  const readers = options.readers ?? READERS;
  const engines = options.engines ?? (['chromium', 'weasyprint'] as const);
  if (options.textCacheDir) mkdirSync(options.textCacheDir, { recursive: true });
  const runs: Run[] = [];
  for (const doc of built) {
    for (const engine of engines) {
      const pdfPath = doc.pdfs[engine];
      const bytes = new Uint8Array(readFileSync(pdfPath));
      for (const reader of readers) {
        const cached = options.textCacheDir && COPY_READERS.includes(reader) ? join(options.textCacheDir, `${doc.doc.name}.${engine}.${reader}.${doc.key}.txt`) : undefined;
        let input;
        if (cached && existsSync(cached)) input = { text: readFileSync(cached, 'utf8') };
        else {
          input = await readPdf(reader, pdfPath, bytes);
          if (cached) writeFileSync(cached, input.text);
        }
        const started = performance.now();
        const output = runPipeline({ ...input, capturedAt: '2026-04-15T00:00:00.000Z' });
        const pipelineMs = performance.now() - started;
        const score = scoreSplit(doc.gold, output.articles);
        runs.push({
          doc: doc.doc.name,
          family: doc.doc.family,
          tuned: doc.doc.tuned,
          template: doc.doc.template.name,
          pages: doc.doc.pages.length,
          engine,
          reader,
          score,
          furnitureTitles: furnitureTitles(doc, output.articles.map((a) => a.title)),
          pipelineMs,
          text: input.text,
        });
      }
    }
  }
  return runs;
}

export interface Summary {
  runs: number;
  meanF1: number;
  minF1: number;
  /** Share of gold sentences found whole. */
  recovered: number;
  /** Share of gold articles whose title was found. */
  titles: number;
  captions: number;
  exactCount: number;
  below085: number;
  furnitureTitles: number;
}

export function summarize(runs: Run[]): Summary {
  const sum = (f: (r: Run) => number) => runs.reduce((total, r) => total + f(r), 0);
  const share = (part: (r: Run) => number, whole: (r: Run) => number) => (sum(whole) ? sum(part) / sum(whole) : 1);
  return {
    runs: runs.length,
    meanF1: runs.length ? sum((r) => r.score.f1) / runs.length : 0,
    minF1: runs.length ? Math.min(...runs.map((r) => r.score.f1)) : 0,
    recovered: share((r) => r.score.recovered, (r) => r.score.goldSentences),
    titles: share((r) => r.score.titlesOk, (r) => r.score.goldArticles),
    captions: share((r) => r.score.captionsOk, (r) => r.score.captionsTotal),
    exactCount: runs.length ? runs.filter((r) => r.score.predictedArticles === r.score.goldArticles).length / runs.length : 0,
    below085: runs.filter((r) => r.score.f1 < 0.85).length,
    furnitureTitles: runs.filter((r) => r.furnitureTitles.length > 0).length,
  };
}
