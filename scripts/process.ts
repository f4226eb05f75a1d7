// npm run --silent process -- FILE [--url URL] [--title TITLE]
// Prints exactly what POST /v1/process would answer for the text, running the same pipeline in Node.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runPipeline } from '../worker/src/pipeline';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { url: { type: 'string' }, title: { type: 'string' }, 'captured-at': { type: 'string' } },
});
const file = positionals[0];
if (!file) {
  console.error('usage: npm run --silent process -- FILE|- [--url URL] [--title TITLE]');
  process.exit(2);
}
const text = readFileSync(file === '-' ? 0 : file, 'utf8');
const result = runPipeline({
  text,
  url: values.url,
  title: values.title,
  capturedAt: values['captured-at'] ?? new Date().toISOString(),
});
process.stdout.write(JSON.stringify(result, null, 2) + '\n');
