// npm run bench [-- --quick] [-- --soak] [-- --only=pipeline,scaling,kv,load,extension]
// Runs every benchmark of issue 5 and prints one table (figure, target, PASS/FAIL) and a summary line.
// Every comparison is a ratio of figures measured in this same run.
import { benchKvCost } from './kv-cost.bench';
import { benchPipeline } from './pipeline.bench';
import { benchScaling } from './scaling.bench';
import { machineLine } from './lib/machine';
import { formatTable, row, summaryLine, type Row } from './lib/report';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const wanted = (name: string) => !only || only.includes(name);

const sections: [string, () => Promise<Row[]>][] = [
  ['pipeline', () => benchPipeline({ quick })],
  ['scaling', () => benchScaling({ quick })],
  ['kv', () => benchKvCost()],
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
console.log(`\n${summaryLine(rows)}`);
