import { type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ItemCounts } from '../../core/types.js';
/** Hash key of checkpoint items; starts with `_migration`, so no pass ever selects them. */
export declare const CHECKPOINT_HASH = "_migration_checkpoint";
/** Where one segment of one pass got to. */
export interface SegmentCheckpoint {
    segment: number;
    total: number;
    /** The LastEvaluatedKey after the last fully written page; absent before the first. */
    lastKey?: Record<string, AttributeValue> | undefined;
    done: boolean;
    counts: ItemCounts;
}
/** The checkpoints of one pass of a step, summed over its segments. */
export interface PassProgress {
    /** `<pass>:<range>` */
    pass: string;
    /** Segments of the pass. */
    total: number;
    /** Segments with a checkpoint, and those finished. */
    started: number;
    done: number;
    counts: ItemCounts;
    /** The newest checkpoint's time (epoch ms). */
    updatedAt: number;
}
/**
 * Checkpoints of one step, stored in the migrated table as
 * `_migration_checkpoint` / `<version>:<direction>:<pass>:<range>:<segment>/<total>`, one item
 * per segment so that segments run by different processes never contend. `<range>` is the
 * slice of the sample space the run takes (`0-100` for a full run), so a canary's checkpoints
 * never mix with the full run's.
 *
 * Checkpoints belong to one attempt of the step: the runner discards what earlier attempts
 * left ({@link discardEarlierAttempts}) whenever it starts the step afresh rather than
 * resuming it, so checkpoints that outlived their step's record (a run that died between
 * recording the step and deleting them) can never make a later run skip items. A canary's
 * progress (`<version>:<direction>:<pass>:sampled`) is the one thing a later attempt may
 * continue: the full run after a canary takes only the rest of the sample space.
 *
 * The attempt itself is recorded as `<version>:<direction>:attempt` (attribute `attempt`, an id
 * the runner draws when it starts the step afresh): `once` passes put it in their marker
 * tokens, so a resume of the attempt (which reads it back) skips the items the attempt already
 * changed, and a later attempt, with an id of its own, changes them again.
 */
export declare class CheckpointStore {
    private readonly client;
    private readonly table;
    private readonly keys;
    /** `<version>:<direction>`. */
    private readonly scope;
    /** Segments save at once: each request hears the run's signal through one shared listener. */
    private readonly aborts;
    constructor(client: DynamoDBClient, table: string, keys: {
        hash: string;
        sort: string;
    }, 
    /** `<version>:<direction>`. */
    scope: string, signal?: AbortSignal);
    /** Every checkpoint saved for this pass and range. */
    list(pass: string, range: string): Promise<SegmentCheckpoint[]>;
    save(pass: string, range: string, cp: SegmentCheckpoint): Promise<void>;
    /** How much of the sample space earlier canary runs of this pass finished (0 when none). */
    sampledUpTo(pass: string): Promise<number>;
    /**
     * Records how much of the sample space a canary run of this pass covered, or, with
     * `finished`, that the full run after the canaries has covered the rest: that progress then
     * serves only a resume of the same attempt, never a later attempt.
     */
    recordSampled(pass: string, percent: number, opts?: {
        finished?: boolean;
    }): Promise<void>;
    /**
     * Keeps the first failure of a segment of this attempt (`<version>:<direction>:failure`): a
     * Distributed Map only reports that a child failed, so the step's outcome reads it here.
     * `checkpointed`: the segment stopped at its checkpoints (its pass's items failed), so a resume
     * continues from them.
     */
    recordFailure(message: string, opts?: {
        checkpointed?: boolean;
    }): Promise<void>;
    /** Forgets a segment's failure once the step's outcome carries it (a resume keeps the checkpoints, not the failure). */
    clearFailure(): Promise<void>;
    /** The failure a segment of this attempt recorded, if any. */
    failure(): Promise<{
        message: string;
        checkpointed: boolean;
    } | undefined>;
    /** The id of the attempt these checkpoints belong to; undefined when none was recorded. */
    attempt(): Promise<string | undefined>;
    /** Records the id of a fresh attempt of the step (after {@link discardEarlierAttempts}). */
    recordAttempt(id: string): Promise<void>;
    /**
     * Every segment checkpoint of this step, by pass (`<pass>:<range>`), in the order the passes
     * were first saved: what a caller watching a fanned-out step reads for its items, rate and ETA.
     * `consistent: false` for a watch, which reads every checkpoint every few seconds: half the
     * read units, and a second-old figure is as good; the step's final counts read consistently.
     */
    progress(opts?: {
        consistent?: boolean;
    }): Promise<PassProgress[]>;
    /** Deletes every checkpoint and sample record of this step (after it is recorded). */
    clear(): Promise<number>;
    /**
     * Before a fresh (not resumed) attempt of the step: deletes every checkpoint earlier attempts
     * left. With `keepCanary`, a canary's progress that no full run has finished yet is kept, so
     * that this attempt processes only the rest of the sample space.
     */
    discardEarlierAttempts(opts: {
        keepCanary: boolean;
    }): Promise<number>;
    private deleteItems;
    private query;
    private key;
    /** Sends with retries; `call` gets the send options carrying this request's own abort signal. */
    private retry;
}
