import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH, REPO_ROOT } from '../../scripts/extension-browser';

/** Builds the extension once before the scenarios (skip with BAOZHAI_E2E_SKIP_BUILD=1). */
export default function buildExtension(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  if (process.env.BAOZHAI_E2E_SKIP_BUILD === '1') return;
  const build = spawnSync('npm', ['run', '--silent', 'build:extension'], { cwd: REPO_ROOT, stdio: 'pipe', encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build:extension failed:\n${build.stdout}\n${build.stderr}`);
}
