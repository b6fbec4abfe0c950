import { InputError } from '../core/errors';

/** How an environment's migrations run: in the CLI's or action's process, or in a Lambda controller. */
export type InitRunner = 'local' | 'lambda';

/** What `init` was told (flags, or answers on a TTY), before anything is checked. */
export interface InitRequest {
  /** `env=table` entries (or one bare `table`, meaning the environment `dev`); commas allowed. */
  tables: readonly string[];
  /** One region for every environment; environments adopted from OneTable may carry their own. */
  region?: string | undefined;
  /** The migrations folder, relative to the repository root. */
  migrations?: string | undefined;
  /** The manifest's path relative to the repository root (default `<migrations>/manifest.yaml`). */
  manifest?: string | undefined;
  /** `local` / `lambda` for all environments, or `env=runner` entries. */
  runner?: string | undefined;
  /** The controller (name or ARN) for all lambda environments, or `env=function` entries. */
  function?: string | undefined;
  /** Comma-separated environment names, or `none`; default: the environments named like production. */
  protected?: string | undefined;
  /** The branch merges land on (apply runs on pushes to it). */
  branch?: string | undefined;
  /** `owner/name` of the GitHub repository, for the IAM trust policies. */
  repo?: string | undefined;
  /** AWS account id, for the ARNs in the IAM policies. */
  account?: string | undefined;
  workflows: boolean;
}

/** One environment as init writes it into the manifest. */
export interface InitEnvironment {
  name: string;
  table: string;
  region: string;
  protected: boolean;
  runner: InitRunner;
  function?: string | undefined;
  /** `onetable`: an existing OneTable Controller (adopted from migrate.json5's `arn`). */
  protocol?: 'onetable' | undefined;
}

/** An environment found in a OneTable config: its table or region may be missing. */
export type AdoptedEnvironment = Omit<InitEnvironment, 'protected' | 'table' | 'region'> & {
  table?: string | undefined;
  region?: string | undefined;
};

/** A OneTable Migrate folder being adopted (`init --from-onetable`). */
export interface OneTableAdoption {
  /** Where it came from (migrate.json5, or the folder), relative to the repository root. */
  source: string;
  /** Files that keep OneTable's `up(db, migrate, params)` signature (see renderManifest). */
  legacySignature: string[];
  /** Whether the folder has a reset (or OneTable `latest`) migration. */
  hasReset: boolean;
  /** The module syntax of those files, for the adapter written beside them. */
  format: 'esm' | 'cjs';
  /** migrate.json5's `onetable` block (Table params), for the adapter. */
  tableParams: Record<string, unknown>;
}

/** Everything init writes and prints, checked once. Paths are POSIX, relative to the repository root. */
export interface InitSettings {
  environments: InitEnvironment[];
  /** The region the workflows' AWS credentials are configured for (the first environment's). */
  region: string;
  manifestPath: string;
  migrationsDir: string;
  branch: string;
  repo?: string | undefined;
  account?: string | undefined;
  workflows: boolean;
  /** This release (package.json version): the workflows pin the action to `v<toolVersion>`. */
  toolVersion: string;
  /** What the manifest's `$schema` line points at. */
  schemaRef: string;
  /** Write `1.0.0-initial.ts` (not when the folder already has migrations). */
  firstMigration: boolean;
  oneTable?: OneTableAdoption | undefined;
}

/** What the caller knows beyond the request: read from the environment or the repository, never here. */
export interface InitContext {
  toolVersion: string;
  /** The installed package's JSON Schema (root-relative), if any; else the release's URL is used. */
  installedSchema?: string | undefined;
  /** AWS_REGION / AWS_DEFAULT_REGION, the fallback for --region. */
  defaultRegion?: string | undefined;
  /** Environments found in a OneTable config; --table (and --region) override and add to them. */
  adopted?: readonly AdoptedEnvironment[] | undefined;
  /** Whether the migrations folder already holds migration files (then no first migration). */
  hasMigrations: boolean;
  oneTable?: OneTableAdoption | undefined;
}

const ENV_NAME = /^[A-Za-z0-9_-]+$/;
const TABLE_NAME = /^[a-zA-Z0-9_.-]{3,255}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const PRODUCTION_LIKE = /(^|[-_])(prod|production|prd|live)([-_]|$)/i;

