import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createJiti, type TransformOptions } from 'jiti';
import { createJiti as createBabelJiti } from 'jiti/static';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { loadProject } from '../../src/loader/load-project';
import { moduleToCommonJs, nodeTypeStripper, stripTransform } from '../../src/loader/strip-transform';
import { transpilerOfEntry } from '../../src/loader/transpile-cache';

/** Whether this Node strips types itself (22.13+, 23.2+): the action's node24 does, Node 20 does not. */
const nodeStrips = nodeTypeStripper() !== undefined;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-strip-'));
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

function write(files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}

/** Imports `entry` through jiti with one transform only: ours (declining is a failure) or babel's. */
async function importWith(entry: string, which: 'strip' | 'babel'): Promise<Record<string, unknown>> {
  const babel = createBabelJiti(join(dir, 'noop.js'), { moduleCache: false, fsCache: false });
  const strip = nodeTypeStripper();
  const transform = (opts: TransformOptions) => {
    if (which === 'babel') return { code: babel.transform(opts) };
    const out = stripTransform(opts, strip);
    if (!out) throw new Error(`declined: ${opts.filename}`);
    return out;
  };
  const jiti = createJiti(join(dir, 'noop.js'), {
    moduleCache: false,
    fsCache: false,
    interopDefault: false,
    virtualModules: { virtual: { answer: 42, default: 'virtual default' } },
    transform,
  });
  return (await jiti.import(join(dir, entry))) as Record<string, unknown>;
}

/** What a module's exports hold, in a form two loads can be compared by (functions by their result). */
function shape(mod: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(mod)
      .sort()
      .map((k) => {
        const v = mod[k];
        if (typeof v === 'function')
          return [
            k,
            String(v).startsWith('class') ? `class ${v.name}` : `function ${v.name}: ${String((v as () => unknown)())}`,
          ];
        if (v && typeof v === 'object') return [k, JSON.parse(JSON.stringify(v))];
        return [k, v];
      }),
  );
}

