// The pipeline as it is now against the pipeline at another git revision, in one process: absolute
// times drift with a shared machine's load, a ratio of alternating slices does not.
// npx tsx bench/compare-revision.ts [REVISION=HEAD~1] [--seconds=8]
// Both are bundled the same way (esbuild, names kept as tsx and wrangler keep them) from a copy of
// worker/ and shared/ (`git archive` for the revision), and run on the seed page.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { readSeedPage } from './lib/inputs';
import { REPO_ROOT } from './lib/paths';
import { ms, times } from './lib/report';
import { measureInterleaved } from './lib/timing';

type RunPipeline = (input: { text: string; capturedAt: string }) => { articles: unknown[] };

const { values, positionals } = parseArgs({ options: { seconds: { type: 'string', default: '8' } }, allowPositionals: true });
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
  const text = readSeedPage();
  const capturedAt = '2024-07-31T00:00:00.000Z';
  const timings = measureInterleaved(
    { [revision]: () => before({ text, capturedAt }), 'working tree': () => now({ text, capturedAt }) },
    { time: Number(values.seconds) * 1000, minRounds: 5, sliceMs: 50 },
  );
  const then = timings.get(revision)!.medianMs;
  const current = timings.get('working tree')!.medianMs;
  console.log(`pipeline per seed page, CPU: ${revision} ${ms(then)}, working tree ${ms(current)}: ${times(current / then)} the time`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
