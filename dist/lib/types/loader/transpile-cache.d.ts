import type { TransformOptions, TransformResult } from 'jiti';
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
export declare function transpileCacheDir(env?: NodeJS.ProcessEnv, home?: string): string | undefined;
/**
 * The key of one transform: this tool's and jiti's versions (the transform's code), every
 * option jiti passes (file name, module kind, source maps, ...) and the file's text. Two runs
 * share an entry only when they would compute the same output.
 */
export declare function transpileKey(opts: TransformOptions, versions?: {
    tool: string;
    jiti: string;
}): string;
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
export declare class TranspilerNotLoaded extends Error {
    constructor(filename: string | undefined);
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
export declare function openTranspileCache(dir: string | undefined): TranspileCache;
/** The name of the transpiler that made a cache entry, from its first line (undefined: not said). */
export declare function transpilerOfEntry(text: string): string | undefined;
