import semver from 'semver';

/** Versions are strict semver (no leading "v"); `reset` is the one named migration. */
export const RESET = 'reset';
/** OneTable's former name for the reset migration. */
export const LEGACY_RESET = 'latest';
/** The version of a table with no migration records. */
export const ZERO = '0.0.0';

export function isVersion(v: string): boolean {
  return semver.valid(v) === v;
}

export function compareVersions(a: string, b: string): number {
  return semver.compare(a, b);
}

export function sortVersions<T>(items: readonly T[], key: (t: T) => string): T[] {
  return [...items].sort((x, y) => compareVersions(key(x), key(y)));
}

export function maxVersion(versions: readonly string[]): string | undefined {
  const valid = versions.filter(isVersion);
  return valid.length ? valid.reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b)) : undefined;
}

/** Next version for `generate --bump`. */
export function bumpVersion(current: string, bump: 'major' | 'minor' | 'patch'): string {
  const next = semver.inc(current, bump);
  if (!next) throw new Error(`cannot bump ${current}`);
  return next;
}
