// The real Worker under `wrangler dev` (workerd with local KV persisted to a temporary directory)
// on a free port, with a bench-only API token. Its request log is off so that logging does not
// weigh on the figures.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from './paths';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export class DevServer {
  private output = '';

  private constructor(
    readonly port: number,
    readonly token: string,
    private readonly persistDir: string,
    private readonly child: ChildProcess,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<DevServer> {
    const port = await freePort();
    const persistDir = mkdtempSync(path.join(tmpdir(), 'baozhai-bench-kv-'));
    const wranglerBin = fileURLToPath(import.meta.resolve('wrangler/bin/wrangler.js'));
    const token = randomBytes(18).toString('base64url');
    const child = spawn(
      process.execPath,
      [
        wranglerBin, 'dev',
        '--ip', '127.0.0.1',
        '--port', String(port),
        '--persist-to', persistDir,
        '--var', `API_TOKENS:bench:${token}`,
        '--log-level', 'warn',
        '--show-interactive-dev-session=false',
      ],
      // Its own process group, so that stopping it also stops the workerd it starts.
      { cwd: REPO_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1', WRANGLER_SEND_METRICS: 'false' } },
    );
    const server = new DevServer(port, token, persistDir, child);
    // Keep only the tail of its output, for an error message.
    const keep = (chunk: Buffer) => (server.output = (server.output + chunk.toString()).slice(-4000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`wrangler dev exited:\n${server.output}`);
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

  /** The workerd process serving requests (a descendant of wrangler), or undefined. */
  workerdPid(): number | undefined {
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
    return [...names].find(([pid, name]) => name === 'workerd' && descends(pid))?.[0];
  }

  /** Resident memory of the workerd process in bytes (VmRSS). */
  workerdRss(): number | undefined {
    const pid = this.workerdPid();
    if (!pid) return undefined;
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
    return match ? Number(match[1]) * 1024 : undefined;
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
    rmSync(this.persistDir, { recursive: true, force: true });
  }
}
