// The generated test pages: families of pages at fixed seeds, the same on every run.
import { createRng } from './prng';
import type { Rng } from './prng';
import { layoutPdfPage, makePhotoItem } from './layout-pdf';
import { layoutSitePage, layoutWebPage } from './layout-web';
import type { GeneratedPage } from './page-layout';
import { FIXTURES_DIR, loadSourcePool } from './source-articles';
import type { SourceArticle } from './source-articles';
import { toTraditional } from './traditional';
import { cleanForGold, splitEnglishSentences, splitSentences } from './text';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GoldPage } from './score';

function pickArticles(pool: SourceArticle[], count: number, rng: Rng): { chosen: SourceArticle[]; rest: SourceArticle[] } {
  const shuffled = rng.shuffle(pool);
  return { chosen: shuffled.slice(0, count), rest: shuffled.slice(count) };
}

/** A Chinese PDF copy of 2 to 7 articles, sometimes with a photo-news item among them. */
export function pdfPage(seed: number): GeneratedPage {
  const rng = createRng(`pdf-${seed}`);
  const { chosen, rest } = pickArticles(loadSourcePool().chinese, rng.int(2, 6), rng);
  const donor = rest.find((article) => article.paragraphs.join('').length > 300);
  const photo = donor && rng.chance(0.4) ? makePhotoItem(donor, rng.fork('photo')) : undefined;
  if (photo) chosen.splice(rng.int(0, chosen.length), 0, photo);
  return layoutPdfPage(`pdf-${String(seed).padStart(3, '0')}`, chosen, rng);
}

/** A Chinese clean web copy of 2 to 6 articles. */
export function webPage(seed: number): GeneratedPage {
  const rng = createRng(`web-${seed}`);
  const { chosen } = pickArticles(loadSourcePool().chinese, rng.int(2, 6), rng);
  return layoutWebPage(`web-${String(seed).padStart(3, '0')}`, chosen, rng);
}

function traditional(article: SourceArticle): SourceArticle {
  return {
    ...article,
    id: `${article.id}-hant`,
    title: toTraditional(article.title),
    subtitle: article.subtitle && toTraditional(article.subtitle),
    kicker: article.kicker && toTraditional(article.kicker),
    reporters: article.reporters.map(toTraditional),
    paragraphs: article.paragraphs.map(toTraditional),
    captions: article.captions.map(toTraditional),
    acceptTitles: article.acceptTitles.map(toTraditional),
  };
}

/** Text with no headline at all: one article whose title is its first sentence. */
function headlessPage(name: string, article: SourceArticle, rng: Rng): GeneratedPage {
  const separator = rng.chance(0.5) ? '\n\n' : '\n';
  const first = article.paragraphs[0] ?? '';
  const sentence = (article.lang === 'en' ? splitEnglishSentences(first)[0] : splitSentences(first)[0]) ?? first;
  const title = cleanForGold(sentence).replace(/[。！？.!?]+$/, '');
  return {
    name,
    family: 'single',
    text: article.paragraphs.join(separator) + '\n',
    gold: {
      source: name,
      note: 'Generated: one article with no headline; its title is its first sentence.',
      articles: [{ title, accept_titles: [title], paragraphs: article.paragraphs.map(cleanForGold), captions: [] }],
    },
  };
}

function byId(id: string): SourceArticle {
  const pool = loadSourcePool();
  const found = [...pool.chinese, ...pool.english].find((article) => article.id === id);
  if (!found) throw new Error(`no source article ${id}`);
  return found;
}

