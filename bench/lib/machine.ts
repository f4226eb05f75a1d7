// The machine the figures came from, for the table header and the README.
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';

export function machineLine(): string {
  const model = cpus()[0]?.model ?? 'unknown CPU';
  let load = '';
  try {
    load = `, load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`;
  } catch {
    // Not Linux.
  }
  return `${new Date().toISOString().slice(0, 16)}Z, ${availableParallelism()} cores, ${model}, Node ${process.version}${load}`;
}
