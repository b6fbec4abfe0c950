import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Logger } from '../core/logger.js';
import type { OneTableSchema } from '../core/types.js';
import { type ValidationReport } from '../core/validate.js';
/** How `validate` reads the table. */
export interface ValidateOptions {
    /** Read this percentage of the items (the engine's deterministic sample). */
    samplePercent?: number | undefined;
    /** Read units per second at most. */
    readRate?: number | undefined;
    /** Check against this migration version's schema instead of the one stored in the table. */
    version?: string | undefined;
}
/**
 * Scans a table with the bulk engine (parallel segments, rate-limited, progress on a TTY,
 * read-only) and checks every item against a OneTable schema (core/validate.ts).
 */
export declare function validateTable(o: {
    client: DynamoDBClient;
    table: string;
    keys: {
        hash: string;
        sort: string;
    };
    schema: OneTableSchema;
    options: ValidateOptions;
    log: Logger;
    signal?: AbortSignal | undefined;
}): Promise<ValidationReport>;
