import type { AttributeValue, BatchStatementRequest } from '@aws-sdk/client-dynamodb';
import type { UpdateStatement } from './write-plan.js';
/** A PartiQL identifier: double-quoted, a double quote inside doubled. */
export declare function quoteName(name: string): string;
/**
 * `UPDATE "table" SET "a" = ? … REMOVE "b" … WHERE "pk" = ? AND "sk" = ?`, with the marker's
 * condition when the pass marks items. A PartiQL UPDATE of an item that does not exist fails
 * its condition instead of creating it, like UpdateItem with `attribute_exists(<hash>)`.
 * Undefined when the text would exceed DynamoDB's limit (the writer then uses UpdateItem).
 */
export declare function updateStatementRequest(table: string, keys: {
    hash: string;
    sort: string;
}, key: Record<string, AttributeValue>, st: UpdateStatement): BatchStatementRequest | undefined;
