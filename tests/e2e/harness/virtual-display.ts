// A virtual X display (Xvfb) and real key presses on it (xdotool). Synthetic key events from the
// test driver never reach the browser's shortcut handling; X events do, exactly as a user's would,
// and so give the extension the activeTab grant a user's gesture gives.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ScreenImage } from './screen';

export function hasVirtualDisplayTools(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v Xvfb && command -v xdotool'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export class VirtualDisplay {
  private constructor(
    private readonly server: ChildProcess,
    readonly display: string,
    private readonly framebufferDir: string,
  ) {}

  /**
   * Starts Xvfb on a free display number (Xvfb picks it and reports it on a pipe), its
   * framebuffer kept in a file so that `screen()` can read what it shows.
   */
  static async start(): Promise<VirtualDisplay> {
    const framebufferDir = mkdtempSync(path.join(tmpdir(), 'baozhai-xvfb-'));
    const server = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x900x24', '-nolisten', 'tcp', '-fbdir', framebufferDir], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    const display = await new Promise<string>((resolve, reject) => {
      let reported = '';
      server.stdio[3]?.on('data', (chunk: Buffer) => {
        reported += chunk.toString();
        if (reported.includes('\n')) resolve(`:${reported.trim()}`);
      });
      server.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
      setTimeout(() => reject(new Error('Xvfb did not start within 10 s')), 10_000);
    });
    return new VirtualDisplay(server, display, framebufferDir);
  }

  /** What the display shows now. */
  screen(): ScreenImage {
    return ScreenImage.fromXwd(path.join(this.framebufferDir, 'Xvfb_screen0'));
  }

  /** Moves the pointer to a point of the screen and clicks there with the left button, as a hand would. */
  click(x: number, y: number): void {
    execFileSync('xdotool', ['mousemove', '--sync', String(x), String(y), 'click', '1'], { env: { ...process.env, DISPLAY: this.display } });
  }

  /** Focuses the browser window and presses `keys` (xdotool syntax, e.g. alt+shift+s). */
  pressKeys(keys: string): void {
    const env = { ...process.env, DISPLAY: this.display };
    const windows = execFileSync('xdotool', ['search', '--onlyvisible', '--class', 'chromium'], { env, encoding: 'utf8' })
      .trim()
      .split('\n');
    const window = windows.at(-1);
    if (!window) throw new Error('no Chromium window on the virtual display');
    execFileSync('xdotool', ['windowfocus', '--sync', window], { env });
    execFileSync('xdotool', ['key', '--delay', '50', keys], { env });
  }

  stop(): void {
    this.server.kill('SIGTERM');
    rmSync(this.framebufferDir, { recursive: true, force: true });
  }
}
