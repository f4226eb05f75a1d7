// One row per figure: what was measured, the value, its target and whether it is met.
// `pass: null` marks a figure reported for information, without a target.

export interface Row {
  section: string;
  figure: string;
  value: string;
  target: string;
  pass: boolean | null;
}

export function row(section: string, figure: string, value: string, target = '', pass: boolean | null = null): Row {
  return { section, figure, value, target, pass };
}

const verdict = (pass: boolean | null) => (pass === null ? 'info' : pass ? 'PASS' : 'FAIL');

/** A markdown table, so the same text reads in a terminal and pastes into the README. */
export function formatTable(rows: Row[]): string {
  const header = ['section', 'figure', 'value', 'target', 'result'];
  const cells = rows.map((r) => [r.section, r.figure, r.value, r.target, verdict(r.pass)]);
  const widths = header.map((title, column) => Math.max(displayWidth(title), ...cells.map((line) => displayWidth(line[column]!))));
  const line = (values: string[]) => `| ${values.map((value, column) => pad(value, widths[column]!)).join(' | ')} |`;
  return [line(header), `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`, ...cells.map(line)].join('\n');
}

export function summaryLine(rows: Row[]): string {
  const judged = rows.filter((r) => r.pass !== null);
  const failed = judged.filter((r) => !r.pass);
  const head = `bench: ${judged.length - failed.length}/${judged.length} targets met`;
  return failed.length === 0 ? `${head}.` : `${head}; FAIL: ${failed.map((r) => `${r.section} ${r.figure.split(/[:(]/)[0]!.trim()}`).join('; ')}.`;
}

/** CJK characters take two terminal columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toFixed(3)) + ' ms';
export const times = (value: number): string => `${value >= 10 ? value.toFixed(0) : value.toFixed(1)}×`;
