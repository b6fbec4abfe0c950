import { type Manifest } from '../core/manifest.js';
import type { MigrationSource } from '../core/types.js';
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
export declare function loadProject(manifestPath: string): Promise<Project>;
/**
 * Lint: every problem in the manifest and the migration files, reported together. When the
 * manifest itself is invalid, the files beside it are still checked.
 */
export declare function lintProject(manifestPath: string): Promise<{
    problems: string[];
    project?: Project;
}>;
/**
 * Which transpilers a miss may use: `strip` (Node's type stripping, strip-transform.ts) then
 * `babel` (jiti's), or only `babel` when DYNAMODB_MIGRATE_TRANSPILER=babel says so (to compare
 * the two, or to step around the light path).
 */
export declare function transpilerOrder(env?: NodeJS.ProcessEnv): ('strip' | 'babel')[];
