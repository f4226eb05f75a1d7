// The text pipeline's shape: its modules import each other without cycles, and it stays pure (it
// imports nothing of the Worker's storage, routes or platform, only the shared schemas).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const PIPELINE = join(ROOT, 'worker/src/pipeline');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT = /^(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm;

/** The relative modules a file imports (type-only imports too: a cycle of types is still a knot to untie). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1]!).filter((spec) => spec.startsWith('.')).map((spec) => resolveModule(dirname(file), spec));
}

function resolveModule(from: string, spec: string): string {
  const base = resolve(from, spec);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return base;
}

/** Every cycle in the import graph of `files`, each as the list of its modules. */
function cycles(files: string[]): string[][] {
  const graph = new Map(files.map((file) => [file, importsOf(file)]));
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') found.push(stack.slice(stack.indexOf(next)).map((f) => relative(ROOT, f)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

describe('the pipeline modules', () => {
  const files = sourceFiles(PIPELINE);

  it('import each other without cycles', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(cycles(files)).toEqual([]);
  });

  it('import nothing but each other and the shared schemas', () => {
    const outside = files.flatMap((file) =>
      importsOf(file)
        .filter((module) => !module.startsWith(PIPELINE) && !module.startsWith(join(ROOT, 'shared/src')))
        .map((module) => `${relative(ROOT, file)} → ${relative(ROOT, module)}`),
    );
    expect(outside).toEqual([]);
  });

  it('the check itself finds a cycle, type-only imports included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'imports-'));
    writeFileSync(join(dir, 'a.ts'), "import { b } from './b';\nexport const a = b;\n");
    writeFileSync(join(dir, 'b.ts'), "import type { C } from './c';\nexport const b = 1;\n");
    writeFileSync(join(dir, 'c.ts'), "export type { A } from './a';\nexport type C = number;\n");
    expect(cycles([join(dir, 'a.ts'), join(dir, 'b.ts'), join(dir, 'c.ts')])).toHaveLength(1);
    writeFileSync(join(dir, 'c.ts'), 'export type C = number;\n');
    expect(cycles([join(dir, 'a.ts'), join(dir, 'b.ts'), join(dir, 'c.ts')])).toEqual([]);
    rmSync(dir, { recursive: true });
  });
});
