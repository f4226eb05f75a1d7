// npm run eval:web: every page of mozilla/readability's test suite (../shared), loaded in Chromium
// with page scripts and the network off, captured by the extension's own capture script, sent
// through the pipeline as the background's save sends it, and scored. Pages are split into a tuned
// set and a held-out set by a hash of their name. `--worst N` lists more of the worst pages.
import { readabilityPages, reasons, scorePages, summarize, type PageScore } from './lib/web-pages';
import { zhPortalPages } from './lib/web-zh-portal-pages';

const worstArg = process.argv.indexOf('--worst');
const worstCount = worstArg > 0 ? Number(process.argv[worstArg + 1]) : 12;

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

function row(label: string, scores: PageScore[]): string {
  const summary = summarize(scores);
  return [
    label.padEnd(40),
    String(summary.pages).padStart(5),
    percent(summary.oneArticle).padStart(8),
    percent(summary.intact).padStart(8),
    percent(summary.titleRight).padStart(8),
    summary.capturedF1.toFixed(3).padStart(9),
    percent(summary.pastedOneArticle).padStart(9),
  ].join(' ');
}

const started = Date.now();
const scores = await scorePages([...readabilityPages(), ...zhPortalPages()]);
const web = scores.filter((score) => score.group === 'readability');
const zh = scores.filter((score) => score.group === 'zh-portal');

console.log(['set'.padEnd(40), 'pages'.padStart(5), 'one art'.padStart(8), 'intact'.padStart(8), 'title'.padStart(8), 'capt. F1'.padStart(9), 'pasted 1'.padStart(9)].join(' '));
console.log(row('readability pages, tuned', web.filter((score) => !score.heldOut)));
console.log(row('readability pages, held out', web.filter((score) => score.heldOut)));
console.log(row('readability pages, all', web));
console.log(row('  of which real pages (10 KB or more)', web.filter((score) => score.real)));
console.log(row('Chinese portal pages (built, never tuned)', zh));

const worst = scores
  .map((score) => ({ score, why: reasons(score) }))
  .filter(({ why }) => why.length > 0)
  .sort((a, b) => b.why.length - a.why.length || a.score.bestShare - b.score.bestShare)
  .slice(0, worstCount);
console.log(`\nworst pages (${worst.length}):`);
for (const { score, why } of worst) console.log(`  ${score.name}${score.heldOut ? ' (held out)' : ''}: ${why.join('; ')}`);
console.log(`\n${scores.length} pages in ${((Date.now() - started) / 1000).toFixed(0)} s`);
