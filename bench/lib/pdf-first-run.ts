// Child process: the CPU a fresh process spends on its first run of the pipeline on one PDF page,
// as a new Worker isolate would (code compiled lazily, then run before the JIT has optimized it).
// Prints JSON on its last line. Usage: node --import tsx bench/lib/pdf-first-run.ts PAGE.json
import { readFileSync } from 'node:fs';
import type { PipelineInput } from '../../worker/src/pipeline';
import { cpuNow } from './timing';

export interface FirstRun {
  firstRunMs: number;
}

const input = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as PipelineInput;
const { runPipeline } = await import('../../worker/src/pipeline');
const started = cpuNow();
runPipeline(input);
console.log(JSON.stringify({ firstRunMs: cpuNow() - started } satisfies FirstRun));