/** English pages and single-article pages (Chinese, Traditional Chinese, no headline). */
export function otherPages(): GeneratedPage[] {
  const { english, clts } = loadSourcePool();
  const rng = (label: string) => createRng(label);
  const pages: GeneratedPage[] = [
    layoutWebPage('en-web-single-1', [byId('en-harbor-ferry')], rng('en-web-single-1'), 'english'),
    layoutWebPage('en-web-single-2', [byId('en-orchard-frost')], rng('en-web-single-2'), 'english'),
    layoutWebPage('en-web-multi-1', english.slice(0, 4), rng('en-web-multi-1'), 'english'),
    layoutWebPage('en-web-multi-2', rng('en-web-multi-2-pick').shuffle(english).slice(0, 3), rng('en-web-multi-2'), 'english'),
    layoutPdfPage('en-pdf-multi-1', english.slice(2, 6), rng('en-pdf-multi-1'), 'english'),
    layoutPdfPage('en-pdf-multi-2', rng('en-pdf-multi-2-pick').shuffle(english).slice(0, 3), rng('en-pdf-multi-2'), 'english'),
    layoutPdfPage('en-pdf-single-1', [byId('en-museum-coins')], rng('en-pdf-single-1'), 'english'),
    layoutWebPage('zh-web-single-1', [byId('clts-4')], rng('zh-web-single-1'), 'single'),
    layoutWebPage('zh-web-single-2', [byId('rmrb-2025-03-01-04-web-1')], rng('zh-web-single-2'), 'single'),
    layoutPdfPage('zh-pdf-single-1', [byId('cltsplus-4')], rng('zh-pdf-single-1'), 'single'),
    layoutPdfPage('zh-hant-pdf-single-1', [traditional(byId('cltsplus-2'))], rng('zh-hant-pdf-single-1'), 'single'),
    layoutWebPage('zh-hant-web-multi-1', [clts[2]!, clts[5]!, byId('rmrb-2025-03-01-01-web-3')].map(traditional), rng('zh-hant-web-multi-1'), 'single'),
    layoutPdfPage('zh-hant-pdf-multi-1', [byId('rmrb-2025-03-01-04-web-2'), clts[6]!, byId('commentary')].map(traditional), rng('zh-hant-pdf-multi-1'), 'single'),
    headlessPage('zh-no-headline-1', byId('clts-1'), rng('zh-no-headline-1')),
    headlessPage('en-no-headline-1', byId('en-market-square'), rng('en-no-headline-1')),
  ];
  return pages;
}

/** English PDF or web copies of 2 to 4 articles, at seeds the fixed English pages do not use. */
export function englishPage(kind: 'pdf' | 'web', seed: number): GeneratedPage {
  const rng = createRng(`en-${kind}-extra-${seed}`);
  const { english } = loadSourcePool();
  const chosen = rng.shuffle(english).slice(0, rng.int(2, 4));
  const name = `en-${kind}-${String(seed).padStart(3, '0')}`;
  return kind === 'pdf' ? layoutPdfPage(name, chosen, rng, 'english') : layoutWebPage(name, chosen, rng, 'english');
}

/** One article copied with its news site's furniture (breadcrumbs, meta line, share links, related titles). */
export function sitePage(seed: number): GeneratedPage {
  const rng = createRng(`site-${seed}`);
  const { chinese, english } = loadSourcePool();
  const pool = seed % 3 === 0 ? english : chinese;
  const { chosen, rest } = pickArticles(pool, 1, rng);
  return layoutSitePage(`site-${String(seed).padStart(3, '0')}`, chosen[0]!, rest, rng);
}

export const PDF_SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);
export const WEB_SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
export const SITE_SEEDS = Array.from({ length: 9 }, (_, i) => i + 1);

/** The fixed set `npm run eval` scores: 40 PDF copies, 20 web copies, 9 site copies, English and single pages. */
export function generatedPageSet(): GeneratedPage[] {
  return [...PDF_SEEDS.map(pdfPage), ...WEB_SEEDS.map(webPage), ...SITE_SEEDS.map(sitePage), ...otherPages()];
}

/** The hand-made pages in tests/fixtures/pages (NAME.txt beside NAME.gold.json), text written for these tests. */
export function literalPages(): GeneratedPage[] {
  const dir = join(FIXTURES_DIR, 'pages');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.txt$/, '');
      return {
        name,
        family: 'literal',
        text: readFileSync(join(dir, file), 'utf8'),
        gold: JSON.parse(readFileSync(join(dir, `${name}.gold.json`), 'utf8')) as GoldPage,
      };
    });
}
