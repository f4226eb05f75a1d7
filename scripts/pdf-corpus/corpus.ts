// The corpus: which documents exist (a source page, or several, laid out by a template), and how
// they are built into a cache directory: final HTML, gold, and a PDF from each engine.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createRng } from '../lib/prng';
import type { GoldPage } from '../lib/score';
import { REPO_ROOT } from '../lib/source-articles';
import { goldFromHtml } from './gold';
import { documentHtml } from './html';
import { loadSourcePages, type SourcePage } from './stories';
import { FAMILIES, TEMPLATES, familyOf, type Template } from './templates';
import { finalizeHtml, launchChromium, printWithChromium, printWithWeasyPrint } from './typeset';

export const ENGINES = ['chromium', 'weasyprint'] as const;
export type EngineName = (typeof ENGINES)[number];

export const DEFAULT_CACHE_DIR = join(REPO_ROOT, '.cache', 'pdf-corpus');
/** Page width in mm: a broadsheet page is about this wide (its height follows the content). */
export const PAGE_WIDTH_MM = 320;
/** Bump when the build changes in a way the draft HTML does not show (typesetting options). */
const BUILD_VERSION = 1;

export interface CorpusDoc {
  /** e.g. rmrb-2026-04-08-05.flow-stack, or rmrb-2026-04-11-01..03.frames-mosaic for several pages. */
  name: string;
  template: Template;
  family: string;
  tuned: boolean;
  pages: SourcePage[];
}

/**
 * Every source page laid out by one template of a tuned family and one of a never-tuned family
 * (by the page's place in the list), plus multi-page documents: a run of
 * consecutive pages of one edition in one PDF, one per template.
 */
export function corpusDocs(): CorpusDoc[] {
  const pages = loadSourcePages();
  const tuned = TEMPLATES.filter((t) => familyOf(t).tuned);
  const held = TEMPLATES.filter((t) => !familyOf(t).tuned);
  const docs: CorpusDoc[] = [];
  const doc = (template: Template, of: SourcePage[]): CorpusDoc => ({
    name: `${of[0]!.id}${of.length > 1 ? `..${String(of[of.length - 1]!.page).padStart(2, '0')}` : ''}.${template.name}`,
    template,
    family: template.family,
    tuned: familyOf(template).tuned,
    pages: of,
  });
  // Round robin, so every template gets its share of pages; the never-tuned one shifts by one each
  // round, so the same pages do not always meet the same pair of templates.
  pages.forEach((page, i) => {
    docs.push(doc(tuned[i % tuned.length]!, [page]));
    docs.push(doc(held[(i + Math.floor(i / held.length)) % held.length]!, [page]));
  });
  // Multi-page documents: three consecutive pages of an edition per template, each template its own run.
  const editions = [...new Set(pages.map((p) => p.date))].filter((date) => pages.filter((p) => p.date === date).length >= 3);
  TEMPLATES.forEach((template, i) => {
    const edition = pages.filter((p) => p.date === editions[i % editions.length]);
    const start = (i * 2) % Math.max(1, edition.length - 2);
    const run = edition.slice(start, start + 3);
    if (run.length > 1) docs.push(doc(template, run));
  });
  return docs;
}

export function familyNames(): { tuned: string[]; heldOut: string[] } {
  return { tuned: FAMILIES.filter((f) => f.tuned).map((f) => f.name), heldOut: FAMILIES.filter((f) => !f.tuned).map((f) => f.name) };
}

export function draftHtml(doc: CorpusDoc): string {
  const rng = createRng(`pdf-corpus:${doc.name}`);
  return documentHtml(doc.pages.map((page) => doc.template.render(page, rng.fork(page.id))), PAGE_WIDTH_MM);
}

export interface BuiltDoc {
  doc: CorpusDoc;
  htmlPath: string;
  gold: GoldPage;
  /** Printed strings that are no article: running heads, page numbers, editors' lines, jump lines. */
  furniture: string[];
  pdfs: Record<EngineName, string>;
  /** Changes whenever the printed document may change; keys cached reader output. */
  key: string;
}

export const paths = (dir: string, name: string) => ({
  html: join(dir, `${name}.html`),
  gold: join(dir, `${name}.gold.json`),
  furniture: join(dir, `${name}.furniture.json`),
  key: join(dir, `${name}.key`),
  pdf: (engine: EngineName) => join(dir, `${name}.${engine}.pdf`),
});

function furnitureFromHtml(html: string): string[] {
  const texts = new Set<string>();
  const strip = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();
  for (const match of html.matchAll(/<(div|p|span) class="(runhead[^"]*|foot|jump|pno|editors)"[^>]*>([\s\S]*?)<\/\1>/g)) {
    const text = strip(match[3]!);
    if (text) texts.add(text);
  }
  for (const match of html.matchAll(/<span[^>]*>([^<]+)<\/span>/g)) {
    const text = strip(match[1]!);
    if (text && !/data-gold/.test(match[0])) texts.add(text);
  }
  return [...texts];
}

/** Builds (or finds in the cache) every document; Chromium is launched only if something is missing. */
export async function buildCorpus(docs: CorpusDoc[], cacheDir = DEFAULT_CACHE_DIR, log: (line: string) => void = () => {}): Promise<BuiltDoc[]> {
  mkdirSync(cacheDir, { recursive: true });
  let browser: Browser | undefined;
  const built: BuiltDoc[] = [];
  try {
    for (const doc of docs) {
      const draft = draftHtml(doc);
      const key = createHash('sha256').update(`${BUILD_VERSION}\n${draft}`).digest('hex').slice(0, 16);
      const p = paths(cacheDir, doc.name);
      const pdfs = { chromium: p.pdf('chromium'), weasyprint: p.pdf('weasyprint') };
      const fresh = existsSync(p.key) && readFileSync(p.key, 'utf8') === key && ENGINES.every((e) => existsSync(pdfs[e]));
      if (!fresh) {
        browser ??= await launchChromium();
        const started = Date.now();
        const html = await finalizeHtml(browser, draft, PAGE_WIDTH_MM);
        writeFileSync(p.html, html);
        writeFileSync(p.gold, `${JSON.stringify(goldFromHtml(html, `pdf-corpus ${doc.name}`), null, 1)}\n`);
        writeFileSync(p.furniture, `${JSON.stringify(furnitureFromHtml(html), null, 1)}\n`);
        await Promise.all([printWithChromium(browser, html, pdfs.chromium), printWithWeasyPrint(p.html, pdfs.weasyprint)]);
        writeFileSync(p.key, key);
        log(`built ${doc.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
      built.push({
        doc,
        htmlPath: p.html,
        gold: JSON.parse(readFileSync(p.gold, 'utf8')) as GoldPage,
        furniture: JSON.parse(readFileSync(p.furniture, 'utf8')) as string[],
        pdfs,
        key,
      });
    }
  } finally {
    await browser?.close();
  }
  return built;
}
