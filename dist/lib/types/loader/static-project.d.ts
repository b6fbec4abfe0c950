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