describe('the import/export rewrite gives what babel gives', () => {
  const dependency = [
    'globalThis.__dmLoads = (globalThis.__dmLoads ?? 0) + 1;',
    'export const named = "n";',
    'export let counter = 1;',
    'export function bump() { counter++; return counter; }',
    'export default { kind: "dependency default" };',
  ].join('\n');

  test('every kind of import and export, in JavaScript', async () => {
    write({
      'dep.js': dependency,
      'other.js': 'export const o1 = 1;\nexport const o2 = 2;\nexport default "other default";\n',
      'side.js': 'globalThis.__dmSide = "ran";\nexport const unused = 1;\n',
      'entry.js': [
        '// a comment on the first line',
        "import def, { named as renamed, bump } from './dep.js';",
        "import * as ns from './dep.js';",
        "import { unused } from './side.js';",
        "import { answer } from 'virtual';",
        'export const x = 1, { y, z: [w] } = { y: 2, z: [3] };',
        'export function hoisted() { return `${renamed}/${x}`; }',
        'export class K { static k = "k"; }',
        'let later = "later";',
        'export { later, def as depDefault, renamed as again };',
        "export * from './other.js';",
        "export * as otherNs from './other.js';",
        "export { o2 as other2, default as otherDefault } from './other.js';",
        'export const url = import.meta.url;',
        "export const dynamic = await import('./other.js').then((m) => m.o1);",
        'export const fromVirtual = answer;',
        'export const nsNamed = ns.named;',
        'export const bumped = bump();',
        'export default function main() { return "main"; }',
      ].join('\n'),
    });
    const ours = await importWith('entry.js', 'strip');
    const theirs = await importWith('entry.js', 'babel');
    expect(shape(ours)).toEqual(shape(theirs));
    expect(ours).toMatchObject({
      x: 1,
      y: 2,
      w: 3,
      later: 'later',
      again: 'n',
      depDefault: { kind: 'dependency default' },
      o1: 1,
      o2: 2,
      other2: 2,
      otherDefault: 'other default',
      url: pathToFileURL(join(dir, 'entry.js')).href,
      dynamic: 1,
      fromVirtual: 42,
      nsNamed: 'n',
    });
    expect((ours.default as () => string)()).toBe('main');
    expect((ours.hoisted as () => string)()).toBe('n/1');
    expect((ours.otherNs as Record<string, unknown>).o1).toBe(1);
    // `export *` never carries a default, and an explicit export wins over a starred one.
    expect(Object.keys(ours)).not.toContain('__esModule');
    // A JavaScript import whose binding is unused still runs the module (side effects).
    expect((globalThis as { __dmSide?: string }).__dmSide).toBe('ran');
  });

  test('exports are live: a let changed later is read as it is now', async () => {
    write({ 'dep.js': dependency });
    const mod = await importWith('dep.js', 'strip');
    expect(mod.counter).toBe(1);
    (mod.bump as () => number)();
    expect(mod.counter).toBe(2);
  });

  test('anonymous default declarations, followed by a line that an expression would swallow', async () => {
    // As declarations these end at their `}`; rewritten as `exports.default = ...` they need a `;`.
    write({
      'a.js': 'export default function () { return "anon"; }\n[1].forEach(() => {});\n',
      'b.js': 'export default class { static v = 1; }\n(function () {})();\n',
    });
    expect(((await importWith('a.js', 'strip')).default as () => string)()).toBe('anon');
    expect(((await importWith('b.js', 'strip')).default as { v: number }).v).toBe(1);
  });

  test('line numbers are the file’s own: an error thrown on line 4 is reported on line 4', async () => {
    write({
      'throws.js': "import { named } from './dep.js';\n\nexport const a = named;\nthrow new Error('on line 4');\n",
      'dep.js': dependency,
    });
    const error = await importWith('throws.js', 'strip').catch((e: Error) => e);
    expect(String((error as Error).stack)).toMatch(/throws\.js:4:\d+/);
  });

  test('it declines what it does not handle exactly, so babel takes it', () => {
    const opts = (source: string, more: Partial<TransformOptions> = {}): TransformOptions => ({
      source,
      filename: join(dir, 'f.js'),
      async: true,
      ...more,
    });
    const strip = nodeTypeStripper();
    for (const source of [
      'const a = import.meta.dirname; export default a;',
      "import data from './d.json' with { type: 'json' };\nexport default data;",
      '#!/usr/bin/env node\nexport default 1;',
      'module.exports = 1;', // no import or export: CommonJS, babel's call
      'export default {{ version: ', // does not parse: babel reports it
    ])
      expect(stripTransform(opts(source), strip), source).toBeUndefined();
    // jiti's synchronous require path and JSX.
    expect(stripTransform(opts('export default 1', { async: false }), strip)).toBeUndefined();
    expect(stripTransform(opts('export default 1', { jsx: true }), strip)).toBeUndefined();
    // TypeScript on a Node without type stripping, and TypeScript that is more than types anywhere.
    expect(stripTransform(opts('export default 1 as number', { ts: true }), undefined)).toBeUndefined();
    if (strip) {
      expect(stripTransform(opts('enum E { A }\nexport default E.A;', { ts: true }), strip)).toBeUndefined();
      expect(stripTransform(opts('export default 1 as number', { ts: true }), strip)?.code).toContain(
        'exports.default = 1',
      );
    }
    expect(moduleToCommonJs('export default 1', undefined)).toContain('exports.default = 1');
  });

  test('TypeScript drops imports used as types only, including what stripping leaves of `import { type T }`', () => {
    const ts = { elideUnusedImports: true };
    // What Node's stripping makes of `import { type Context } from 'aws-lambda'` (a package of types only).
    const leftOver =
      "import {              } from 'aws-lambda';\nimport 'polyfill';\nimport { used, unused } from './a';\nexport default used;";
    const out = moduleToCommonJs(leftOver, '/m/x.ts', ts)!;
    expect(out).not.toContain('aws-lambda');
    expect(out).toContain('await jitiImport("polyfill");');
    expect(out).toContain('const used = _dmImport0["used"];');
    expect(moduleToCommonJs("import { onlyAType } from './types';\nexport default 1;", '/m/x.ts', ts)).not.toContain(
      'jitiImport',
    );
    // JavaScript keeps every import: it may be there for its side effects.
    const js = moduleToCommonJs(leftOver, '/m/x.js')!;
    expect(js).toContain('await jitiImport("aws-lambda");');
    expect(js).toContain('const unused = _dmImport0["unused"];');
  });

  test('with this Node’s type stripping, TypeScript loads as babel loads it (Node 22.13+; Node 20 has none)', async () => {
    const stripper = nodeTypeStripper();
    // Where Node has the function, the light path must be found; where it has not, it must not be claimed.
    expect(stripper !== undefined).toBe(
      typeof (nodeModule as unknown as Record<string, unknown>).stripTypeScriptTypes === 'function',
    );
    if (!stripper) return;
    write({
      'types.ts': 'export interface Shape { n: number }\nexport const real = "real";\n',
      'entry.ts': [
        "import type { Shape } from './types.ts';",
        "import { type Shape as S2, real } from './types.ts';",
        "import { Shape as OnlyAType } from './types.ts';",
        "import { type Shape as S3 } from './no-such-module-types-only';",
        'const s: Shape = { n: 1 };',
        'const t = { n: 2 } satisfies S2 as OnlyAType as S3;',
        'export const total: number = s.n + t.n!;',
        'export default { real, total } as const;',
      ].join('\n'),
    });
    const ours = await importWith('entry.ts', 'strip');
    expect(shape(ours)).toEqual(shape(await importWith('entry.ts', 'babel')));
    expect(ours.default).toEqual({ real: 'real', total: 3 });
  });
});

