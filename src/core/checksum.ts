import { createHash } from 'node:crypto';

/** Algorithm tag stored with every checksum, so a later change of algorithm is not drift. */
export const CHECKSUM_ALGORITHM = 'sha256';

/** `sha256:<hex>` of a migration file's bytes. */
export function checksumOf(bytes: Uint8Array | string): string {
  return `${CHECKSUM_ALGORITHM}:${createHash('sha256').update(bytes).digest('hex')}`;
}

/**
 * Whether a recorded checksum disagrees with the current one. A record written by another
 * tool (no checksum) or with another algorithm cannot be compared and is not drift.
 */
export function checksumDrifted(recorded: string | undefined, current: string): boolean {
  if (!recorded) return false;
  const [algo] = recorded.split(':');
  const [currentAlgo] = current.split(':');
  if (algo !== currentAlgo) return false;
  return recorded !== current;
}

/**
 * Algorithm tag of a checksum that covers a migration file and the local modules it imports
 * (sha256 over each file's path and sha256, sorted). A file without local imports keeps the
 * plain `sha256:` checksum of its bytes, the same as records written by earlier releases.
 */
export const TREE_ALGORITHM = 'sha256-tree';

/**
 * The checksum of a migration and what it imports. `sources` maps each file's path (relative to
 * the migration's folder, `/` separators; the migration itself by its name) to `sha256:<hex>` of
 * its bytes. With no other file than the migration, this is the migration's own checksum.
 */
export function treeChecksumOf(main: string, sources: Readonly<Record<string, string>>): string {
  const names = Object.keys(sources).sort();
  if (names.length <= 1) return sources[names[0] ?? ''] ?? main;
  const h = createHash('sha256');
  for (const n of names) h.update(`${n}\0${sources[n]}\n`);
  return `${TREE_ALGORITHM}:${h.digest('hex')}`;
}

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
export function checksumDrift(
  recorded: { checksum?: string | undefined; sources?: Readonly<Record<string, string>> | undefined },
  current: CurrentChecksums,
): ChecksumDrift | undefined {
  const r = recorded.checksum;
  if (!r) return undefined;
  const algo = r.slice(0, r.indexOf(':'));
  if (algo === CHECKSUM_ALGORITHM) {
    const file = current.fileChecksum ?? current.checksum;
    if (r === file) return undefined;
    return { changed: [], fileOnly: current.checksum.startsWith(`${TREE_ALGORITHM}:`) };
  }
  if (algo !== TREE_ALGORITHM || r === current.checksum) return undefined;
  const before = recorded.sources ?? {};
  const now = current.sources ?? {};
  const names = [...new Set([...Object.keys(before), ...Object.keys(now)])].sort();
  const changed = recorded.sources ? names.filter((n) => before[n] !== now[n]) : [];
  return { changed, fileOnly: false };
}

/** The short form shown in comments and tables. */
export function shortChecksum(c: string): string {
  const hex = c.includes(':') ? c.slice(c.indexOf(':') + 1) : c;
  return hex.slice(0, 8);
}

/** Stable sha256 of a JSON-able value (keys sorted). */
export function hashOf(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}

export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
