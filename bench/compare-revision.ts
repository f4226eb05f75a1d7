// The pipeline as it is now against the pipeline at another git revision, in one process: absolute
// times drift with a shared machine's load, a ratio of alternating slices does not.
// npx tsx bench/compare-revision.ts [REVISION=HEAD~1] [--seconds=8] [--pdf [--quick]]
// Both are bundled the same way (esbuild, names kept as tsx and wrangler keep them) from a copy of
// worker/ and shared/ (`git archive` for the revision), and run on the seed page; with --pdf, on each
// route of the PDF corpus too (bench/lib/pdf-inputs.ts: a page's layout, a whole capture, a page's
// copied text), saying also how many of the corpus's outputs differ between the two.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { readSeedPage } from './lib/inputs';
import { PDF_ROUTES, readPdfCorpusInputs } from './lib/pdf-inputs';
import { REPO_ROOT } from './lib/paths';
import { ms } from './lib/report';
import { measureInterleaved } from './lib/timing';
import type { PipelineInput } from '../worker/src/pipeline';

type RunPipeline = (input: PipelineInput) => { articles: unknown[] };

const { values, positionals } = parseArgs({ options: { seconds: { type: 'string', default: '8' }, pdf: { type: 'boolean', default: false }, quick: { type: 'boolean', default: false } }, allowPositionals: true });
const revision = positionals[0] ?? 'HEAD~1';

async function bundle(sourceRoot: string, outfile: string): Promise<RunPipeline> {
  await build({
    entryPoints: [path.join(sourceRoot, 'worker', 'src', 'pipeline', 'index.ts')],
    bundle: true,
    keepNames: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
  });
  return ((await import(pathToFileURL(outfile).href)) as { runPipeline: RunPipeline }).runPipeline;
}

const work = mkdtempSync(path.join(tmpdir(), 'baozhai-compare-'));
try {
  const old = path.join(work, 'old');
  mkdirSync(old);
  execFileSync('sh', ['-c', `git -C "${REPO_ROOT}" archive "${revision}" worker shared | tar -x -C "${old}"`]);
  const before = await bundle(old, path.join(work, 'old.mjs'));
  const now = await bundle(REPO_ROOT, path.join(work, 'now.mjs'));
  const cases: [string, PipelineInput[]][] = [['pipeline per seed page', [{ text: readSeedPage(), capturedAt: '2024-07-31T00:00:00.000Z' }]]];
  if (values.pdf) {
    const { routes } = await readPdfCorpusInputs({ quick: values.quick });
    for (const route of PDF_ROUTES) cases.push([`PDF corpus, ${route} (${routes[route].length} inputs), per input`, routes[route].map((c) => c.input)]);
    const inputs = PDF_ROUTES.flatMap((route) => routes[route].map((c) => c.input));
    const differ = inputs.filter((input) => JSON.stringify(before(input)) !== JSON.stringify(now(input))).length;
    console.log(`outputs: ${differ} of ${inputs.length} differ between ${revision} and the working tree`);
  }
  for (const [label, inputs] of cases) {
    const timings = measureInterleaved(
      { [revision]: () => inputs.forEach((input) => before(input)), 'working tree': () => inputs.forEach((input) => now(input)) },
      { time: Number(values.seconds) * 1000, minRounds: 5, sliceMs: 50 },
    );
    const then = timings.get(revision)!.medianMs / inputs.length;
    const current = timings.get('working tree')!.medianMs / inputs.length;
    console.log(`${label}, CPU: ${revision} ${ms(then)}, working tree ${ms(current)}: ${(current / then).toFixed(2)}× the time`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
