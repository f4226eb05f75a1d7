import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROME_EXTENSION_DIR, CHROMIUM_PATH, REPO_ROOT } from '../../scripts/extension-browser';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built Chrome extension the scenarios load. */
    extensionDir: string;
  }
}

const BUILD_PREFIX = 'baozhai-e2e-extension-';
const STALE_MS = 3 * 60 * 60 * 1000;

/** Builds left by runs that were killed before their teardown (hours old: no run lasts that long). */
function removeStaleBuilds(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(BUILD_PREFIX)) continue;
    const directory = path.join(tmpdir(), name);
    if (Date.now() - statSync(directory).mtimeMs > STALE_MS) rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * Builds the extension once, into a directory of its own so that another build (npm start, the
 * benchmark) cannot swap files under the running browser. BAOZHAI_E2E_SKIP_BUILD=1 uses the
 * existing .output/chrome-mv3 instead.
 */
export default function buildExtension(project: TestProject): (() => void) | undefined {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  // The scenarios' workers run without wrangler's [build] step (harness/dev-worker.ts): the web
  // reader is built here, once, unless it is up to date.
  const reader = spawnSync(process.execPath, ['scripts/build-reader.mjs', '--if-stale'], { cwd: REPO_ROOT, stdio: 'pipe', encoding: 'utf8' });
  if (reader.status !== 0) throw new Error(`building the web reader failed:\n${reader.stdout}\n${reader.stderr}`);
  if (process.env.BAOZHAI_E2E_SKIP_BUILD === '1') {
    project.provide('extensionDir', CHROME_EXTENSION_DIR);
    return undefined;
  }
  removeStaleBuilds();
  const outDir = mkdtempSync(path.join(tmpdir(), BUILD_PREFIX));
  const build = spawnSync('npm', ['run', '--silent', 'build:extension'], {
    cwd: REPO_ROOT,
    stdio: 'pipe',
    encoding: 'utf8',
    env: { ...process.env, BAOZHAI_EXTENSION_OUT_DIR: outDir },
  });
  if (build.status !== 0) throw new Error(`npm run build:extension failed:\n${build.stdout}\n${build.stderr}`);
  project.provide('extensionDir', path.join(outDir, 'chrome-mv3'));
  return () => rmSync(outDir, { recursive: true, force: true });
}
