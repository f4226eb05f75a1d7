// npm run check:epub: builds an EPUB the way GET /v1/export.epub does (the same epubEntries and
// streaming zip writer), from the seed page's articles as the pipeline splits them, and runs
// Debian's epubcheck (Java; `apt-get install epubcheck`) over it. Not part of CI: the worker
// tests check the structure; this checks the book against the full EPUB rules.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Article } from '../shared/src';
import { epubEntries } from '../worker/src/lib/epub';
import { zipStream, type ZipEntry } from '../worker/src/lib/zip';
import { runPipeline } from '../worker/src/pipeline';

const seed = readFileSync(path.resolve(import.meta.dirname, '..', '..', 'shared', 'corpus', 'seed-page.txt'), 'utf8');
const capturedAt = '2024-07-30T08:00:00.000Z';
const articles: Article[] = runPipeline({ text: seed, capturedAt, url: 'https://epaper.example.com/seed' }).articles.map((draft, index) => ({
  ...draft,
  id: `2h6qg1dr0b-0123456789abcdef0123-${String(index).padStart(3, '0')}`,
  captureId: '0123456789abcdef0123',
  createdAt: capturedAt,
}));

async function* files(entries: ZipEntry[]): AsyncGenerator<ZipEntry> {
  yield* entries;
}

const entries = epubEntries(articles, { identifier: 'urn:baozhai:book:check', title: 'Baozhai check', modified: new Date() });
const bytes = new Uint8Array(await new Response(zipStream(files(entries))).arrayBuffer());
const dir = mkdtempSync(path.join(tmpdir(), 'baozhai-epub-'));
const file = path.join(dir, 'check.epub');
writeFileSync(file, bytes);
// Debian installs it as an executable jar; run it with java so no binfmt handler is needed.
const check = spawnSync('java', ['-jar', '/usr/share/java/epubcheck.jar', file], { encoding: 'utf8' });
if (check.error) {
  console.error(`epubcheck did not run (${check.error.message}); install it with: apt-get install epubcheck`);
  process.exit(2);
}
console.log(`${articles.length} articles, ${bytes.length} bytes`);
console.log((check.stdout + check.stderr).trim());
rmSync(dir, { recursive: true, force: true });
process.exit(check.status ?? 1);
