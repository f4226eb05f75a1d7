// Builds the web reader (web/) into dist/reader, where the Worker's static assets come from.
// `--if-stale` skips the build when dist/reader is newer than every file it is built from: wrangler
// runs this before each `wrangler dev` and `wrangler deploy` ([build] in wrangler.toml), and once
// more when its file watcher starts. The new build replaces the old one in a single rename, so a
// running server never sees a half-written directory.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = path.join(root, 'dist', 'reader');
/** Everything the reader's bundle is made from. */
const SOURCES = ['web', 'extension/components', 'extension/utils', 'shared/src', 'package-lock.json'];

function newestChange(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((newest, name) => Math.max(newest, newestChange(path.join(target, name))), stat.mtimeMs);
}

function isFresh() {
  const built = path.join(outDir, 'index.html');
  return existsSync(built) && statSync(built).mtimeMs > Math.max(...SOURCES.map((source) => newestChange(path.join(root, source))));
}

if (process.argv.includes('--if-stale') && isFresh()) process.exit(0);

const staging = `${outDir}.${process.pid}.tmp`;
const previous = `${outDir}.${process.pid}.old`;
try {
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'web', 'vite.config.ts'), logLevel: 'warn', build: { outDir: staging, emptyOutDir: true } });
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(staging, outDir);
} finally {
  rmSync(staging, { recursive: true, force: true });
  rmSync(previous, { recursive: true, force: true });
}
