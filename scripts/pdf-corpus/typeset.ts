// Typesets a page's HTML with real engines: Chromium (playwright-core, the system's /usr/bin/chromium)
// fixes the frames' positions and the page height, and prints; WeasyPrint prints the same final HTML.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';

const run = promisify(execFile);

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MM = 96 / 25.4;
/** Room left under the measured content, so WeasyPrint (whose line breaks may differ) still fits a page. */
const PAGE_SLACK = 1.06;

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--font-render-hinting=none'] });
}

const PLACE_FRAMES = readFileSync(fileURLToPath(new URL('./place-frames.js', import.meta.url)), 'utf8');

/** The final HTML both engines print: frames placed, page size set. */
export async function finalizeHtml(browser: Browser, draft: string, widthMm: number): Promise<string> {
  const page = await browser.newPage({ viewport: { width: Math.ceil(widthMm * MM) + 40, height: 1200 } });
  try {
    await page.setContent(draft, { waitUntil: 'load' });
    await page.evaluate(`${PLACE_FRAMES.trim()}(${PAGE_SLACK})`);
    return await page.content();
  } finally {
    await page.close();
  }
}

export async function printWithChromium(browser: Browser, html: string, pdfPath: string): Promise<void> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
  } finally {
    await page.close();
  }
}

export async function printWithWeasyPrint(htmlPath: string, pdfPath: string): Promise<void> {
  await run('weasyprint', ['--quiet', htmlPath, pdfPath], { maxBuffer: 16 * 1024 * 1024 });
}
