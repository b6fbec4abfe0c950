import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Modules reached from `entry` by static imports (value imports; `import type` and `import()` are not followed). */
function staticGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const queue = [resolve(ROOT, entry)];
  for (let file = queue.shift(); file; file = queue.shift()) {
    if (graph.has(file)) continue;
    const text = readFileSync(file, 'utf8');
    const specs = [...text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s+'([^']+)'/gms)].map((m) => m[1]!);
    graph.set(file, specs);
    for (const s of specs) {
      if (!s.startsWith('.')) continue;
      const base = resolve(dirname(file), s);
      const found = [`${base}.ts`, join(base, 'index.ts'), base].find((c) => existsSync(c) && c.endsWith('.ts'));
      if (found) queue.push(found);
    }
  }
  return graph;
}

const parserImporters = (graph: Map<string, string[]>) =>
  [...graph].filter(([, specs]) => specs.some((s) => s === 'acorn' || s === 'acorn-walk')).map(([f]) => f);

describe('the analyzers parser is loaded only by the commands that use it', () => {
  test('static-rules.ts imports acorn (what the check below looks for)', () => {
    expect(parserImporters(staticGraph('src/core/analyzers/static-rules.ts'))).toHaveLength(1);
  });

  test.each([
    'src/cli/index.ts',
    'src/cli/program.ts',
    'src/action/index.ts',
    'src/controller/index.ts',
    'src/index.ts',
  ])('no static import from %s reaches acorn (lint and plan import it with import())', (entry) => {
    const graph = staticGraph(entry);
    expect(graph.size).toBeGreaterThan(5);
    expect(parserImporters(graph)).toEqual([]);
  });
});
