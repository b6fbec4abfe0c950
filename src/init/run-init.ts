import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import pkg from '../../package.json';
import { InputError } from '../core/errors';
import { lintProject } from '../loader/load-project';
import { planInitFiles, type InitFile } from './files';
import { iamRoles } from './iam';
import { oneTableFileKind } from './onetable-config';
import { readOneTableFolder, type OneTableFolder } from './onetable-folder';
import { askMissing, type Ask } from './questions';
import { displayPath } from './paths';
import { resolveInitSettings, type InitRequest, type InitSettings } from './settings';
import { actionRef } from './workflows';

/** The flags of `init` (its own, and the global ones it reads). */
export interface InitFlags {
  table?: string[];
  migrations?: string;
  runner?: string;
  function?: string;
  protected?: string;
  branch?: string;
  repo?: string;
  account?: string;
  root?: string;
  fromOnetable?: string;
  workflows: boolean;
  force?: boolean;
  // global
  manifest?: string;
  region?: string;
  dryRun?: boolean;
  yes?: boolean;
  json?: boolean;
}

/** How init meets the outside world; tests replace `ask`. */
export interface InitIo {
  /** Whether the manifest path was given (not commander's default). */
  manifestGiven: boolean;
  /** Set when there is someone to ask (a TTY, no --yes, no --json). */
  ask?: Ask | undefined;
  env: Record<string, string | undefined>;
}

/** What init did (or, with --dry-run, would do): the --json document. */
export interface InitResult {
  dryRun: boolean;
  root: string;
  files: { path: string; kind: InitFile['kind']; action: 'create' | 'overwrite'; content?: string }[];
  environments: { name: string; table: string; region: string; protected: boolean; runner: string }[];
  actionRef: string;
  iam: ReturnType<typeof iamRoles>;
  notes: string[];
  /** Answered no to the last question on a terminal: nothing was written. */
  cancelled?: boolean;
}

/**
 * Runs init: settings from the flags (and answers), the files from the templates, a refusal
 * naming every file that exists (unless --force) before anything is written, then the writes.
 */
