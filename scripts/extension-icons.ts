// Draws the extension's toolbar icons (报 on the popup's red) with Chromium and WenQuanYi Zen Hei.
// Run once after changing the design: npx tsx scripts/extension-icons.ts
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, REPO_ROOT } from './extension-browser';

const SIZES = [16, 32, 48, 96, 128];
const outputDir = path.join(REPO_ROOT, 'extension', 'public', 'icon');
mkdirSync(outputDir, { recursive: true });

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">
      <div style="width:${size}px;height:${size}px;border-radius:${Math.round(size * 0.2)}px;background:#b3261e;color:#fff;
        display:flex;align-items:center;justify-content:center;font:${Math.round(size * 0.74)}px/1 'WenQuanYi Zen Hei',sans-serif">报</div>
    </body></html>`);
    await page.screenshot({ path: path.join(outputDir, `${size}.png`), omitBackground: true });
  }
} finally {
  await browser.close();
}