describe('loadProject on a miss: which transpiler ran', () => {
  const manifest = 'version: 1\nmigrations: .\nenvironments:\n  dev:\n    table: tbl\n';
  const entriesBy = (cache: string) =>
    readdirSync(join(cache, 'transpile'))
      .filter((n) => n.endsWith('.js'))
      .map((n) => transpilerOfEntry(readFileSync(join(cache, 'transpile', n), 'utf8')))
      .sort();

  async function load(files: Record<string, string>, env: Record<string, string> = {}) {
    const cache = join(dir, `cache-${Object.keys(env).length}`);
    const project = join(dir, `project-${Object.keys(env).length}`);
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'manifest.yaml'), manifest);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(project, name), text);
    vi.stubEnv('DYNAMODB_MIGRATE_CACHE_DIR', cache);
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
    const loaded = await loadProject(join(project, 'manifest.yaml'));
    vi.unstubAllEnvs();
    return { loaded, by: entriesBy(cache) };
  }

  const js = {
    '1.0.0-a.js':
      "import { defineMigration } from 'dynamodb-migrate';\nexport default defineMigration({ version: '1.0.0', description: 'js', async up() {}, async down() {} });\n",
  };
  const ts = {
    '1.1.0-b.ts':
      "import { defineMigration } from 'dynamodb-migrate';\nconst d: string = 'ts';\nexport default defineMigration({ version: '1.1.0', description: d, async up() {}, async down() {} });\n",
    '1.2.0-c.ts':
      "enum Kind { A = 'enum' }\nexport default { version: '1.2.0', description: Kind.A, async up() {}, async down() {} };\n",
  };

  test('JavaScript by the light path on any Node; TypeScript by it where Node strips types; an enum by babel', async () => {
    const { loaded, by } = await load({ ...js, ...ts });
    expect(loaded.migrations.map((m) => m.description)).toEqual(['js', 'ts', 'enum']);
    expect(by).toEqual(nodeStrips ? ['babel', 'strip', 'strip'] : ['babel', 'babel', 'strip']);
  });

  test('DYNAMODB_MIGRATE_TRANSPILER=babel: babel for everything, and the same migrations', async () => {
    const { loaded, by } = await load({ ...js, ...ts }, { DYNAMODB_MIGRATE_TRANSPILER: 'babel' });
    expect(loaded.migrations.map((m) => m.description)).toEqual(['js', 'ts', 'enum']);
    expect(by).toEqual(['babel', 'babel', 'babel']);
  });
});
