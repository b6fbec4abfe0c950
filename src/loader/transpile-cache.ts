import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { TransformOptions, TransformResult } from 'jiti';
import { version as jitiVersion } from 'jiti/package.json';
import { version as toolVersion } from '../../package.json';

/** Bumped when the layout of an entry changes. */
const FORMAT = 'dm-transpile-1';

/**
 * Where transpiled migration files are kept between runs: DYNAMODB_MIGRATE_CACHE_DIR when set
 * (empty: no cache), else $XDG_CACHE_HOME/dynamodb-migrate, else ~/.cache/dynamodb-migrate. Never
 * inside the repository, so nothing appears in `git status` and a checkout cannot plant entries.
 *
 * In a GitHub Actions job it is the job's own temporary folder (RUNNER_TEMP, emptied after each
 * job), never the runner's home: on a self-hosted runner the home outlives the job, so one job
 * (a fork's pull request, whose migration files are public and so are the keys) could write an
 * entry that the next (an apply with write access) would run as the compiled migration.
 */
export function transpileCacheDir(env: NodeJS.ProcessEnv = process.env, home = homedir()): string | undefined {
  const own = env.DYNAMODB_MIGRATE_CACHE_DIR;
  if (own !== undefined) return own === '' ? undefined : resolve(own);
  if (env.GITHUB_ACTIONS === 'true') {
    const temp = env.RUNNER_TEMP;
    return temp && isAbsolute(temp) ? join(temp, 'dynamodb-migrate-cache') : undefined;
  }
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(home, '.cache'), 'dynamodb-migrate');
}

/**
 * The key of one transform: this tool's and jiti's versions (the transform's code), every
 * option jiti passes (file name, module kind, source maps, ...) and the file's text. Two runs
 * share an entry only when they would compute the same output.
 */
export function transpileKey(opts: TransformOptions, versions = { tool: toolVersion, jiti: jitiVersion }): string {
  const { source, ...rest } = opts;
  return createHash('sha256')
    .update(JSON.stringify([FORMAT, versions.tool, versions.jiti, rest]))
    .update('\0')
    .update(source)
    .digest('hex');
}

/** What a transpile cache did in a run (for tests and the bench's notes). */
export interface TranspileCacheStats {
  hits: number;
  misses: number;
  stored: number;
  /** Misses by the transpiler that made the code (`strip`, `babel`). */
  by: Record<string, number>;
}

/** A transpiler for misses; undefined passes the file on to the next one. */
export type Transpiler = (opts: TransformOptions) => TransformResult | undefined;

/** Thrown by the cached transform on a miss that no transpiler loaded so far takes (see `needsTranspiler`). */
export class TranspilerNotLoaded extends Error {
  constructor(filename: string | undefined) {
    super(`${filename ?? 'source'}: not in the transpile cache and no transpiler loaded takes it`);
    this.name = 'TranspilerNotLoaded';
  }
}

export interface TranspileCache {
  /** jiti's `transform` option: the entry for these options and text, else the first transpiler's output that takes it (stored). */
  transform: (opts: TransformOptions) => TransformResult;
  /** Adds a transpiler for misses, tried after those added before; while none takes a miss, it throws TranspilerNotLoaded. */
  addTranspiler: (name: string, transpile: Transpiler) => void;
  /** True once a miss found no transpiler that takes it: add one and import the file again (cleared by addTranspiler). */
  readonly needsTranspiler: boolean;
  /** The options of the last miss that no transpiler took. */
  readonly untaken: TransformOptions | undefined;
  /** Names of the transpilers added, in order. */
  readonly transpilers: readonly string[];
  readonly stats: TranspileCacheStats;
}

/**
 * A cache of transpiled files in `dir` (no cache when undefined), one file per key. An entry
 * holds its key and the SHA-256 of its code on its first line: an entry that does not match (cut
 * short, edited, from another format) is ignored and written again. Entries are written to a
 * temporary file and renamed, so concurrent runs never read half an entry; any file-system error
 * only costs the transform it would have saved.
 */
export function openTranspileCache(dir: string | undefined): TranspileCache {
  const stats: TranspileCacheStats = { hits: 0, misses: 0, stored: 0, by: {} };
  const folder = dir === undefined ? undefined : join(dir, 'transpile');
  const transpilers: { name: string; transpile: Transpiler }[] = [];
  let untaken: TransformOptions | undefined;
  let writable = folder !== undefined;

  const read = (key: string): string | undefined => {
    if (!folder) return undefined;
    let text: string;
    try {
      text = readFileSync(join(folder, `${key}.js`), 'utf8');
    } catch {
      return undefined;
    }
    const nl = text.indexOf('\n');
    if (nl < 0) return undefined;
    const [format, entryKey, digest] = text
      .slice(0, nl)
      .replace(/^\/\/ /, '')
      .split(' ');
    const code = text.slice(nl + 1);
    if (format !== FORMAT || entryKey !== key || digest !== sha256(code)) return undefined;
    return code;
  };

  const write = (key: string, code: string, by: string): void => {
    if (!folder || !writable) return;
    const tmp = join(folder, `.${key}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      mkdirSync(folder, { recursive: true });
      // The transpiler's name after the three fields a reader checks: which path made the entry.
      writeFileSync(tmp, `// ${FORMAT} ${key} ${sha256(code)} ${by}\n${code}`);
      renameSync(tmp, join(folder, `${key}.js`));
      stats.stored++;
    } catch {
      // A read-only or full disk: run without storing, and stop trying for this run.
      writable = false;
      try {
        rmSync(tmp, { force: true });
      } catch {
        // Nothing was written, or the folder is not there to clean.
      }
    }
  };

  return {
    transform(opts) {
      const key = transpileKey(opts);
      const cached = read(key);
      if (cached !== undefined) {
        stats.hits++;
        return { code: cached };
      }
      for (const t of transpilers) {
        const out = t.transpile(opts);
        if (!out) continue;
        stats.misses++;
        stats.by[t.name] = (stats.by[t.name] ?? 0) + 1;
        // A file that does not parse is not stored: its error is reported from a fresh transform each time.
        if (!out.error && !out.code.includes('__JITI_ERROR__')) write(key, out.code, t.name);
        return out;
      }
      untaken = opts;
      throw new TranspilerNotLoaded(opts.filename);
    },
    addTranspiler(name, transpile) {
      transpilers.push({ name, transpile });
      untaken = undefined;
    },
    get needsTranspiler() {
      return untaken !== undefined;
    },
    get untaken() {
      return untaken;
    },
    get transpilers() {
      return transpilers.map((t) => t.name);
    },
    stats,
  };
}

/** The name of the transpiler that made a cache entry, from its first line (undefined: not said). */
export function transpilerOfEntry(text: string): string | undefined {
  const header = text.slice(0, Math.max(0, text.indexOf('\n')));
  return header.startsWith(`// ${FORMAT} `) ? header.split(' ')[4] : undefined;
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}
