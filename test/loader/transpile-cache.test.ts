import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { TransformOptions } from 'jiti';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { checksumOf } from '../../src/core/checksum';
import { loadProject } from '../../src/loader/load-project';
import {
  openTranspileCache,
  TranspilerNotLoaded,
  transpileCacheDir,
  transpileKey,
} from '../../src/loader/transpile-cache';

const ROOT = resolve(import.meta.dirname, '..', '..');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-transpile-cache-'));
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

/** A transpiler that says which text it was given, and counts its calls. */
function fakeTranspiler() {
  const calls: string[] = [];
  return {
    calls,
    transpile: (opts: TransformOptions) => {
      calls.push(opts.source);
      return { code: `module.exports = ${JSON.stringify(opts.source)};` };
    },
  };
}

const entries = (cacheDir: string) => readdirSync(join(cacheDir, 'transpile')).filter((n) => n.endsWith('.js'));
const file = (source: string): TransformOptions => ({ source, filename: '/repo/migrations/1.0.0.ts', ts: true });

describe('the transpile cache', () => {
  test('a file is transpiled once; a later run reads it without a transpiler; a changed file gets a new entry', () => {
    const first = fakeTranspiler();
    const run1 = openTranspileCache(dir);
    run1.addTranspiler('fake', first.transpile);
    expect(run1.transform(file('export default 1')).code).toBe('module.exports = "export default 1";');
    expect(first.calls).toEqual(['export default 1']);
    expect(entries(dir)).toHaveLength(1);

    // A new run, no transpiler loaded: the entry answers.
    const run2 = openTranspileCache(dir);
    expect(run2.transform(file('export default 1')).code).toBe('module.exports = "export default 1";');
    expect(run2.stats).toEqual({ hits: 1, misses: 0, stored: 0, by: {} });
    expect(run2.needsTranspiler).toBe(false);

    // The file changed: not in the cache, so the run asks for the transpiler, then stores a second entry.
    expect(() => run2.transform(file('export default 2'))).toThrow(TranspilerNotLoaded);
    expect(run2.needsTranspiler).toBe(true);
    const second = fakeTranspiler();
    run2.addTranspiler('fake', second.transpile);
    expect(run2.transform(file('export default 2')).code).toBe('module.exports = "export default 2";');
    expect(second.calls).toEqual(['export default 2']);
    expect(entries(dir)).toHaveLength(2);
  });

  test('the key changes with the text, the file name, the options and the versions', () => {
    const base = file('export default 1');
    const key = transpileKey(base);
    expect(transpileKey({ ...base })).toBe(key);
    expect(transpileKey({ ...base, source: 'export default 2' })).not.toBe(key);
    expect(transpileKey({ ...base, filename: '/elsewhere/1.0.0.ts' })).not.toBe(key);
    expect(transpileKey({ ...base, async: true })).not.toBe(key);
    expect(transpileKey(base, { tool: '9.9.9', jiti: '2.7.0' })).not.toBe(
      transpileKey(base, { tool: '0.1.0', jiti: '2.7.0' }),
    );
    expect(transpileKey(base, { tool: '0.1.0', jiti: '9.9.9' })).not.toBe(
      transpileKey(base, { tool: '0.1.0', jiti: '2.7.0' }),
    );
  });

  test('a corrupt entry is ignored and written again', () => {
    const run1 = openTranspileCache(dir);
    run1.addTranspiler('fake', fakeTranspiler().transpile);
    run1.transform(file('export default 1'));
    const [entry] = entries(dir);
    const path = join(dir, 'transpile', entry!);
    const good = readFileSync(path, 'utf8');

    for (const bad of [
      good.replace('export default 1', 'export default 666'), // the code edited, the header kept
      good.slice(0, good.length - 5), // cut short
      '', // empty
      'garbage without a header',
    ]) {
      writeFileSync(path, bad);
      const t = fakeTranspiler();
      const run = openTranspileCache(dir);
      run.addTranspiler('fake', t.transpile);
      expect(run.transform(file('export default 1')).code).toBe('module.exports = "export default 1";');
      expect(t.calls).toHaveLength(1);
      expect(readFileSync(path, 'utf8')).toBe(good);
    }
  });

  test('output with an error is not stored; a folder that cannot be written costs only the saving', () => {
    const run = openTranspileCache(dir);
    run.addTranspiler('fake', () => ({ code: 'exports.__JITI_ERROR__ = {}', error: new Error('bad') }));
    run.transform(file('export default ('));
    expect(run.stats.stored).toBe(0);

    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, '');
    const unwritable = openTranspileCache(blocked);
    unwritable.addTranspiler('fake', fakeTranspiler().transpile);
    expect(unwritable.transform(file('export default 1')).code).toBe('module.exports = "export default 1";');
    expect(unwritable.stats).toEqual({ hits: 0, misses: 1, stored: 0, by: { fake: 1 } });
  });

  test('its folder is outside the repository by default; DYNAMODB_MIGRATE_CACHE_DIR and XDG_CACHE_HOME move it', () => {
    expect(transpileCacheDir({}, '/home/u')).toBe('/home/u/.cache/dynamodb-migrate');
    expect(transpileCacheDir({ XDG_CACHE_HOME: '/var/cache/u' }, '/home/u')).toBe('/var/cache/u/dynamodb-migrate');
    // A relative XDG_CACHE_HOME is not a valid one (the XDG spec): ignored.
    expect(transpileCacheDir({ XDG_CACHE_HOME: 'cache' }, '/home/u')).toBe('/home/u/.cache/dynamodb-migrate');
    expect(transpileCacheDir({ DYNAMODB_MIGRATE_CACHE_DIR: '/tmp/dm', XDG_CACHE_HOME: '/x' }, '/home/u')).toBe(
      '/tmp/dm',
    );
    expect(transpileCacheDir({ DYNAMODB_MIGRATE_CACHE_DIR: '' }, '/home/u')).toBeUndefined();
    // A GitHub Actions job keeps it in the job's own temporary folder, never the runner's home
    // (which a self-hosted runner keeps from one job to the next); none without one.
    expect(transpileCacheDir({ GITHUB_ACTIONS: 'true', RUNNER_TEMP: '/runner/_temp' }, '/home/u')).toBe(
      '/runner/_temp/dynamodb-migrate-cache',
    );
    expect(transpileCacheDir({ GITHUB_ACTIONS: 'true', XDG_CACHE_HOME: '/x' }, '/home/u')).toBeUndefined();
    expect(
      transpileCacheDir({ GITHUB_ACTIONS: 'true', RUNNER_TEMP: '/t', DYNAMODB_MIGRATE_CACHE_DIR: '/mine' }, '/home/u'),
    ).toBe('/mine');

    const { DYNAMODB_MIGRATE_CACHE_DIR: _, GITHUB_ACTIONS: __, ...env } = process.env;
    const real = transpileCacheDir(env);
    expect(real).toBeDefined();
    expect(relative(ROOT, real!).startsWith('..')).toBe(true);
  });
});

