import { suppressionProblems, type Suppressions } from './analyzers/findings';
import type { Problem } from './errors';
import { homeRegionOf } from './global-table';
import type { Manifest } from './manifest';
import type { MigrationSource, OneTableSchema } from './types';
import { LEGACY_RESET, RESET, compareVersions, isVersion } from './version';

/** What the loader found in one migration file, before any judgement. */
export interface MigrationFileInfo {
  /** Path relative to the manifest's folder. */
  file: string;
  checksum: string;
  /** `sha256:<hex>` of the file alone, when `checksum` also covers its local imports. */
  fileChecksum?: string | undefined;
  /** Per-file checksums of the file and its local imports (see MigrationSource.sources). */
  sources?: Record<string, string> | undefined;
  /** Set when the file could not be imported (syntax error, throws on import). */
  loadError?: string | undefined;
  /** The default export; undefined when there is none. */
  exported?: unknown;
}

/** The file name without its extension. */
export function stemOf(base: string): string {
  return base.replace(/\.(ts|mts|cts|js|mjs|cjs)$/, '');
}

/** Whether a file name starts with the version it declares: `<version>[-slug].<ext>`, or `reset[-slug]`. */
export function fileNameMatches(base: string, version: string): boolean {
  const stem = stemOf(base);
  const names = version === RESET ? [RESET, LEGACY_RESET] : [version];
  return names.some((n) => stem === n || stem.startsWith(`${n}-`));
}

/** The x.y.z a file name starts with, for messages. */
export function versionFromFileName(base: string): string | undefined {
  return /^(\d+\.\d+\.\d+)/.exec(stemOf(base))?.[1];
}

export interface LintResult {
  migrations: MigrationSource[];
  reset?: MigrationSource | undefined;
  problems: Problem[];
}

/**
 * Checks every loaded migration file and reports every problem at once: load failures, no
 * default export, bad or duplicate versions, file names that disagree with their version,
 * missing `up`, missing `down` on a migration not marked irreversible.
 */
export function lintMigrations(files: readonly MigrationFileInfo[]): LintResult {
  const problems: Problem[] = [];
  const sources: MigrationSource[] = [];
  let reset: MigrationSource | undefined;
  const seen = new Map<string, string>();
  const add = (where: string, code: string, message: string) => problems.push({ where, code, message });

  for (const f of files) {
    const base = f.file.split('/').pop() ?? f.file;
    if (f.loadError !== undefined) {
      add(f.file, 'load-error', `cannot be loaded: ${f.loadError}`);
      continue;
    }
    const m = f.exported;
    if (m === undefined || m === null || typeof m !== 'object') {
      add(
        f.file,
        'no-default-export',
        'has no default export: export default defineMigration({ version, description, up, down })',
      );
      continue;
    }
    const def = m as Record<string, unknown>;
    const before = problems.length;
    let version = def.version;
    if (version === LEGACY_RESET) version = RESET;
    if (typeof version !== 'string' || !version) {
      add(f.file, 'no-version', 'has no "version" property: add version: "x.y.z" matching the file name');
      continue;
    }
    if (version !== RESET && !isVersion(version)) {
      add(f.file, 'invalid-version', `version "${version}" is not valid semver (expected x.y.z, e.g. 1.2.0)`);
      continue;
    }
    const fromName = versionFromFileName(base);
    if (!fileNameMatches(base, version)) {
      add(
        f.file,
        'name-mismatch',
        fromName
          ? `file name says ${fromName} but the migration says version "${version}": rename the file to ${version}${stemOf(base).slice(fromName.length)}${base.slice(stemOf(base).length)} or fix the version`
          : `file name must start with its version: rename it to ${version}-<slug>${base.slice(base.lastIndexOf('.'))}`,
      );
    }
    const other = seen.get(version);
    if (other)
      add(
        f.file,
        'duplicate-version',
        `version ${version} is also declared by ${other}: give one of them a new version`,
      );
    else seen.set(version, f.file);

    if (typeof def.up !== 'function') {
      add(
        f.file,
        'no-up',
        def.up === undefined ? 'has no up(ctx) function' : `"up" must be a function, got ${typeOf(def.up)}`,
      );
    }
    const irreversible = def.irreversible === true;
    if (def.down === undefined && !irreversible && version !== RESET) {
      add(f.file, 'no-down', 'has no down(ctx): add one, or declare irreversible: true if it cannot be undone');
    } else if (def.down !== undefined && typeof def.down !== 'function') {
      add(f.file, 'no-down', `"down" must be a function, got ${typeOf(def.down)}`);
    }
    for (const flag of ['irreversible', 'idempotent'] as const) {
      if (def[flag] !== undefined && typeof def[flag] !== 'boolean')
        add(f.file, 'bad-flag', `"${flag}" must be true or false`);
    }
    if (def.description !== undefined && typeof def.description !== 'string')
      add(f.file, 'bad-description', '"description" must be a string');
    if (
      def.schema !== undefined &&
      (typeof def.schema !== 'object' || def.schema === null || Array.isArray(def.schema))
    ) {
      add(f.file, 'bad-schema', '"schema" must be a OneTable schema object');
    }
    for (const message of suppressionProblems(def.suppress)) add(f.file, 'bad-suppress', message);
    for (const hook of ['before', 'verify'] as const) {
      if (def[hook] !== undefined && typeof def[hook] !== 'function')
        add(f.file, 'bad-hook', `"${hook}" must be a function (ctx) => findings, got ${typeOf(def[hook])}`);
    }
    if (problems.length > before) continue;
    const source: MigrationSource = {
      version,
      description: typeof def.description === 'string' ? def.description : '',
      file: f.file,
      checksum: f.checksum,
      ...(f.sources ? { fileChecksum: f.fileChecksum, sources: f.sources } : {}),
      idempotent: def.idempotent === true,
      irreversible,
      hasUp: true,
      hasDown: typeof def.down === 'function',
      hasBefore: typeof def.before === 'function',
      hasVerify: typeof def.verify === 'function',
      schema: def.schema as OneTableSchema | undefined,
      ...(def.suppress !== undefined ? { suppress: def.suppress as Suppressions } : {}),
    };
    if (version === RESET) reset = source;
    else sources.push(source);
  }
  sources.sort((a, b) => compareVersions(a.version, b.version));
  return { migrations: sources, reset, problems };
}

