import type { AttributeValue } from '@aws-sdk/client-dynamodb';
/**
 * Where an item falls in [0, 100), from a hash of its key. Stable across runs and machines,
 * so a canary of p% and the full run after it agree on which items the canary took.
 */
export declare function sampleBucket(item: Record<string, AttributeValue>, keys: {
    hash: string;
    sort: string;
}): number;
/** The items a run takes: those with `from <= bucket < to` (percentages). */
export interface SampleRange {
    from: number;
    to: number;
}
export declare function inSample(bucket: number, range: SampleRange): boolean;
