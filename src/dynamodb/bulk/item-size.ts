import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/**
 * Approximate stored size of an item in bytes, by DynamoDB's rules (names plus values; numbers
 * about one byte per two digits). Used only to estimate capacity before the response says.
 */
export function itemSize(item: Record<string, AttributeValue>): number {
  let size = 0;
  for (const name in item) size += name.length + valueSize(item[name]!);
  return size;
}

function valueSize(v: AttributeValue): number {
  if (v.S !== undefined) return Buffer.byteLength(v.S);
  if (v.N !== undefined) return Math.ceil(v.N.length / 2) + 1;
  if (v.B !== undefined) return v.B.byteLength;
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (v.SS) return v.SS.reduce((n, s) => n + Buffer.byteLength(s), 0);
  if (v.NS) return v.NS.reduce((n, s) => n + Math.ceil(s.length / 2) + 1, 0);
  if (v.BS) return v.BS.reduce((n, b) => n + b.byteLength, 0);
  if (v.L) return 3 + v.L.reduce((n, x) => n + 1 + valueSize(x), 0);
  if (v.M) return 3 + itemSize(v.M);
  return 0;
}

/** Write units for an item of this size (1 KB each, at least one). */
export function writeUnits(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / 1024));
}