/**
 * Checks each environment against the folder and the others: its target exists, and
 * environments that may be replicas of one global table agree on its home region.
 */
export function lintTargets(
  manifest: Manifest,
  manifestFile: string,
  migrations: readonly MigrationSource[],
): Problem[] {
  const versions = new Set(migrations.map((m) => m.version));
  const problems: Problem[] = lintGlobalTables(manifest, manifestFile);
  for (const [name, env] of Object.entries(manifest.environments)) {
    if (env.target !== 'latest' && !versions.has(env.target)) {
      problems.push({
        where: `${manifestFile}: environments.${name}.target`,
        code: 'target-not-found',
        message: `target ${env.target} has no migration file in the folder (have: ${[...versions].join(', ') || 'none'})`,
      });
    }
  }
  return problems;
}

/**
 * Two environments naming the same table with different home regions (`home-region`, else
 * `region`) point at two replicas of it if it is a global table (a table name is unique per
 * account and region, and every replica has the table's name). Each would then take its own
 * lock in its own region and both would migrate, their writes mixing last-writer-wins. They
 * must agree on one home (one marked as the home of the other: `home-region` set to the
 * other's region), or say that they are separate regional tables (`global-table: false`).
 * An environment with neither region nor home-region is not compared: on a global table every
 * plan and apply of it is refused until it names a home.
 */
export function lintGlobalTables(manifest: Manifest, manifestFile: string): Problem[] {
  const problems: Problem[] = [];
  const envs = Object.entries(manifest.environments);
  const reported = new Set<string>();
  for (const [i, [a, ea]] of envs.entries()) {
    for (const [b, eb] of envs.slice(i + 1)) {
      if (ea.table !== eb.table || ea['global-table'] === false || eb['global-table'] === false) continue;
      const homeA = homeRegionOf(ea);
      const homeB = homeRegionOf(eb);
      if (!homeA || !homeB || homeA === homeB || reported.has(b)) continue;
      reported.add(b);
      problems.push({
        where: `${manifestFile}: environments.${b}`,
        code: 'replica-homes',
        message:
          `environments ${a} and ${b} both name table ${ea.table} but with different home regions (${homeA} and ${homeB}; the home is home-region, else region): ` +
          `if ${ea.table} is a global table they are two of its replicas, and each would take its own lock and both would migrate. ` +
          `Mark one as the home of the other (home-region: ${homeA} on ${b}), or, if they are separate regional tables, set global-table: false on them`,
      });
    }
  }
  return problems;
}

function typeOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}
