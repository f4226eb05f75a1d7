// npm start: the local worker on http://127.0.0.1:8787 (PORT=… for another port) with persisted
// local KV. Checks the port is free, creates .dev.vars with a random dev token if there is none,
// prints the token, builds the extension (when the project has a build:extension script), then
// runs wrangler dev.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { applyLocalMigrations } from './lib/local-d1.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const devVarsPath = `${root}.dev.vars`;
const HOST = '127.0.0.1';
const PORT = process.env.PORT ?? '8787';

/** Resolves to the error code ('EADDRINUSE', 'EACCES', …) when HOST:PORT cannot be listened on, else undefined. */
function portProblem() {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (error) => resolve(error.code ?? String(error)));
    probe.listen(Number(PORT), HOST, () => probe.close(() => resolve(undefined)));
  });
}

if (!/^\d+$/.test(PORT) || Number(PORT) < 1 || Number(PORT) > 65535) {
  console.error(`PORT must be a number from 1 to 65535, not "${PORT}".`);
  process.exit(1);
}
// Checked before the build, so a busy port is one line, not a build and then a runtime stack trace.
const problem = await portProblem();
if (problem === 'EADDRINUSE') {
  console.error(`Port ${PORT} on ${HOST} is already in use (another npm start?). Stop that process, or pick another port: PORT=${Number(PORT) + 1} npm start`);
  process.exit(1);
}
if (problem) {
  console.error(`Cannot listen on ${HOST}:${PORT} (${problem}). Pick another port, for example PORT=8788 npm start`);
  process.exit(1);
}

/** The first `user:token` pair of API_TOKENS in .dev.vars, creating the file if needed. */
function ensureDevToken() {
  if (!existsSync(devVarsPath)) {
    const token = randomBytes(24).toString('base64url');
    writeFileSync(devVarsPath, `# Local secrets for wrangler dev; never commit this file.\nAPI_TOKENS=dev:${token}\n`, { mode: 0o600 });
    console.log('Created .dev.vars with a new local dev token.');
  }
  const match = readFileSync(devVarsPath, 'utf8').match(/^API_TOKENS\s*=\s*"?([^"\n]*)"?/m);
  const [user, token] = (match?.[1] ?? '').split(',')[0]?.split(/:(.*)/s) ?? [];
  if (!user || !token) {
    console.error('.dev.vars has no API_TOKENS=user:token line; add one or delete the file to get a new one.');
    process.exit(1);
  }
  return { user, token };
}

const { user, token } = ensureDevToken();

const build = spawnSync('npm', ['run', '--if-present', 'build:extension'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) console.warn('The extension build failed; starting the worker anyway.');

console.log(`
Baozhai worker: http://${HOST}:${PORT}
Web reader: http://${HOST}:${PORT}/ (sign in with the token below; wrangler builds it from web/)
Dev user "${user}", token: ${token}
Try:
  curl -H "Authorization: Bearer ${token}" -H 'content-type: text/plain' \\
       --data-binary @../shared/corpus/seed-page.txt http://${HOST}:${PORT}/v1/captures
`);

// The search index's tables (migrations/), in the same local state wrangler dev reads.
try {
  applyLocalMigrations({ persistTo: '.wrangler/state', cwd: root });
} catch (error) {
  console.error(String(error instanceof Error ? error.message : error));
  process.exit(1);
}

// Run wrangler's own entry with this node (no npx/sh in between), so signals reach it.
const wranglerBin = fileURLToPath(import.meta.resolve('wrangler/bin/wrangler.js'));
const wrangler = spawn(process.execPath, [wranglerBin, 'dev', '--ip', HOST, '--port', PORT, '--persist-to', '.wrangler/state'], {
  cwd: root,
  stdio: 'inherit',
  // The Worker never reads `request.cf`; without this, wrangler fetches it from the internet at
  // every start and, offline, prints two DNS stack traces that look like failures.
  env: { CLOUDFLARE_CF_FETCH_ENABLED: 'false', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => wrangler.kill(signal));
wrangler.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
