// Where the pipeline's time goes: a V8 CPU profile of repeated runs on one input, summed by
// function (self time). npm run bench prints it for a case that misses its target; alone:
// npx tsx bench/profile.ts [seed|64x|lines] [--ms=2000] [--json]
import { Session, type Profiler } from 'node:inspector/promises';
import path from 'node:path';
import { runPipeline } from '../worker/src/pipeline';
import { joinedPages, oneCharacterLines, readSeedPage } from './lib/inputs';
import { REPO_ROOT } from './lib/paths';

export interface HotSpot {
  functionName: string;
  location: string;
  selfMs: number;
  share: number;
}

const INPUTS: Record<string, () => string> = {
  seed: readSeedPage,
  '64x': () => joinedPages(readSeedPage(), 64),
  lines: () => oneCharacterLines(readSeedPage(), 100_000),
};

export async function profilePipeline(input: keyof typeof INPUTS | string = 'seed', durationMs = 2000): Promise<HotSpot[]> {
  const text = (INPUTS[input] ?? INPUTS.seed!)();
  const run = () => runPipeline({ text, capturedAt: '2024-07-31T00:00:00.000Z' });
  for (let i = 0; i < 20 && input === 'seed'; i++) run();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const started = performance.now();
  do run();
  while (performance.now() - started < durationMs);
  const { profile } = (await session.post('Profiler.stop')) as { profile: Profiler.Profile };
  session.disconnect();
  return hotSpots(profile);
}

function hotSpots(profile: Profiler.Profile): HotSpot[] {
  const deltas = profile.timeDeltas ?? [];
  const samples = profile.samples ?? [];
  const selfUs = new Map<number, number>();
  samples.forEach((nodeId, index) => selfUs.set(nodeId, (selfUs.get(nodeId) ?? 0) + (deltas[index] ?? 0)));
  const byFunction = new Map<string, HotSpot>();
  let total = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0 || node.callFrame.functionName === '(idle)' || node.callFrame.functionName === '(program)') continue;
    total += us;
    const { functionName, url } = node.callFrame;
    // tsx's transformed code carries no useful line numbers: the file and the function name it is.
    const location = url ? path.relative(REPO_ROOT, url.replace(/^file:\/\//, '')) : '(native)';
    const key = `${functionName}@${location}`;
    const spot = byFunction.get(key) ?? { functionName: functionName || '(anonymous)', location, selfMs: 0, share: 0 };
    spot.selfMs += us / 1000;
    byFunction.set(key, spot);
  }
  return [...byFunction.values()]
    .map((spot) => ({ ...spot, share: spot.selfMs / (total / 1000) }))
    .sort((a, b) => b.selfMs - a.selfMs);
}

export function formatHotSpots(spots: HotSpot[], count = 15): string {
  return spots
    .slice(0, count)
    .map((spot) => `${(100 * spot.share).toFixed(1).padStart(5)}%  ${spot.functionName}  ${spot.location}`)
    .join('\n');
}

if (process.argv[1] === import.meta.filename) {
  const input = process.argv[2] ?? 'seed';
  const durationMs = Number(process.argv.find((arg) => arg.startsWith('--ms='))?.slice('--ms='.length) ?? 2000);
  const spots = await profilePipeline(input, durationMs);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(spots));
  } else {
    console.log(`Self time by function, pipeline on ${input}:`);
    console.log(formatHotSpots(spots));
  }
}