export async function runInit(f: InitFlags, io: InitIo): Promise<InitResult> {
  const root = resolve(f.root ?? '.');
  if (!existsSync(root)) throw new InputError(`init --root ${f.root}: no such folder.`);
  const notes: string[] = [];

  let oneTable: OneTableFolder | undefined;
  if (f.fromOnetable !== undefined) {
    if (f.migrations !== undefined)
      throw new InputError(
        'init: --migrations and --from-onetable conflict: the OneTable folder is the migrations folder.',
      );
    oneTable = await readOneTableFolder(f.fromOnetable, root);
    notes.push(...oneTable.notes);
  }

  let manifest: string | undefined;
  if (io.manifestGiven && f.manifest) {
    const abs = resolve(f.manifest);
    manifest = relative(root, abs);
    if (manifest.startsWith('..'))
      throw new InputError(`init --manifest ${f.manifest}: expected a path inside the repository ${root}.`);
    manifest = manifest.split(sep).join('/');
  }

  let req: InitRequest = {
    tables: f.table ?? [],
    region: f.region,
    migrations: oneTable ? oneTable.migrationsDir : f.migrations,
    manifest:
      manifest ??
      (oneTable ? `${oneTable.migrationsDir === '.' ? '' : `${oneTable.migrationsDir}/`}manifest.yaml` : undefined),
    runner: f.runner,
    function: f.function,
    protected: f.protected,
    branch: f.branch,
    repo: f.repo ?? repositoryOf(root, io.env),
    account: f.account,
    workflows: f.workflows,
  };
  const defaultRegion = io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION;
  if (io.ask) {
    req = await askMissing(
      req,
      io.ask,
      { project: basename(root), region: defaultRegion, known: oneTable?.adopted ?? [] },
      { migrations: !!oneTable || !!manifest },
    );
  }

  const installed = 'node_modules/dynamodb-migrate/schema/manifest.schema.json';
  let settings: InitSettings = resolveInitSettings(req, {
    toolVersion: pkg.version,
    installedSchema: existsSync(join(root, installed)) ? installed : undefined,
    defaultRegion,
    adopted: oneTable?.adopted,
    hasMigrations: false,
    oneTable: oneTable?.adoption,
  });
  const existing = migrationFilesIn(join(root, settings.migrationsDir));
  if (settings.firstMigration && existing.length) {
    settings = { ...settings, firstMigration: false };
    notes.push(
      `${settings.migrationsDir}/ already holds ${existing.length} migration file(s) (${existing.slice(0, 3).join(', ')}${existing.length > 3 ? ', ...' : ''}): no first migration written.`,
    );
  }
  if (!settings.repo || !settings.account) {
    notes.push(
      `The IAM policies hold placeholders: pass ${[!settings.repo && '--repo owner/name', !settings.account && '--account <id>'].filter(Boolean).join(' and ')} to fill them in.`,
    );
  }
  const legacy = oneTable?.adoption.legacySignature ?? [];
  if (legacy.length) {
    const viaController = settings.environments.filter((e) => e.protocol === 'onetable').map((e) => e.name);
    notes.push(
      `${legacy.join(', ')} ${legacy.length === 1 ? 'uses' : 'use'} OneTable's up(db, migrate, params); dynamodb-migrate calls up(ctx)/down(ctx), so ${legacy.length === 1 ? 'it cannot' : 'they cannot'} run here as ${legacy.length === 1 ? 'it is' : 'they are'}. A table that already has them is fine (they never run again); a down past them, a reset, or an apply on a new table would fail${viaController.length ? ` (not on ${viaController.join(', ')}: protocol onetable, its OneTable Controller runs them)` : ''}. Wrap each in fromOneTable(...) from ${settings.migrationsDir}/_onetable.js (written now; OneTable still runs the wrapped files; not loadable by the bundled CLI and action yet), or rewrite it: docs/init.md, "Adopting OneTable migrations".`,
    );
  }

  const files = planInitFiles(settings);
  const taken = files.filter((x) => existsSync(join(root, x.path)));
  if (taken.length && !f.force) {
    const names = taken.map((x) => displayPath(join(root, x.path)));
    throw new InputError(
      `init: ${names.join(', ')} ${taken.length === 1 ? 'already exists' : 'already exist'}: nothing was written. Pass --force to overwrite${taken.some((x) => x.kind === 'workflow') ? ', or --no-workflows to keep your workflows' : ''}.`,
    );
  }

  const result: InitResult = {
    dryRun: !!f.dryRun,
    root,
    files: files.map((x) => ({
      path: x.path,
      kind: x.kind,
      action: taken.includes(x) ? 'overwrite' : 'create',
      ...(f.dryRun ? { content: x.content } : {}),
    })),
    environments: settings.environments.map((e) => ({
      name: e.name,
      table: e.table,
      region: e.region,
      protected: e.protected,
      runner: e.runner,
    })),
    actionRef: actionRef(settings.toolVersion),
    iam: iamRoles(settings),
    notes,
  };
  if (f.dryRun) return result;
  if (io.ask) {
    const answer = await io.ask(`Write ${files.map((x) => x.path).join(', ')}?`, 'yes');
    if (!/^y(es)?$/i.test(answer.trim())) return { ...result, cancelled: true };
  }

  for (const x of files) {
    const abs = join(root, x.path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, x.content);
  }
  // What was there before may not pass: say so now rather than on the first pull request.
  const { problems } = await lintProject(join(root, settings.manifestPath));
  if (problems.length)
    notes.push(
      `lint found ${problems.length} problem(s) in the migrations folder:\n${problems.map((p) => `    - ${p}`).join('\n')}`,
    );
  return result;
}

/** Migration files already in a folder (by name, as the loader would take them). */
function migrationFilesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter(
    (f) => /\.(ts|mts|cts|js|mjs|cjs)$/.test(f) && !f.endsWith('.d.ts') && oneTableFileKind(f) !== 'other',
  );
}

/** owner/name from GITHUB_REPOSITORY, else the origin remote when it is on github.com. */
function repositoryOf(root: string, env: Record<string, string | undefined>): string | undefined {
  if (env.GITHUB_REPOSITORY && /^[\w.-]+\/[\w.-]+$/.test(env.GITHUB_REPOSITORY)) return env.GITHUB_REPOSITORY;
  try {
    const url = execFileSync('git', ['-C', root, 'config', '--get', 'remote.origin.url'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return /github\.com[:/]([\w.-]+\/[\w.-]+?)(\.git)?\/?$/.exec(url)?.[1];
  } catch {
    return undefined;
  }
}