describe('loadProject with the transpile cache', () => {
  const migration = (description: string) =>
    `import { defineMigration } from 'dynamodb-migrate';\nconst label: string = ${JSON.stringify(description)};\nexport default defineMigration({ version: '1.0.0', description: label, async up() {}, async down() {} });\n`;

  test('a changed file is loaded as it is now, and its checksum is of its bytes, whatever the cache holds', async () => {
    const cache = join(dir, 'cache');
    vi.stubEnv('DYNAMODB_MIGRATE_CACHE_DIR', cache);
    const project = join(dir, 'project');
    const path = join(project, '1.0.0-first.ts');
    mkdirSync(project);
    writeFileSync(join(project, 'manifest.yaml'), 'version: 1\nmigrations: .\nenvironments:\n  dev:\n    table: tbl\n');
    writeFileSync(path, migration('first text'));

    const a = await loadProject(join(project, 'manifest.yaml'));
    expect(a.migrations[0]!.description).toBe('first text');
    expect(entries(cache)).toHaveLength(1);
    // Loaded again: from the cache, same result.
    const again = await loadProject(join(project, 'manifest.yaml'));
    expect(again.migrations[0]!.description).toBe('first text');
    expect(again.migrations[0]!.checksum).toBe(checksumOf(readFileSync(path)));
    expect(entries(cache)).toHaveLength(1);

    writeFileSync(path, migration('second text'));
    const b = await loadProject(join(project, 'manifest.yaml'));
    expect(b.migrations[0]!.description).toBe('second text');
    expect(b.migrations[0]!.checksum).toBe(checksumOf(readFileSync(path)));
    expect(b.migrations[0]!.checksum).not.toBe(a.migrations[0]!.checksum);
    expect(entries(cache)).toHaveLength(2);

    // An entry that was tampered with is not used: the file's own text is.
    for (const name of entries(cache)) {
      const p = join(cache, 'transpile', name);
      writeFileSync(p, readFileSync(p, 'utf8').replaceAll('second text', 'planted text'));
    }
    const c = await loadProject(join(project, 'manifest.yaml'));
    expect(c.migrations[0]!.description).toBe('second text');
  });

  test('a file that does not parse is reported as before, with the cache empty or not', async () => {
    vi.stubEnv('DYNAMODB_MIGRATE_CACHE_DIR', join(dir, 'cache'));
    const project = join(dir, 'broken');
    mkdirSync(project);
    writeFileSync(join(project, 'manifest.yaml'), 'version: 1\nmigrations: .\nenvironments:\n  dev:\n    table: tbl\n');
    writeFileSync(join(project, '1.0.0-broken.ts'), 'export default {{ version: ');
    for (let i = 0; i < 2; i++)
      await expect(loadProject(join(project, 'manifest.yaml'))).rejects.toThrow(/1\.0\.0-broken\.ts/);
  });
});
