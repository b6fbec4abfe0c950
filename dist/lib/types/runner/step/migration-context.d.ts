import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Logger } from '../../core/logger.js';
import type { BulkData } from '../../dynamodb/bulk/index.js';
import type { Direction, OneTableSchema } from '../../core/types.js';
/** Parameters of the run, as a migration sees them. */
export interface RunParams {
    /** Nothing may be written: the data engine only counts, and ctx.client refuses writes. */
    dryRun: boolean;
    /**
     * `--sample`: the data engine processes only this percentage of items (deterministic), and
     * the step is recorded applied; `repeat` takes the rest. Not the canary (see `canary`).
     */
    samplePercent?: number | undefined;
    /**
     * The step runs as a canary (its manifest's `canary`, or `--canary`): first on `percent` of
     * the items (`phase: 'canary'`), then, once `verify` passed on them, on the rest (`'rest'`).
     * The data engine takes the right items in each phase; writes made outside `ctx.data` run in
     * both phases, so keep them idempotent.
     */
    canary?: {
        percent: number;
        phase: 'canary' | 'rest';
    } | undefined;
}
/**
 * What `up(ctx)` and `down(ctx)` receive. `client` and `table` are fixed names, so any
 * migration can fall back on the bare SDK.
 */
export interface MigrationContext<Data = BulkData> {
    client: DynamoDBClient;
    table: string;
    keys: {
        hash: string;
        sort: string;
    };
    version: string;
    direction: Direction;
    log: Logger;
    params: RunParams;
    /** OneTable schema of this version and of the one before it (undefined where none). */
    schema: {
        current?: OneTableSchema | undefined;
        previous?: OneTableSchema | undefined;
    };
    /** The bulk data engine: parallel scan, batched writes, checkpoints, rate limits. */
    data: Data;
    /** Aborted when the run must stop (lock lost, deadline); long loops should check it. */
    signal: AbortSignal;
}
/** What a step's `ctx` is made of. */
export interface MigrationContextParts {
    client: DynamoDBClient;
    table: string;
    keys: {
        hash: string;
        sort: string;
    };
    log: Logger;
    data: BulkData;
    signal: AbortSignal;
    params: RunParams;
    schema: MigrationContext['schema'];
}
/** The `ctx` a migration receives, the same on every path that runs a step. */
export declare function migrationContext(step: {
    version: string;
    direction: Direction;
}, parts: MigrationContextParts): MigrationContext;
