// Lays the search index's schema (migrations/) into a local D1 database, as `wrangler dev` will
// find it under `persistTo`. Used by `npm start`, the end-to-end harness and the bench, so the
// Worker runs on a fresh machine. Already applied migrations are skipped by wrangler.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Applies every pending migration of the D1 binding DB to the local database under `persistTo`.
 * `config` is a wrangler configuration other than the project's (it must declare DB with
 * `migrations_dir` pointing at this checkout's migrations/). Throws with wrangler's output on failure.
 * @param {{ persistTo: string, config?: string, cwd?: string }} options
 */
export function applyLocalMigrations({ persistTo, config, cwd = root }) {
  const wranglerBin = fileURLToPath(import.meta.resolve('wrangler/bin/wrangler.js'));
  const args = [wranglerBin, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo];
  if (config) args.push('--config', config);
  const run = spawnSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    // CI=1: answer wrangler's "continue?" with yes, and stay quiet about having no internet.
    env: { ...process.env, CI: '1', WRANGLER_SEND_METRICS: 'false' },
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`applying the D1 migrations failed:\n${run.stdout}${run.stderr}`);
}
