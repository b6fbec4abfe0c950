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
}

/** Thrown by the cached transform on a miss while no transpiler is loaded yet (see `needsTranspiler`). */
export class TranspilerNotLoaded extends Error {
  constructor(filename: string | undefined) {
    super(`${filename ?? 'source'}: not in the transpile cache and the transpiler is not loaded`);
    this.name = 'TranspilerNotLoaded';
  }
}

export interface TranspileCache {
  /** jiti's `transform` option: the entry for these options and text, else the transpiler's output (stored). */
  transform: (opts: TransformOptions) => TransformResult;
  /** The transpiler used on a miss; until it is set, a miss throws TranspilerNotLoaded. */
  setTranspiler: (transpile: (opts: TransformOptions) => TransformResult) => void;
  /** True once a miss found no transpiler: load one and import the file again. */
  readonly needsTranspiler: boolean;
  readonly hasTranspiler: boolean;
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
  const stats: TranspileCacheStats = { hits: 0, misses: 0, stored: 0 };
  const folder = dir === undefined ? undefined : join(dir, 'transpile');
  let transpiler: ((opts: TransformOptions) => TransformResult) | undefined;
  let needsTranspiler = false;
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

  const write = (key: string, code: string): void => {
    if (!folder || !writable) return;
    const tmp = join(folder, `.${key}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      mkdirSync(folder, { recursive: true });
      writeFileSync(tmp, `// ${FORMAT} ${key} ${sha256(code)}\n${code}`);
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
      if (!transpiler) {
        needsTranspiler = true;
        throw new TranspilerNotLoaded(opts.filename);
      }
      stats.misses++;
      const out = transpiler(opts);
      // A file that does not parse is not stored: its error is reported from a fresh transform each time.
      if (!out.error && !out.code.includes('__JITI_ERROR__')) write(key, out.code);
      return out;
    },
    setTranspiler(t) {
      transpiler = t;
    },
    get needsTranspiler() {
      return needsTranspiler;
    },
    get hasTranspiler() {
      return transpiler !== undefined;
    },
    stats,
  };
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}
