import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import * as nodeModule from 'node:module';
import * as clientDynamodb from '@aws-sdk/client-dynamodb';
import * as utilDynamodb from '@aws-sdk/util-dynamodb';
import { dirname, join, relative, resolve } from 'node:path';
import { createJiti, type TransformOptions } from 'jiti';
import { ManifestError, MigrationFileError, messageOf } from '../core/errors';
import { lintMigrations, lintTargets, type MigrationFileInfo } from '../core/lint';
import { parseManifest, type Manifest } from '../core/manifest';
import type { MigrationSource } from '../core/types';
import * as authoringApi from '../authoring';
import { migrationChecksums } from './local-imports';
import { openTranspileCache, transpileCacheDir, type TranspileCache } from './transpile-cache';

const CODE_FILE = /\.(ts|mts|cts|js|mjs|cjs)$/;

/** A migration as loaded: its metadata plus the functions to run. */
export interface LoadedMigration extends MigrationSource {
  /** Absolute path, stored as the record's `path` (as OneTable does). */
  path: string;
  up: (ctx: never) => unknown;
  down?: ((ctx: never) => unknown) | undefined;
  before?: ((ctx: never) => unknown) | undefined;
  verify?: ((ctx: never) => unknown) | undefined;
}

/** The manifest and the migrations folder, loaded and linted. */
export interface Project {
  manifestPath: string;
  manifest: Manifest;
  /** Absolute path of the migrations folder. */
  dir: string;
  /** Semver migrations, ascending. */
  migrations: LoadedMigration[];
  reset?: LoadedMigration | undefined;
}

/**
 * Reads the manifest and loads every migration file in its folder (TypeScript through jiti,
 * no build step). Throws ManifestError or MigrationFileError listing every problem at once.
 */
export async function loadProject(manifestPath: string): Promise<Project> {
  const manifest = readManifest(manifestPath);
  const dir = migrationsDir(manifestPath, manifest);
  const files = await readMigrationFiles(dir);
  const result = lintMigrations(files);
  const problems = [...result.problems, ...lintTargets(manifest, manifestPath, result.migrations)];
  if (problems.length) throw new MigrationFileError(problems);
  return projectOf(manifestPath, manifest, dir, files, result);
}

/** The project from files already read and linted without a problem. */
function projectOf(
  manifestPath: string,
  manifest: Manifest,
  dir: string,
  files: (MigrationFileInfo & { abs: string; code?: string })[],
  result: ReturnType<typeof lintMigrations>,
): Project {
  const attach = (s: MigrationSource): LoadedMigration => {
    const f = files.find((i) => i.file === s.file)!;
    const mod = f.exported as Record<string, unknown>;
    return {
      ...s,
      path: f.abs,
      up: mod.up as LoadedMigration['up'],
      down: mod.down as LoadedMigration['down'],
      before: mod.before as LoadedMigration['before'],
      verify: mod.verify as LoadedMigration['verify'],
      code: f.code,
    };
  };
  return {
    manifestPath,
    manifest,
    dir,
    migrations: result.migrations.map(attach),
    reset: result.reset ? attach(result.reset) : undefined,
  };
}

/**
 * Lint: every problem in the manifest and the migration files, reported together. When the
 * manifest itself is invalid, the files beside it are still checked.
 */
export async function lintProject(manifestPath: string): Promise<{ problems: string[]; project?: Project }> {
  const problems: string[] = [];
  let manifest: Manifest | undefined;
  try {
    manifest = readManifest(manifestPath);
  } catch (e) {
    if (!(e instanceof ManifestError)) throw e;
    const lines = e.message.split('\n').slice(e.message.includes('problems in the manifest') ? 1 : 0);
    problems.push(...lines.filter((l) => l.trim() && !l.startsWith('See ')).map((l) => l.replace(/^\s*-\s*/, '')));
  }
  let dir: string;
  try {
    dir = manifest ? migrationsDir(manifestPath, manifest) : dirname(resolve(manifestPath));
  } catch (e) {
    return { problems: [...problems, messageOf(e)] };
  }
  if (!existsSync(dir)) return { problems };
  const files = await readMigrationFiles(dir);
  const result = lintMigrations(files);
  problems.push(...result.problems.map((p) => `${p.where}: ${p.message}`));
  if (manifest)
    problems.push(...lintTargets(manifest, manifestPath, result.migrations).map((p) => `${p.where}: ${p.message}`));
  if (problems.length || !manifest) return { problems };
  // The files were read and linted above: the project is made from them, not imported again.
  return { problems, project: projectOf(manifestPath, manifest, dir, files, result) };
}

function readManifest(manifestPath: string): Manifest {
  const abs = resolve(manifestPath);
  if (!existsSync(abs)) {
    throw new ManifestError(
      `${manifestPath}: manifest not found. Create one (see README, "Manifest") or pass --manifest PATH.`,
    );
  }
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    throw new ManifestError(`${manifestPath}: cannot be read: ${messageOf(e)}`);
  }
  return parseManifest(text, manifestPath);
}

