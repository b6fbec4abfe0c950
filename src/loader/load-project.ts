import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import * as clientDynamodb from '@aws-sdk/client-dynamodb';
import * as utilDynamodb from '@aws-sdk/util-dynamodb';
import { dirname, join, relative, resolve } from 'node:path';
import { createJiti } from 'jiti/static';
import { checksumOf } from '../core/checksum';
import { ManifestError, MigrationFileError, messageOf } from '../core/errors';
import { lintMigrations, lintTargets, type MigrationFileInfo } from '../core/lint';
import { parseManifest, type Manifest } from '../core/manifest';
import type { MigrationSource } from '../core/types';
import * as publicApi from '../index';

const CODE_FILE = /\.(ts|mts|cts|js|mjs|cjs)$/;

/** A migration as loaded: its metadata plus the functions to run. */
export interface LoadedMigration extends MigrationSource {
  /** Absolute path, stored as the record's `path` (as OneTable does). */
  path: string;
  up: (ctx: never) => unknown;
  down?: ((ctx: never) => unknown) | undefined;
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
  const abs = resolve(manifestPath);
  if (!existsSync(abs)) {
    throw new ManifestError(`${manifestPath}: manifest not found. Create one (see README, "Manifest") or pass --manifest PATH.`);
  }
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    throw new ManifestError(`${manifestPath}: cannot be read: ${messageOf(e)}`);
  }
  const manifest = parseManifest(text, manifestPath);
  const dir = resolve(dirname(abs), manifest.migrations);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ManifestError(`${manifestPath}: migrations: folder ${relative(process.cwd(), dir) || '.'} does not exist.`);
  }
  const files = readdirSync(dir)
    .filter((f) => CODE_FILE.test(f) && !f.endsWith('.d.ts') && !f.startsWith('.') && !f.startsWith('_'))
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
  const display = (f: string) => relative(process.cwd(), join(dir, f)) || f;
  const jiti = createJiti(join(dir, 'noop.js'), {
    moduleCache: false,
    fsCache: false,
    interopDefault: true,
    virtualModules: authoringModules(),
  });
  const infos: (MigrationFileInfo & { abs: string })[] = [];
  const modules = new Map<string, Record<string, unknown>>();
  for (const f of files) {
    const path = join(dir, f);
    const bytes = readFileSync(path);
    const info: MigrationFileInfo & { abs: string } = { file: display(f), checksum: checksumOf(bytes), abs: path };
    try {
      const exported = await jiti.import(path, { default: true });
      info.exported = exported;
      if (exported && typeof exported === 'object') modules.set(info.file, exported as Record<string, unknown>);
    } catch (e) {
      info.loadError = firstLine(messageOf(e));
    }
    infos.push(info);
  }
  const result = lintMigrations(infos);
  const problems = [...result.problems, ...(result.problems.length ? [] : lintTargets(manifest, manifestPath, result.migrations))];
  if (problems.length) throw new MigrationFileError(problems);
  const attach = (s: MigrationSource): LoadedMigration => {
    const mod = modules.get(s.file)!;
    const info = infos.find((i) => i.file === s.file)!;
    return { ...s, path: info.abs, up: mod.up as LoadedMigration['up'], down: mod.down as LoadedMigration['down'] };
  };
  return {
    manifestPath,
    manifest,
    dir,
    migrations: result.migrations.map(attach),
    reset: result.reset ? attach(result.reset) : undefined,
  };
}

/** Lint only: every problem found, without throwing. */
export async function lintProject(manifestPath: string): Promise<{ problems: string[]; project?: Project }> {
  try {
    return { problems: [], project: await loadProject(manifestPath) };
  } catch (e) {
    if (e instanceof MigrationFileError) return { problems: e.problems.map((p) => `${p.where}: ${p.message}`) };
    if (e instanceof ManifestError) return { problems: e.message.split('\n').filter((l) => l.trim() && !l.includes('problems in the manifest')).map((l) => l.replace(/^\s*-\s*/, '')) };
    throw e;
  }
}

/**
 * Modules a migration file may import without installing anything beside it (the action
 * runs from its bundle, with no node_modules in the user's repository): our public API and
 * the same DynamoDB SDK that built ctx.client.
 */
function authoringModules(): Record<string, unknown> {
  return {
    'dynamodb-migrate': publicApi,
    '@aws-sdk/client-dynamodb': clientDynamodb,
    '@aws-sdk/util-dynamodb': utilDynamodb,
  };
}

function firstLine(s: string): string {
  const line = s.split('\n').find((l) => l.trim()) ?? s;
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
