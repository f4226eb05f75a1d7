// npm run bench [-- --quick] [-- --soak] [-- --only=pipeline,pdf,scaling,kv,load,search,extension,soak]
// Runs the benchmarks of issue 5 and prints one table (figure, target, PASS/FAIL), then one
// summary line. Every comparison is a ratio of figures measured in this same run. When a
// pipeline figure misses its target, the CPU profile of that case follows the table.
// --soak adds issue 6's 60 s load run (workerd memory before and after).
import path from 'node:path';
import { benchExtension } from './extension.bench';
import { benchKvCost } from './kv-cost.bench';
import { runChild } from './lib/child';
import { machineLine } from './lib/machine';
import { formatTable, row, summaryLine, type Row } from './lib/report';
import { benchLoad, benchSoak } from './load.bench';
import { benchPdf } from './pdf.bench';
import { benchPipeline } from './pipeline.bench';
import { formatHotSpots, type HotSpot } from './profile';
import { benchScaling } from './scaling.bench';
import { benchSearch } from './search.bench';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const wanted = (name: string) => (only ? only.includes(name) : name !== 'soak' || args.includes('--soak'));

const sections: [string, () => Promise<Row[]>][] = [
  ['pipeline', () => benchPipeline({ quick })],
  ['pdf', () => benchPdf({ quick })],
  ['scaling', () => benchScaling({ quick })],
  ['kv', () => benchKvCost()],
  ['load', () => benchLoad({ quick })],
  ['search', () => benchSearch({ quick })],
  ['extension', () => benchExtension({ quick })],
  ['soak', () => benchSoak()],
];

const rows: Row[] = [];
for (const [name, run] of sections) {
  if (!wanted(name)) continue;
  const started = performance.now();
  process.stderr.write(`bench: ${name}...`);
  try {
    rows.push(...(await run()));
  } catch (error) {
    rows.push(row(name, 'run', `error: ${error instanceof Error ? error.message : String(error)}`, 'completes', false));
  }
  process.stderr.write(` ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

console.log(`\n${machineLine()}${quick ? ' (--quick)' : ''}\n`);
console.log(formatTable(rows));

const failed = (section: string, figure: string) => rows.some((r) => r.section === section && r.figure.includes(figure) && r.pass === false);
const profiles: [string, string][] = [];
if (failed('pipeline', 'whole pipeline') || failed('baseline', 'speed-up')) profiles.push(['seed', 'the seed page']);
if (failed('scaling', 'joined pages 64×')) profiles.push(['64x', '64 joined seed pages']);
if (failed('scaling', 'one-character lines')) profiles.push(['lines', '100,000 one-character lines']);
for (const [input, label] of profiles) {
  // In a fresh process, so that nothing left from the other sections shows in the profile.
  const profileFile = path.join(import.meta.dirname, 'profile.ts');
  const outcome = await runChild<HotSpot[]>(profileFile, [input, '--json', `--ms=${quick ? 1000 : 2000}`], 60_000);
  console.log(`\nWhere the CPU time goes, pipeline on ${label} (self time by function):`);
  console.log(outcome.ok ? formatHotSpots(outcome.value, 10) : `no profile: ${outcome.reason}`);
}

console.log(`\n${summaryLine(rows)}`);
