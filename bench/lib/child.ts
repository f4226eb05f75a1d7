// Runs a TypeScript file in a child Node process with a deadline, reading JSON from its last line.
import { spawn } from 'node:child_process';
import { REPO_ROOT } from './paths';

export type ChildOutcome<T> = { ok: true; value: T; elapsedMs: number } | { ok: false; reason: string; elapsedMs: number };

export function runChild<T>(file: string, args: string[], timeoutMs: number, nodeFlags: string[] = []): Promise<ChildOutcome<T>> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', file, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const elapsedMs = performance.now() - started;
      if (timedOut) return resolve({ ok: false, reason: `killed after ${(timeoutMs / 1000).toFixed(0)} s`, elapsedMs });
      const last = stdout.trim().split('\n').at(-1) ?? '';
      try {
        if (code !== 0) throw new Error(`exit ${code}`);
        resolve({ ok: true, value: JSON.parse(last) as T, elapsedMs });
      } catch (error) {
        resolve({ ok: false, reason: `${String(error)}: ${stderr.trim().split('\n').slice(-3).join(' ')}`, elapsedMs });
      }
    });
  });
}