function migrationsDir(manifestPath: string, manifest: Manifest): string {
  const dir = resolve(dirname(resolve(manifestPath)), manifest.migrations);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ManifestError(
      `${manifestPath}: migrations: folder ${relative(process.cwd(), dir) || '.'} does not exist.`,
    );
  }
  return dir;
}

/** Imports every migration file of a folder; a file that fails to import carries its error. */
async function readMigrationFiles(dir: string): Promise<(MigrationFileInfo & { abs: string; code?: string })[]> {
  const names = readdirSync(dir)
    .filter((f) => CODE_FILE.test(f) && !f.endsWith('.d.ts') && !f.startsWith('.') && !f.startsWith('_'))
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
  // Transpiled files are kept between runs (see transpile-cache.ts). A transpiler is loaded only
  // when a file is not in the cache: first Node's own type stripping where Node has it
  // (strip-transform.ts), babel only for what that does not take (or on Node 20), since babel is
  // the largest module a run would otherwise load.
  const cache = openTranspileCache(transpileCacheDir());
  const compiled = new Map<string, string>();
  const jiti = createJiti(join(dir, 'noop.js'), {
    moduleCache: false,
    fsCache: false,
    interopDefault: false,
    virtualModules: authoringModules(),
    // The compiled text of each file is kept for the static analyzers (lint, plan).
    transform: (opts) => {
      const out = cache.transform(opts);
      if (opts.filename) compiled.set(opts.filename, out.code);
      return out;
    },
  });
  const infos: (MigrationFileInfo & { abs: string; code?: string })[] = [];
  for (const f of names) {
    const path = join(dir, f);
    const bytes = readFileSync(path);
    const info: MigrationFileInfo & { abs: string; code?: string } = {
      file: relative(process.cwd(), path) || f,
      ...migrationChecksums(path, bytes),
      abs: path,
    };
    let imported = await importMigration(jiti, path);
    while ('error' in imported && cache.needsTranspiler && (await addTranspiler(cache, dir))) {
      imported = await importMigration(jiti, path);
    }
    info.code = compiled.get(path) ?? bytes.toString('utf8');
    if ('error' in imported) info.loadError = firstLine(messageOf(imported.error));
    else info.exported = imported.mod && typeof imported.mod === 'object' ? imported.mod.default : undefined;
    infos.push(info);
  }
  return infos;
}

async function importMigration(
  jiti: ReturnType<typeof createJiti>,
  path: string,
): Promise<{ mod: Record<string, unknown> | undefined } | { error: unknown }> {
  try {
    return { mod: (await jiti.import(path)) as Record<string, unknown> | undefined };
  } catch (error) {
    return { error };
  }
}

/**
 * Which transpilers a miss may use: `strip` (Node's type stripping, strip-transform.ts) then
 * `babel` (jiti's), or only `babel` when DYNAMODB_MIGRATE_TRANSPILER=babel says so (to compare
 * the two, or to step around the light path).
 */
export function transpilerOrder(env: NodeJS.ProcessEnv = process.env): ('strip' | 'babel')[] {
  return env.DYNAMODB_MIGRATE_TRANSPILER === 'babel' ? ['babel'] : ['strip', 'babel'];
}

const nodeStripsTypes = typeof (nodeModule as { stripTypeScriptTypes?: unknown }).stripTypeScriptTypes === 'function';

/**
 * Adds the next transpiler that may take the miss the cache could not serve, imported now:
 * type stripping when this Node has it (or the file is JavaScript, which needs no stripping),
 * then babel. False when none is left.
 */
async function addTranspiler(cache: TranspileCache, dir: string): Promise<boolean> {
  const miss = cache.untaken;
  for (const name of transpilerOrder()) {
    if (cache.transpilers.includes(name)) continue;
    if (name === 'strip') {
      if (!nodeStripsTypes && miss?.ts !== false) continue;
      const { nodeTypeStripper, stripTransform } = await import('./strip-transform');
      const strip = nodeTypeStripper();
      cache.addTranspiler('strip', (opts) => stripTransform(opts, strip));
      return true;
    }
    const { createJiti: createBabelJiti } = await import('jiti/static');
    const babel = createBabelJiti(join(dir, 'noop.js'), { moduleCache: false, fsCache: false });
    cache.addTranspiler('babel', (opts: TransformOptions) => ({ code: babel.transform(opts) }));
    return true;
  }
  return false;
}

/**
 * Modules a migration file may import without installing anything beside it (the action
 * runs from its bundle, with no node_modules in the user's repository): our public API and
 * the same DynamoDB SDK that built ctx.client.
 */
function authoringModules(): Record<string, unknown> {
  return {
    'dynamodb-migrate': authoringApi,
    '@aws-sdk/client-dynamodb': clientDynamodb,
    '@aws-sdk/util-dynamodb': utilDynamodb,
  };
}

function firstLine(s: string): string {
  const line = s.split('\n').find((l) => l.trim()) ?? s;
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
