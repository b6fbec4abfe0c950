import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { InputError, messageOf } from '../core/errors';
import type { AdoptedEnvironment, OneTableAdoption } from './settings';
import { parseJson5 } from './json5';
import { hasOneTableSignature, oneTableFileKind, readOneTableConfig } from './onetable-config';
import { lintProject } from '../loader/load-project';

/** What a OneTable Migrate folder gives init. */
export interface OneTableFolder {
  /** The migrations folder, relative to the repository root (POSIX). */
  migrationsDir: string;
  /** Environments of the config (one per profile); a table or region may be missing. */
  adopted: AdoptedEnvironment[];
  adoption: OneTableAdoption;
  notes: string[];
}

const CONFIG_FILES = ['migrate.json5', 'migrate.json'];
const CODE_FILE = /\.(ts|mts|cts|js|mjs|cjs)$/;

/**
 * Reads a OneTable Migrate folder: `given` is the folder holding `migrate.json5` (whose `dir`
 * names the migrations), that file itself, or the migrations folder. Its files are loaded by our
 * own loader before anything is written, so init refuses (exit 2, every problem listed) a folder
 * the manifest could not load.
 */
export async function readOneTableFolder(given: string, root: string): Promise<OneTableFolder> {
  const abs = resolve(given);
  if (!existsSync(abs)) throw new InputError(`init --from-onetable ${given}: no such file or folder.`);
  let configFile: string | undefined;
  if (statSync(abs).isFile()) configFile = abs;
  else configFile = CONFIG_FILES.map((f) => join(abs, f)).find((f) => existsSync(f));

  const config = configFile
    ? readOneTableConfig(parseJson5(readFileSync(configFile, 'utf8'), rel(configFile)), rel(configFile))
    : undefined;
  const dir = config?.dir ? resolve(dirname(configFile!), config.dir) : configFile ? dirname(configFile) : abs;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new InputError(
      `init --from-onetable ${given}: ${rel(configFile!)} names the migrations folder ${config?.dir}, which does not exist.`,
    );
  }
  const inRoot = relative(root, dir);
  if (inRoot.startsWith('..') || resolve(root, inRoot) !== dir) {
    throw new InputError(
      `init --from-onetable ${given}: the migrations folder ${dir} is outside the repository ${root}: run init from the repository (or pass --root).`,
    );
  }

  const codeFiles = readdirSync(dir).filter(
    (f) =>
      CODE_FILE.test(f) &&
      !f.endsWith('.d.ts') &&
      !f.startsWith('.') &&
      !f.startsWith('_') &&
      statSync(join(dir, f)).isFile(),
  );
  if (!codeFiles.some((f) => oneTableFileKind(f) === 'versioned')) {
    throw new InputError(
      `init --from-onetable ${given}: ${rel(dir) || '.'} has no migration files named by version (0.0.1.js, 1.0.0.js, ...).`,
    );
  }
  const others = codeFiles.filter((f) => oneTableFileKind(f) === 'other');
  const project = await loadWithOurLoader(dir, given, others);

  const legacySignature = [...project.migrations, ...(project.reset ? [project.reset] : [])]
    .filter((m) => hasOneTableSignature(m.up) || hasOneTableSignature(m.down))
    .map((m) => basename(m.path));
  const first = legacySignature[0];
  const format = first && /\bmodule\.exports\b/.test(readFileSync(join(dir, first), 'utf8')) ? 'cjs' : 'esm';
  const source = configFile ? rel(configFile, root) : `${toPosix(inRoot) || '.'}/`;
  return {
    migrationsDir: toPosix(inRoot) || '.',
    adopted: config?.environments ?? [],
    adoption: { source, legacySignature, hasReset: !!project.reset, format, tableParams: config?.tableParams ?? {} },
    notes: config?.notes ?? [],
  };
}

/**
 * Loads the folder as a manifest around it will: through lintProject, with a throwaway manifest
 * in a temporary folder, so a folder our loader refuses is reported before anything is written.
 */
async function loadWithOurLoader(dir: string, given: string, others: string[]) {
  const tmp = mkdtempSync(join(tmpdir(), 'dm-init-'));
  try {
    const manifest = join(tmp, 'manifest.yaml');
    writeFileSync(
      manifest,
      `version: 1\nmigrations: ${JSON.stringify(dir)}\nenvironments:\n  adopt:\n    table: adopt-check\n`,
    );
    const { problems, project } = await lintProject(manifest);
    if (project && !problems.length) return project;
    const hint = others.length
      ? `\nOur loader takes every .js/.ts file in the migrations folder for a migration; ${others.join(', ')} ${others.length === 1 ? 'is' : 'are'} not named by version. Move helper modules (a shared schema.js) into a subfolder such as schema/ (and update their imports), or rename them with a leading _ (skipped); give a named OneTable migration a version, or move it out of the folder.`
      : '';
    throw new InputError(
      `init --from-onetable ${given}: our loader cannot load ${rel(dir) || '.'} as it is (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was written:\n${problems.map((p) => `  - ${p}`).join('\n')}${hint}`,
    );
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`init --from-onetable ${given}: cannot load ${rel(dir)}: ${messageOf(e)}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function rel(p: string, from = process.cwd()): string {
  return toPosix(relative(from, p)) || '.';
}

function toPosix(p: string): string {
  return p.split(sep).join('/');
}
