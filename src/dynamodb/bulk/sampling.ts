import { createHash } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/**
 * Where an item falls in [0, 100), from a hash of its key. Stable across runs and machines,
 * so a canary of p% and the full run after it agree on which items the canary took.
 */
export function sampleBucket(item: Record<string, AttributeValue>, keys: { hash: string; sort: string }): number {
  const digest = createHash('md5')
    .update(JSON.stringify(item[keys.hash] ?? null))
    .update('\u0000')
    .update(JSON.stringify(item[keys.sort] ?? null))
    .digest();
  return (digest.readUInt32BE(0) / 0x1_0000_0000) * 100;
}

/** The items a run takes: those with `from <= bucket < to` (percentages). */
export interface SampleRange {
  from: number;
  to: number;
}

export function inSample(bucket: number, range: SampleRange): boolean {
  return bucket >= range.from && bucket < range.to;
}
