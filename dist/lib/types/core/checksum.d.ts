/** Algorithm tag stored with every checksum, so a later change of algorithm is not drift. */
export declare const CHECKSUM_ALGORITHM = "sha256";
/** `sha256:<hex>` of a migration file's bytes. */
export declare function checksumOf(bytes: Uint8Array | string): string;
/**
 * Whether a recorded checksum disagrees with the current one. A record written by another
 * tool (no checksum) or with another algorithm cannot be compared and is not drift.
 */
export declare function checksumDrifted(recorded: string | undefined, current: string): boolean;
/**
 * Algorithm tag of a checksum that covers a migration file and the local modules it imports
 * (sha256 over each file's path and sha256, sorted). A file without local imports keeps the
 * plain `sha256:` checksum of its bytes, the same as records written by earlier releases.
 */
export declare const TREE_ALGORITHM = "sha256-tree";
/**
 * The checksum of a migration and what it imports. `sources` maps each file's path (relative to
 * the migration's folder, `/` separators; the migration itself by its name) to `sha256:<hex>` of
 * its bytes. With no other file than the migration, this is the migration's own checksum.
 */
export declare function treeChecksumOf(main: string, sources: Readonly<Record<string, string>>): string;
/** What a checksum comparison needs of a migration as it is now. */
export interface CurrentChecksums {
    /** The checksum recorded by this release (tree form when the migration imports local files). */
    checksum: string;
    /** `sha256:<hex>` of the migration file alone (what earlier releases recorded). */
    fileChecksum?: string | undefined;
    /** Per-file checksums, when the migration imports local files. */
    sources?: Readonly<Record<string, string>> | undefined;
}
/** How an applied migration differs from the files now. */
export interface ChecksumDrift {
    /** The files that changed, were added or removed, when the record says which files it covered. */
    changed: string[];
    /** The record holds a file-only checksum (an earlier release's): compared with the file alone. */
    fileOnly: boolean;
}
/**
 * Whether a recorded checksum disagrees with the migration as it is now. A file-only record
 * (`sha256:`, earlier releases) is compared with the migration file alone; a tree record with
 * the file and its imports, naming the files that changed when the record lists them. A record
 * without a checksum (OneTable's) or with an unknown algorithm is not drift.
 */
export declare function checksumDrift(recorded: {
    checksum?: string | undefined;
    sources?: Readonly<Record<string, string>> | undefined;
}, current: CurrentChecksums): ChecksumDrift | undefined;
/** The short form shown in comments and tables. */
export declare function shortChecksum(c: string): string;
/** Stable sha256 of a JSON-able value (keys sorted). */
export declare function hashOf(value: unknown): string;
export declare function stableJson(value: unknown): string;
