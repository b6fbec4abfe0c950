/** Algorithm tag stored with every checksum, so a later change of algorithm is not drift. */
export declare const CHECKSUM_ALGORITHM = "sha256";
/** `sha256:<hex>` of a migration file's bytes. */
export declare function checksumOf(bytes: Uint8Array | string): string;
/**
 * Whether a recorded checksum disagrees with the current one. A record written by another
 * tool (no checksum) or with another algorithm cannot be compared and is not drift.
 */
export declare function checksumDrifted(recorded: string | undefined, current: string): boolean;
/** The short form shown in comments and tables. */
export declare function shortChecksum(c: string): string;
/** Stable sha256 of a JSON-able value (keys sorted). */
export declare function hashOf(value: unknown): string;
export declare function stableJson(value: unknown): string;