/** Environments protected when --protected is not given: those named like production. */
export function defaultProtected(names: readonly string[]): string[] {
  return names.filter((n) => PRODUCTION_LIKE.test(n));
}

/**
 * Checks an init request and resolves it into settings: one clear InputError (exit 2) naming
 * the flag and what was expected for the first thing wrong.
 */
export function resolveInitSettings(req: InitRequest, ctx: InitContext): InitSettings {
  const fromTables = parseTables(req.tables);
  const adopted = ctx.adopted ?? [];
  const names = [...new Set([...adopted.map((e) => e.name), ...fromTables.map(([n]) => n)])];
  if (!names.length) {
    throw new InputError(
      ctx.oneTable
        ? `init --from-onetable: ${ctx.oneTable.source} names no table: pass --table <env>=<table> for each environment (e.g. --table dev=orders-dev).`
        : 'init: no table: pass --table <env>=<table> for each environment (e.g. --table dev=orders-dev --table production=orders-prod).',
    );
  }

  const regionFlag = req.region;
  if (regionFlag !== undefined && !REGION.test(regionFlag))
    throw new InputError(`init --region ${regionFlag}: expected an AWS region such as us-east-1.`);
  const fallbackRegion = regionFlag ?? adopted.find((e) => e.region)?.region ?? ctx.defaultRegion;
  if (fallbackRegion !== undefined && !REGION.test(fallbackRegion)) {
    throw new InputError(
      `init: the region ${fallbackRegion} (from the AWS environment) is not an AWS region: pass --region, e.g. --region us-east-1.`,
    );
  }

  const runners = perEnvironment('--runner', req.runner, names);
  for (const [env, r] of runners) {
    if (r !== 'local' && r !== 'lambda')
      throw new InputError(`init --runner ${env === '*' ? r : `${env}=${r}`}: expected local or lambda.`);
  }
  const functions = perEnvironment('--function', req.function, names);

  const environments: InitEnvironment[] = names.map((name) => {
    const base = adopted.find((e) => e.name === name);
    const table = fromTables.find(([n]) => n === name)?.[1] ?? base?.table;
    if (!table) {
      const from = ctx.oneTable ? ` (${ctx.oneTable.source} names none for it)` : '';
      throw new InputError(`init: environment ${name} has no table${from}: pass --table ${name}=<table>.`);
    }
    const region = regionFlag ?? base?.region ?? fallbackRegion;
    if (!region) throw new InputError('init: no region: pass --region (e.g. --region us-east-1), or set AWS_REGION.');
    const runner = (runners.get(name) ?? runners.get('*') ?? base?.runner ?? 'local') as InitRunner;
    const fn = functions.get(name) ?? functions.get('*') ?? (runner === 'lambda' ? base?.function : undefined);
    if (runner === 'lambda' && !fn) {
      throw new InputError(
        `init --runner lambda: environment ${name} needs its controller: pass --function <name or ARN> (or --function ${name}=<name or ARN>).`,
      );
    }
    const env: InitEnvironment = { name, table, region, protected: false, runner };
    if (runner === 'lambda') {
      env.function = fn;
      if (base?.protocol && base.function === fn) env.protocol = base.protocol;
    }
    return env;
  });

  const protectedNames = parseProtected(req.protected, names);
  for (const e of environments) e.protected = protectedNames.includes(e.name);

  const migrationsDir = normalizeRelative('--migrations', req.migrations ?? 'migrations');
  const manifestPath = normalizeRelative('--manifest', req.manifest ?? joinPosix(migrationsDir, 'manifest.yaml'));
  if (!/\.ya?ml$/.test(manifestPath))
    throw new InputError(`init --manifest ${manifestPath}: expected a .yaml or .yml file.`);
  const branch = req.branch ?? 'main';
  if (!/^[A-Za-z0-9._/-]+$/.test(branch))
    throw new InputError(`init --branch ${branch}: expected a branch name such as main.`);
  if (req.repo !== undefined && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(req.repo))
    throw new InputError(`init --repo ${req.repo}: expected owner/name, e.g. acme/orders.`);
  if (req.account !== undefined && !/^\d{12}$/.test(req.account))
    throw new InputError(`init --account ${req.account}: expected a 12-digit AWS account id.`);

  return {
    environments,
    region: environments[0]!.region,
    manifestPath,
    migrationsDir,
    branch,
    repo: req.repo,
    account: req.account,
    workflows: req.workflows,
    toolVersion: ctx.toolVersion,
    schemaRef: ctx.installedSchema
      ? relativePosix(dirnamePosix(manifestPath), ctx.installedSchema)
      : schemaUrl(ctx.toolVersion),
    firstMigration: !ctx.hasMigrations && !ctx.oneTable,
    oneTable: ctx.oneTable,
  };
}

