// Median and spread of repeated runs after warm-up (tinybench), in milliseconds of CPU time.
// CPU time, not wall time: it is what the Workers limit counts, and on a shared machine wall
// time mostly measures how long the process waited for a core.
import { Bench } from 'tinybench';

/** CPU time of this process (user + system, all its threads) in milliseconds. */
export function cpuNow(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

export interface Timing {
  name: string;
  /** Median time of one call. */
  medianMs: number;
  /** Median absolute deviation: the spread around the median. */
  madMs: number;
  p99Ms: number;
  samples: number;
}

export interface TimingOptions {
  /** Time budget per task in ms (tinybench keeps going until this and `iterations` are both met). */
  time: number;
  iterations?: number;
}

/** Runs each task in turn and returns its timing; throws if a task throws. */
export async function measure(tasks: Record<string, () => unknown>, options: TimingOptions): Promise<Map<string, Timing>> {
  const bench = new Bench({
    time: options.time,
    iterations: options.iterations ?? 20,
    warmupTime: Math.min(250, options.time / 2),
    warmupIterations: 10,
    throws: true,
    now: cpuNow,
  });
  for (const [name, task] of Object.entries(tasks)) bench.add(name, task);
  await bench.run();
  const timings = new Map<string, Timing>();
  for (const task of bench.tasks) {
    const result = task.result;
    if (result.state !== 'completed') throw new Error(`bench task ${task.name}: ${result.state}`);
    timings.set(task.name, {
      name: task.name,
      medianMs: result.latency.p50,
      madMs: result.latency.mad,
      p99Ms: result.latency.p99,
      samples: result.latency.samplesCount,
    });
  }
  return timings;
}

export function spread(timing: Timing): string {
  return `±${timing.madMs < 0.01 ? timing.madMs.toFixed(4) : timing.madMs.toFixed(3)}`;
}

/**
 * Times the tasks in alternation, so that a change in the machine's load hits all of them
 * alike: for ratios between tasks on a shared machine. Each round gives every task a slice of
 * at least `sliceMs` (whole calls, at least one) and records its mean time per call, so the
 * garbage a task leaves is collected inside its own slice, not charged to the next task.
 * Stops after `minRounds` rounds once `time` ms have passed.
 */
export function measureInterleaved(
  tasks: Record<string, () => unknown>,
  options: { time: number; minRounds: number; sliceMs?: number; warmupRounds?: number },
): Map<string, Timing> {
  const names = Object.keys(tasks);
  const sliceMs = options.sliceMs ?? 50;
  const samples = new Map<string, number[]>(names.map((name) => [name, []]));
  const slice = (task: () => unknown) => {
    const start = cpuNow();
    let calls = 0;
    let elapsed = 0;
    do {
      task();
      calls++;
      elapsed = cpuNow() - start;
    } while (elapsed < sliceMs);
    return elapsed / calls;
  };
  for (let round = 0; round < (options.warmupRounds ?? 1); round++) for (const name of names) slice(tasks[name]!);
  const started = cpuNow();
  for (let round = 0; round < options.minRounds || cpuNow() - started < options.time; round++) {
    for (const name of names) samples.get(name)!.push(slice(tasks[name]!));
  }
  return new Map(names.map((name) => [name, timingOf(name, samples.get(name)!)]));
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

export function timingOf(name: string, samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = quantile(sorted, 0.5);
  const deviations = sorted.map((value) => Math.abs(value - median)).sort((a, b) => a - b);
  return { name, medianMs: median, madMs: quantile(deviations, 0.5), p99Ms: quantile(sorted, 0.99), samples: sorted.length };
}
