// The real Worker under `wrangler dev` with local KV persisted to a temporary directory, which
// can be stopped and started again on the same port (the outage scenario) without losing data.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../../../scripts/extension-browser';
import { freePort } from '../../../scripts/lib/free-port';
import { applyLocalMigrations } from '../../../scripts/lib/local-d1.mjs';
import { Article, ArticleList } from '../../../shared/src/schemas';

/**
 * The project's wrangler.toml without its [build] step, its paths made absolute. wrangler dev
 * watches [build]'s watch_dir and rebuilds and reloads the Worker when it sees a change there; in a
 * loaded CI run a page load in the middle of a scenario hung for a minute. The web reader is built
 * once before the scenarios instead (global-setup.ts), and this worker never reloads.
 */
function configWithoutBuild(directory: string): string {
  const project = readFileSync(path.join(REPO_ROOT, 'wrangler.toml'), 'utf8');
  const withoutBuild = project.replace(/^\[build\]\n(?:(?!\[).*\n)*/m, '');
  const absolute = withoutBuild.replace(
    /^(main|directory|migrations_dir)\s*=\s*"([^"]+)"/gm,
    (_line, key: string, value: string) => `${key} = ${JSON.stringify(path.resolve(REPO_ROOT, value))}`,
  );
  const configPath = path.join(directory, 'wrangler.toml');
  writeFileSync(configPath, absolute);
  return configPath;
}

export class DevWorker {
  readonly token = randomBytes(18).toString('base64url');
  readonly user = 'e2e';
  private process: ChildProcess | undefined;
  private output = '';

  /** Answered once: from then on it restarts on its own port (the outage scenario needs that). */
  private answered = false;

  private constructor(
    private currentPort: number,
    private readonly persistDir: string,
  ) {}

  get port(): number {
    return this.currentPort;
  }

  static async create(): Promise<DevWorker> {
    const persistDir = mkdtempSync(path.join(tmpdir(), 'baozhai-kv-'));
    // The search index's tables, in the local D1 this worker will use.
    applyLocalMigrations({ persistTo: persistDir, cwd: REPO_ROOT });
    return new DevWorker(await freePort(), persistDir);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    // (A port found free may be taken by another process before wrangler binds it, as test files run
    // side by side: a first start then tries another port.)
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.startOnce();
      } catch (error) {
        if (this.answered || attempt >= 3 || !/Address already in use/.test(String(error))) throw error;
        this.currentPort = await freePort();
      }
    }
  }

  private async startOnce(): Promise<void> {
    if (this.process) return;
    const wranglerBin = fileURLToPath(import.meta.resolve('wrangler/bin/wrangler.js'));
    this.output = '';
    const child = spawn(
      process.execPath,
      [
        wranglerBin, 'dev',
        '--ip', '127.0.0.1',
        '--port', String(this.port),
        '--persist-to', this.persistDir,
        '--config', configWithoutBuild(this.persistDir),
        '--var', `API_TOKENS:${this.user}:${this.token}`,
        '--show-interactive-dev-session=false',
      ],
      { cwd: REPO_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1', WRANGLER_SEND_METRICS: 'false' } },
    );
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.process = child;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        this.process = undefined;
        throw new Error(`wrangler dev exited:\n${this.output}`);
      }
      try {
        // (Bounded: whatever else holds the port may accept and never answer.)
        const response = await fetch(`${this.url}/v1/health`, { signal: AbortSignal.timeout(2000) });
        if (response.ok) {
          this.answered = true;
          return;
        }
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`wrangler dev did not answer within 60 s:\n${this.output}`);
  }

  /** Stops the worker and waits until its port no longer answers. */
  async stop(): Promise<void> {
    const child = this.process;
    if (!child?.pid) return;
    this.process = undefined;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
    const killer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 5000);
    await exited;
    clearTimeout(killer);
    for (let attempt = 0; attempt < 40; attempt += 1) {
      try {
        await fetch(`${this.url}/v1/health`);
      } catch {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.persistDir, { recursive: true, force: true });
  }

  /** How many requests wrangler has logged for `method path` since this start (e.g. POST /v1/captures). */
  requestCount(method: string, pathname: string): number {
    const pattern = new RegExp(`\\b${method} ${pathname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s`, 'g');
    return this.output.match(pattern)?.length ?? 0;
  }

  /** Every article the API lists (or finds for `q`), newest first, following the cursor. */
  async listArticles(q?: string): Promise<ArticleList['articles']> {
    const articles: ArticleList['articles'] = [];
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ limit: '100' });
      if (cursor) query.set('cursor', cursor);
      if (q) query.set('q', q);
      const page = ArticleList.parse(await this.okJson(`/v1/articles?${query}`));
      articles.push(...page.articles);
      cursor = page.cursor;
    } while (cursor);
    return articles;
  }

  /** One whole article, as the API gives it. */
  async getArticle(id: string): Promise<Article> {
    return Article.parse(await this.okJson(`/v1/articles/${encodeURIComponent(id)}`));
  }

  private async okJson(pathname: string): Promise<unknown> {
    const response = await this.api(pathname);
    if (response.status !== 200) throw new Error(`GET ${pathname} answered ${response.status}: ${await response.text()}`);
    return response.json();
  }

  /** Calls the API directly, as any other client would. */
  async api(pathname: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${this.url}${pathname}`, {
      ...init,
      headers: { authorization: `Bearer ${this.token}`, ...(init.headers ?? {}) },
    });
  }
}