/** `env=table` entries, commas allowed; a single bare table name is the environment `dev`. */
function parseTables(raw: readonly string[]): [string, string][] {
  const entries = raw
    .flatMap((r) => r.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  const out: [string, string][] = [];
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    if (eq < 0 && entries.length > 1) {
      throw new InputError(
        `init --table ${entry}: with several tables, name each one's environment: --table <env>=<table> (e.g. --table dev=${entry}).`,
      );
    }
    const name = eq < 0 ? 'dev' : entry.slice(0, eq).trim();
    const table = eq < 0 ? entry : entry.slice(eq + 1).trim();
    if (!ENV_NAME.test(name))
      throw new InputError(
        `init --table ${entry}: the environment name "${name}" may use letters, digits, _ and - only.`,
      );
    if (!TABLE_NAME.test(table))
      throw new InputError(
        `init --table ${entry}: "${table}" is not a DynamoDB table name (3-255 of a-z A-Z 0-9 _ . -).`,
      );
    if (out.some(([n]) => n === name))
      throw new InputError(`init --table ${entry}: environment ${name} is given twice.`);
    out.push([name, table]);
  }
  return out;
}

/** A value for every environment (`*`), or `env=value` entries naming declared environments. */
function perEnvironment(flag: string, raw: string | undefined, names: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (raw === undefined) return out;
  const entries = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!entries.length) throw new InputError(`init ${flag}: expected a value.`);
  for (const entry of entries) {
    // An ARN holds ":" but no "=", so `=` alone marks an environment.
    const eq = entry.indexOf('=');
    if (eq < 0) {
      if (entries.length > 1)
        throw new InputError(`init ${flag} ${raw}: give one value for all environments, or <env>=<value> entries.`);
      out.set('*', entry);
      continue;
    }
    const name = entry.slice(0, eq).trim();
    if (!names.includes(name))
      throw new InputError(`init ${flag} ${entry}: no environment ${name} (the environments are ${names.join(', ')}).`);
    out.set(name, entry.slice(eq + 1).trim());
  }
  return out;
}

function parseProtected(raw: string | undefined, names: readonly string[]): string[] {
  if (raw === undefined) return defaultProtected(names);
  const list = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length === 1 && list[0] === 'none') return [];
  for (const n of list) {
    if (!names.includes(n))
      throw new InputError(
        `init --protected ${raw}: no environment ${n} (the environments are ${names.join(', ')}; "none" protects none).`,
      );
  }
  return list;
}

function normalizeRelative(flag: string, p: string): string {
  if (p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p))
    throw new InputError(`init ${flag} ${p}: expected a path relative to the repository root.`);
  const parts: string[] = [];
  for (const seg of p.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (!parts.length)
        throw new InputError(`init ${flag} ${p}: expected a path inside the repository (no leading ..).`);
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/') || '.';
}

/** The manifest's JSON Schema as published with a release (for editors, without installing the package). */
export function schemaUrl(toolVersion: string): string {
  return `https://raw.githubusercontent.com/dynamodb-migrate/dynamodb-migrate/v${toolVersion}/schema/manifest.schema.json`;
}

/** Joins POSIX path parts, `.` meaning the root. */
export function joinPosix(...parts: string[]): string {
  return parts.filter((p) => p && p !== '.').join('/') || '.';
}

/** The POSIX path of `to` relative to the folder `from` (both relative to the root). */
export function relativePosix(from: string, to: string): string {
  const a = from === '.' ? [] : from.split('/');
  const b = to === '.' ? [] : to.split('/');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/') || '.';
}

/** The folder part of a POSIX path. */
export function dirnamePosix(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '.' : p.slice(0, i);
}
