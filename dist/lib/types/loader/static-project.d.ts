import type { Project } from './load-project.js';
/** One migration file as a bundle carries it: imported statically, checksummed at build time. */
export interface StaticMigrationModule {
    /** Path relative to the manifest's folder, e.g. `migrations/1.2.0-pack-email.ts`. */
    file: string;
    /**
     * `sha256:<hex>` of the original file's bytes, computed when the bundle was built: the
     * bundled code is not the file, and records must carry the checksum the CLI would write.
     */
    checksum: string;
    /** `sha256:<hex>` of the file alone, when `checksum` also covers its local imports. */
    fileChecksum?: string | undefined;
    /** Per-file checksums of the file and its local imports, when it has any. */
    sources?: Record<string, string> | undefined;
    /** The module namespace (`import * as m`) or its default export. */
    module: unknown;
}
/**
 * Builds a Project from migrations that were imported statically (the Lambda controller's
 * bundle) instead of read from a folder at run time. Runs the same lint as `loadProject`,
 * so a bundle with a bad migration fails at its first invocation with the same message.
 */
export declare function projectFromModules(manifest: unknown, modules: readonly StaticMigrationModule[], opts?: {
    manifestPath?: string;
    dir?: string;
}): Project;
