// The real Worker under `wrangler dev` (workerd with local KV and D1, persisted to a temporary
// directory unless the caller keeps the state elsewhere; the D1 migrations are applied first)
// on a free port, with a bench-only API token. It serves a snapshot: the Worker is bundled once
// into a temporary directory (as `wrangler deploy` would bundle it) and served from there, so
// that edits in the checkout during a run do not restart it mid-request. Its request log is off
// so that logging does not weigh on the figures.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from './paths';
import { freePort } from '../../scripts/lib/free-port';


export class DevServer {
  private output = '';

  private constructor(
    readonly port: number,
    readonly token: string,
    private readonly workDir: string,
    private readonly child: ChildProcess,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /**
   * `persistTo`: keep the local KV and D1 state in this directory (it outlives the server, so a
   * bench can reuse what it seeded); by default a temporary one, removed on stop.
   */
  static async start(options: { persistTo?: string } = {}): Promise<DevServer> {
    const port = await freePort();
    const workDir = mkdtempSync(path.join(tmpdir(), 'baozhai-bench-worker-'));
    const wranglerBin = fileURLToPath(import.meta.resolve('wrangler/bin/wrangler.js'));
    const bundle = spawnSync(process.execPath, [wranglerBin, 'deploy', '--dry-run', '--outdir', path.join(workDir, 'dist')], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, CI: '1', WRANGLER_SEND_METRICS: 'false' },
      timeout: 120_000,
    });
    if (bundle.status !== 0) {
      rmSync(workDir, { recursive: true, force: true });
      throw new Error(`bundling the Worker failed:\n${bundle.stdout}${bundle.stderr}`);
    }
    const projectConfig = readFileSync(path.join(REPO_ROOT, 'wrangler.toml'), 'utf8');
    const compatibilityDate = projectConfig.match(/^compatibility_date\s*=\s*"([^"]+)"/m)?.[1];
    const compatibilityFlags = [...(projectConfig.match(/^compatibility_flags\s*=\s*\[([^\]]*)\]/m)?.[1] ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    const configPath = path.join(workDir, 'wrangler.json');
    writeFileSync(
      configPath,
      JSON.stringify({
        name: 'baozhai-bench',
        main: 'dist/index.js',
        no_bundle: true,
        compatibility_date: compatibilityDate,
        compatibility_flags: compatibilityFlags,
        kv_namespaces: [{ binding: 'ARTICLES', id: 'bench' }],
        d1_databases: [{ binding: 'DB', database_name: 'baozhai-search', database_id: 'bench', migrations_dir: path.join(REPO_ROOT, 'migrations') }],
      }),
    );
    const statePath = options.persistTo ?? path.join(workDir, 'state');
    mkdirSync(statePath, { recursive: true });
    const wranglerEnv = { ...process.env, CI: '1', WRANGLER_SEND_METRICS: 'false' };
    const migrate = spawnSync(process.execPath, [wranglerBin, 'd1', 'migrations', 'apply', 'DB', '--local', '--config', configPath, '--persist-to', statePath], {
      cwd: workDir,
      encoding: 'utf8',
      env: wranglerEnv,
      timeout: 120_000,
    });
    if (migrate.status !== 0) {
      rmSync(workDir, { recursive: true, force: true });
      throw new Error(`applying the D1 migrations failed:\n${migrate.stdout}${migrate.stderr}`);
    }
    const token = randomBytes(18).toString('base64url');
    const child = spawn(
      process.execPath,
      [
        wranglerBin, 'dev',
        '--config', configPath,
        '--ip', '127.0.0.1',
        '--port', String(port),
        '--persist-to', statePath,
        '--var', `API_TOKENS:bench:${token}`,
        // BENCH_WRANGLER_LOG=debug shows what wrangler does, e.g. when it restarts the Worker.
        '--log-level', process.env.BENCH_WRANGLER_LOG ?? 'warn',
        '--show-interactive-dev-session=false',
      ],
      // Its own process group, so that stopping it also stops the workerd it starts.
      { cwd: workDir, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: wranglerEnv },
    );
    const server = new DevServer(port, token, workDir, child);
    // Keep only the tail of its output, for an error message.
    const keep = (chunk: Buffer) => (server.output = (server.output + chunk.toString()).slice(-(process.env.BENCH_WRANGLER_LOG ? 400_000 : 4000)));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        await server.stop();
        throw new Error(`wrangler dev exited:\n${server.output}`);
      }
      try {
        if ((await fetch(`${server.url}/v1/health`)).ok) return server;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await server.stop();
    throw new Error(`wrangler dev did not answer within 60 s:\n${server.output}`);
  }

  /** Size of the bundled Worker (as `wrangler deploy` would upload it), raw and gzip. */
  bundleSize(): { bytes: number; gzipBytes: number } {
    const bundle = readFileSync(path.join(this.workDir, 'dist', 'index.js'));
    return { bytes: bundle.length, gzipBytes: gzipSync(bundle, { level: 9 }).length };
  }

  /** The last few thousand characters wrangler wrote (at --log-level warn: warnings and errors). */
  logTail(): string {
    return this.output;
  }

  /** The workerd processes wrangler started (descendants of its process), by pid. */
  workerdPids(): number[] {
    const parents = new Map<number, number>();
    const names = new Map<number, string>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        names.set(Number(entry), stat.slice(stat.indexOf('(') + 1, close));
        parents.set(Number(entry), Number(stat.slice(close + 2).split(' ')[1]));
      } catch {
        // Exited meanwhile.
      }
    }
    const descends = (pid: number) => {
      for (let current = parents.get(pid); current && current > 1; current = parents.get(current)) if (current === this.child.pid) return true;
      return false;
    };
    return [...names].filter(([pid, name]) => name === 'workerd' && descends(pid)).map(([pid]) => pid);
  }

  /** Resident memory (VmRSS) of all its workerd processes together, in bytes. */
  workerdRss(): number | undefined {
    const pids = this.workerdPids();
    if (pids.length === 0) return undefined;
    let total = 0;
    for (const pid of pids) {
      const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
      total += match ? Number(match[1]) * 1024 : 0;
    }
    return total;
  }

  async stop(): Promise<void> {
    const pid = this.child.pid;
    if (pid && this.child.exitCode === null) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      const signal = (name: NodeJS.Signals) => {
        try {
          process.kill(-pid, name);
        } catch {
          // Already gone.
        }
      };
      signal('SIGTERM');
      const killer = setTimeout(() => signal('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(this.workDir, { recursive: true, force: true });
  }
}
