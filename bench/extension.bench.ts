// Issue 5, point 6: the built extension's size per entry (gzip) and the popup's time to its first
// list with 1,000 cached articles in real Chromium. The measuring itself is the extension's own
// harness (`npm run bench:extension`, scripts/extension-metrics.ts); this reads its JSON.
// Run alone: npx tsx bench/extension.bench.ts
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './lib/paths';
import { formatTable, ms, row, summaryLine, times, type Row } from './lib/report';

const MAX_ENTRY_GZIP_BYTES = 60 * 1024;
const MAX_FIRST_LIST_MS = 100;
const DEADLINE_MS = 180_000;

interface ExtensionMetrics {
  bundles: { entry: string; bytes: number; gzipBytes: number; includesPdfJs: boolean }[];
  popup: { cachedArticles: number; medianMs: number; runsMs: number[]; baselineMedianMs: number; source: string; listedArticles: number };
}

function readMetrics(build: boolean): Promise<ExtensionMetrics> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'bench:extension', '--', ...(build ? ['--build'] : [])], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), DEADLINE_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      try {
        if (code !== 0) throw new Error(`bench:extension exited ${code}: ${stderr.trim()}`);
        resolve(JSON.parse(stdout.slice(stdout.indexOf('{'))) as ExtensionMetrics);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

export async function benchExtension(options: { quick: boolean }): Promise<Row[]> {
  const section = 'extension';
  const hasHarness = existsSync(path.join(REPO_ROOT, 'scripts', 'extension-metrics.ts'));
  if (!hasHarness) return [row(section, 'extension', 'not built', '', null)];
  // A fresh build, so that the sizes are those of the sources in this checkout (--quick reuses one).
  const built = existsSync(path.join(REPO_ROOT, '.output', 'chrome-mv3', 'manifest.json'));
  const metrics = await readMetrics(!options.quick || !built);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const rows = metrics.bundles.map((bundle) =>
    bundle.includesPdfJs
      ? row(section, `${bundle.entry} gzip (carries pdf.js; ${kb(bundle.bytes)} raw)`, kb(bundle.gzipBytes), '', null)
      : row(section, `${bundle.entry} gzip (${kb(bundle.bytes)} raw)`, kb(bundle.gzipBytes), `≤ ${kb(MAX_ENTRY_GZIP_BYTES)}`, bundle.gzipBytes <= MAX_ENTRY_GZIP_BYTES),
  );
  const { popup } = metrics;
  rows.push(
    row(
      section,
      `popup first list, ${popup.cachedArticles} cached (from ${popup.source}, ${popup.listedArticles} drawn), median of ${popup.runsMs.length}`,
      ms(popup.medianMs),
      `≤ ${MAX_FIRST_LIST_MS} ms`,
      popup.medianMs <= MAX_FIRST_LIST_MS,
    ),
    row(section, `popup first paint, empty cache (baseline ${ms(popup.baselineMedianMs)}): first list ÷ baseline`, times(popup.medianMs / popup.baselineMedianMs), '', null),
  );
  return rows;
}

if (process.argv[1] === import.meta.filename) {
  const rows = await benchExtension({ quick: process.argv.includes('--quick') });
  console.log(formatTable(rows));
  console.log(summaryLine(rows));
}
