/** The checksums of a migration file and of what it imports. */
export interface MigrationChecksums {
    /** Tree checksum, or the file's own when it imports no local file. */
    checksum: string;
    /** `sha256:<hex>` of the migration file alone. */
    fileChecksum: string;
    /** Per-file checksums (the migration by its name), set only when it imports local files. */
    sources?: Record<string, string> | undefined;
}
/** The relative specifiers in a module's text. */
export declare function localSpecifiers(text: string): string[];
/** The file a relative specifier names, as TypeScript and jiti resolve it; undefined when none. */
export declare function resolveLocal(fromFile: string, spec: string): string | undefined;
/** Every local file reachable from a migration file by relative imports, the file itself first. */
export declare function localModulesOf(path: string, read?: (p: string) => string): string[];
/** The checksums recorded for a migration file: the file alone, and the file with its imports. */
export declare function migrationChecksums(path: string, bytes?: Buffer): MigrationChecksums;
