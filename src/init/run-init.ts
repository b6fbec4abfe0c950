import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import pkg from '../../package.json';
import { InputError } from '../core/errors';
import { planInitFiles, type InitFile } from '../core/init-files';
import { iamRoles, renderIamText } from '../core/init-iam';
import { resolveInitSettings, type InitRequest, type InitSettings } from '../core/init-settings';
import { actionRef } from '../core/init-workflows';
import { oneTableFileKind } from '../core/onetable-config';
import { lintProject } from '../loader/load-project';
import { printJson, printText } from './io';
import { readOneTableFolder, type OneTableFolder } from './init/onetable';
import { askMissing, canAsk, terminalAsk, type Ask } from './init/prompts';

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

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** Adds `dynamodb-migrate init` to the program. */
export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description(
      'set up a repository: manifest, first migration, the plan/apply/dispatch/drift workflows, and the IAM policies to create',
    )
    .option(
      '--table <env=table>',
      'an environment and its table, in the order merges apply to them (repeat, or comma-separate); a bare name is dev',
      collect,
    )
    .option('--migrations <folder>', 'where migrations live, relative to the repository (default: migrations)')
    .option(
      '--runner <runner>',
      'local (in the CI job, default) or lambda (through a controller); or env=runner entries',
    )
    .option('--function <name-or-arn>', 'runner lambda: the controller (or env=function entries)')
    .option(
      '--protected <envs>',
      'protected environments, comma-separated, or none (default: those named like production)',
    )
    .option('--branch <name>', 'the branch merges land on: apply runs on pushes to it', 'main')
    .option(
      '--repo <owner/name>',
      'the GitHub repository, for the IAM trust policies (default: GITHUB_REPOSITORY or the origin remote)',
    )
    .option('--account <id>', 'AWS account id, for the ARNs in the IAM policies')
    .option('--root <dir>', 'repository root to write into (default: the current directory)')
    .option(
      '--from-onetable <dir>',
      'adopt a OneTable Migrate folder (or its migrate.json5): a manifest around it, no baseline',
    )
    .option('--no-workflows', 'write no workflows (keep your own CI)')
    .option('--force', 'overwrite files that exist')
    .addHelpText(
      'after',
      `
Global flags it reads: --region, --manifest (default <migrations>/manifest.yaml), --dry-run (print the files, write nothing), --yes (ask nothing), --json.
On a terminal it asks for what the flags leave out. It never overwrites a file without --force.

Examples:
  dynamodb-migrate init --table dev=orders-dev --table production=orders-prod --region eu-west-1
  dynamodb-migrate init --table orders-dev --runner lambda --function migrate-controller --dry-run
  dynamodb-migrate init --from-onetable ./migrations       # migrate.json5 there (or its dir) is read`,
    )
    .action(async (_o, cmd: Command) => {
      const f = cmd.optsWithGlobals() as InitFlags;
      const interactive = canAsk() && !f.yes && !f.json;
      const term = interactive ? terminalAsk() : undefined;
      try {
        const io: InitIo = {
          manifestGiven: cmd.getOptionValueSourceWithGlobals('manifest') !== 'default',
          ask: term?.ask,
          env: process.env,
        };
        const result = await runInit(f, io);
        if (f.json) printJson(result);
        else printText(renderInitText(result, f));
      } finally {
        term?.close();
      }
    });
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
    const names = taken.map((x) => display(join(root, x.path)));
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

/** The text init prints: the files, the pinned action, the next steps, the IAM roles. */
export function renderInitText(r: InitResult, f: InitFlags): string {
  const out: string[] = [];
  const abs = (p: string) => join(r.root, p);
  if (r.cancelled) return 'Cancelled: nothing was written.';
  if (r.dryRun) {
    out.push(`init --dry-run: would write ${r.files.length} file(s); nothing was written.`);
    for (const x of r.files)
      out.push(
        '',
        `--- ${display(abs(x.path))} (${x.action === 'create' ? 'new' : 'overwrite'}) ---`,
        (x.content ?? '').trimEnd(),
      );
    out.push('');
  } else {
    out.push(`init: wrote ${r.files.length} file(s)`);
    for (const x of r.files)
      out.push(`  ${x.action === 'create' ? 'created    ' : 'overwrote  '}${display(abs(x.path))}`);
  }
  if (r.files.some((x) => x.kind === 'workflow')) {
    out.push(
      `The workflows use ${r.actionRef}: this release, pinned by its tag; move the tag forward when you upgrade.`,
    );
  }
  if (r.notes.length) out.push('', ...r.notes.map((n) => `note: ${n}`));
  const manifest = r.files.find((x) => x.kind === 'manifest');
  const m = manifest ? display(abs(manifest.path)) : f.manifest;
  const protectedEnvs = r.environments.filter((e) => e.protected).map((e) => e.name);
  out.push(
    '',
    'Next:',
    `  1. Check it:           dynamodb-migrate --manifest ${m} lint`,
    `  2. Try it locally:     dynamodb-migrate --manifest ${m} --local plan   (then apply, status; needs Java for DynamoDB Local)`,
    `  3. AWS:                create the two roles below, then set the repository variables ${r.iam.plan.variable} and ${r.iam.apply.variable} (the workflows do nothing until then)`,
    `  4. GitHub:             create the Environments ${r.environments.map((e) => e.name).join(', ')} (Settings -> Environments)${protectedEnvs.length ? `; add required reviewers on ${protectedEnvs.join(', ')}` : ''}`,
    '  5. Open a pull request with these files: the plan comment appears; merging applies it.',
    '',
    renderIamText(r.iam),
  );
  return out.join('\n');
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

function display(abs: string): string {
  return relative(process.cwd(), abs).split(sep).join('/') || '.';
}
