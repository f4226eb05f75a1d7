// Issue 5, point 3: time grows linearly with the input, hostile shapes stay fast, and the
// heap a large input costs. Each case runs in its own child process under a deadline.
// Run alone: npx tsx bench/scaling.bench.ts [--quick]
import path from 'node:path';
import { runChild } from './lib/child';
import type { CaseName, CaseResult } from './lib/pipeline-case';
import { formatTable, ms, row, summaryLine, times, type Row } from './lib/report';

const CASE_FILE = path.join(import.meta.dirname, 'lib', 'pipeline-case.ts');
/** 64× the input may take at most this many times as long as 1×. */
const MAX_RATIO_64 = 70;
const HOSTILE_MAX_MS = 100;
const HOSTILE_DEADLINE_MS = 10_000;

function runCase(name: CaseName, quick: boolean, deadlineMs: number) {
  return runChild<CaseResult>(CASE_FILE, [name, ...(quick ? ['--quick'] : [])], deadlineMs, ['--expose-gc']);
}

export async function benchScaling(options: { quick: boolean }): Promise<Row[]> {
  const section = 'scaling';
  const rows: Row[] = [];

  const scaling = await runCase('scaling', options.quick, 120_000);
  if (!scaling.ok) {
    rows.push(row(section, 'scaling run', scaling.reason, 'finishes', false));
  } else {
    const { timings, chars, articles } = scaling.value;
    const ratio = (name: string, base: string) => timings[name]!.medianMs / timings[base]!.medianMs;
    const describe = (name: string) => `${name} (${(chars[name]! / 1000).toFixed(0)}k chars, ${articles[name]} articles)`;
    rows.push(row(section, `joined pages ${describe('1×')}`, ms(timings['1×']!.medianMs), '', null));
    rows.push(row(section, `joined pages ${describe('8×')}: time ÷ 1×`, times(ratio('8×', '1×')), '', null));
    const joined64 = ratio('64×', '1×');
    rows.push(row(section, `joined pages ${describe('64×')}: time ÷ 1×`, times(joined64), `≤ ${MAX_RATIO_64}×`, joined64 <= MAX_RATIO_64));
    const longer64 = ratio('longer 64×', 'longer 1×');
    rows.push(row(section, `articles 64× longer (${(chars['longer 64×']! / 1000).toFixed(0)}k chars, ${articles['longer 64×']} articles): time ÷ 1×`, times(longer64), `≤ ${MAX_RATIO_64}×`, longer64 <= MAX_RATIO_64));
    // What fits in the free plan's 10 ms of CPU per request, at the 8× page's rate.
    const charsPerMs = chars['8×']! / timings['8×']!.medianMs;
    rows.push(row(section, 'text that fits in 10 ms of CPU, at the 8× rate', `${((10 * charsPerMs) / 1000).toFixed(0)}k chars (${((10 * charsPerMs) / chars['1×']!).toFixed(1)} pages)`, '', null));
  }

  for (const name of ['run-on', 'one-char-lines'] as const) {
    const outcome = await runCase(name, options.quick, HOSTILE_DEADLINE_MS);
    if (!outcome.ok) {
      rows.push(row(section, name, outcome.reason, `≤ ${HOSTILE_MAX_MS} ms`, false));
      continue;
    }
    const [figure, timing] = Object.entries(outcome.value.timings)[0]!;
    rows.push(row(section, `${figure} (median of ${timing.samples})`, ms(timing.medianMs), `≤ ${HOSTILE_MAX_MS} ms`, timing.medianMs <= HOSTILE_MAX_MS));
  }

  const limit = await runCase('text-limit', options.quick, 60_000);
  if (limit.ok) {
    const [, timing] = Object.entries(limit.value.timings)[0]!;
    const [name, chars] = Object.entries(limit.value.chars)[0]!;
    rows.push(row(section, `${name} (${(chars / 1000).toFixed(0)}k chars, ${limit.value.articles[name]} articles): CPU`, ms(timing.medianMs), '', null));
  } else {
    rows.push(row(section, 'text at the API limit', limit.reason, 'finishes', false));
  }

  const memory = await runCase('memory', options.quick, 60_000);
  if (!memory.ok || !memory.value.heap) {
    rows.push(row(section, 'heap for the 64× input', memory.ok ? 'no figure' : memory.reason, '', null));
  } else {
    const { inputBytes, afterRunBytes, retainedBytes } = memory.value.heap;
    const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
    rows.push(row(section, `heap used after the 64× input (${mb(inputBytes)} UTF-8), before GC`, mb(afterRunBytes), '', null));
    rows.push(row(section, 'heap held by its result after GC', mb(retainedBytes), '', null));
  }
  return rows;
}

if (process.argv[1] === import.meta.filename) {
  const rows = await benchScaling({ quick: process.argv.includes('--quick') });
  console.log(formatTable(rows));
  console.log(summaryLine(rows));
}
