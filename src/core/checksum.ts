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
