/** Versions are strict semver (no leading "v"); `reset` is the one named migration. */
export declare const RESET = "reset";
/** OneTable's former name for the reset migration. */
export declare const LEGACY_RESET = "latest";
/** The version of a table with no migration records. */
export declare const ZERO = "0.0.0";
export declare function isVersion(v: string): boolean;
export declare function compareVersions(a: string, b: string): number;
export declare function sortVersions<T>(items: readonly T[], key: (t: T) => string): T[];
export declare function maxVersion(versions: readonly string[]): string | undefined;
/** Next version for `generate --bump`. */
export declare function bumpVersion(current: string, bump: 'major' | 'minor' | 'patch'): string;
