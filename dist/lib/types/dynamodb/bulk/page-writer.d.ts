import { type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AbortFanout } from './abort-fanout.js';
import type { AdaptiveRateLimiter } from './rate-limiter.js';
import type { Semaphore } from './semaphore.js';
import type { WritePlan } from './write-plan.js';
type AV = Record<string, AttributeValue>;
/** What the writer shares across every page of a pass. */
export interface WriterContext {
    client: DynamoDBClient;
    table: string;
    keys: {
        hash: string;
        sort: string;
    };
    /** The run's signal, for checks; requests and waits take a signal of their own from `aborts`. */
    signal?: AbortSignal | undefined;
    aborts: AbortFanout;
    limiter: AdaptiveRateLimiter;
    slots: Semaphore;
    stats: WriteStats;
    /** Ask for ReturnConsumedCapacity (the limiter enforces a ceiling and settles in real units). */
    returnCapacity?: boolean | undefined;
    /**
     * Whether in-place updates go 25 to a BatchExecuteStatement (PartiQL UPDATE) instead of one
     * UpdateItem each. Switched off for the rest of the pass when DynamoDB refuses PartiQL (an IAM
     * policy without dynamodb:PartiQLUpdate, an endpoint without it); `onRefused` hears why, once.
     */
    statements?: {
        enabled: boolean;
        onRefused?: ((reason: string) => void) | undefined;
    } | undefined;
}
/** Request-level counters, for the benchmark and debug logs. */
export interface WriteStats {
    requests: number;
    retries: number;
    throttles: number;
    unprocessed: number;
}
/** How one source item's writes ended. */
export type ItemOutcome = 'changed' | 'skipped' | 'failed';
/** One item of a page with its planned writes; `errors` collects why it failed. */
export interface ItemJob {
    plan: WritePlan;
    key: AV;
    pending: number;
    outcome: ItemOutcome;
    error?: unknown;
}
/**
 * Writes one page's items: updates, conditional writes and batched puts first, then deletes,
 * so that an action that moves data into new items and deletes the source can never lose it
 * if the process dies in between. Resolves once every write of the page has settled.
 */
export declare function writePage(ctx: WriterContext, jobs: readonly ItemJob[]): Promise<void>;
export {};
