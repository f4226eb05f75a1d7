// npm run --silent make-pages -- [--out DIR] [--only NAME-PREFIX] [--fresh N]
// Writes the generated test pages and their gold files (NAME.txt, NAME.gold.json) for reading
// and for `npm run --silent process`. The output is test-only and not committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generatedPageSet, pdfPage, webPage } from './lib/page-set';
import { FIXTURES_DIR } from './lib/source-articles';

const { values } = parseArgs({
  options: { out: { type: 'string' }, only: { type: 'string' }, fresh: { type: 'string' } },
});
const outDir = values.out ?? join(FIXTURES_DIR, 'generated');
mkdirSync(outDir, { recursive: true });
let written = 0;
// --fresh N adds the pages `npm run eval -- --fresh N` scores beyond the fixed set.
const freshSeeds = Array.from({ length: Number(values.fresh ?? 0) }, (_, i) => 1001 + i);
for (const page of [...generatedPageSet(), ...freshSeeds.map(pdfPage), ...freshSeeds.map(webPage)]) {
  if (values.only && !page.name.startsWith(values.only)) continue;
  writeFileSync(join(outDir, `${page.name}.txt`), page.text);
  writeFileSync(join(outDir, `${page.name}.gold.json`), JSON.stringify(page.gold, null, 2) + '\n');
  written++;
}
console.log(`${written} pages written to ${outDir}`);
