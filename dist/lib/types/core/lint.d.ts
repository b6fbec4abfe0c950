import type { Problem } from './errors.js';
import type { Manifest } from './manifest.js';
import type { MigrationSource } from './types.js';
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
export declare function stemOf(base: string): string;
/** Whether a file name starts with the version it declares: `<version>[-slug].<ext>`, or `reset[-slug]`. */
export declare function fileNameMatches(base: string, version: string): boolean;
/** The x.y.z a file name starts with, for messages. */
export declare function versionFromFileName(base: string): string | undefined;
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
export declare function lintMigrations(files: readonly MigrationFileInfo[]): LintResult;
/**
 * Checks each environment against the folder and the others: its target exists, and
 * environments that may be replicas of one global table agree on its home region.
 */
export declare function lintTargets(manifest: Manifest, manifestFile: string, migrations: readonly MigrationSource[]): Problem[];
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
export declare function lintGlobalTables(manifest: Manifest, manifestFile: string): Problem[];
