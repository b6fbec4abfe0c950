import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Expression, Selection } from './types.js';
/** Hash-key prefixes of bookkeeping items the engine never reads or writes. */
export declare const RESERVED_HASH_PREFIXES: readonly ["_migration", "_schema"];
/** True when a hash key value belongs to the tool's own bookkeeping. */
export declare function isReservedHashKey(value: unknown): boolean;
/** Marshals one value the way an item attribute is marshalled. */
export declare function toAttributeValue(value: unknown): AttributeValue;
/** Accumulates placeholders for one request, keeping ours (`#_…`, `:_…`) apart from the author's. */
export declare class ExpressionBuilder {
    readonly names: Record<string, string>;
    readonly values: Record<string, AttributeValue>;
    private n;
    name(attribute: string): string;
    value(v: unknown): string;
    /** Adds an author's expression, with its own placeholders, and returns its text. */
    include(e: Expression): string;
    /** The request fields, omitting empty maps (DynamoDB rejects them). */
    params(): {
        ExpressionAttributeNames?: Record<string, string>;
        ExpressionAttributeValues?: Record<string, AttributeValue>;
    };
}
/** Joins conditions with AND, each in parentheses. */
export declare function and(parts: readonly (string | undefined)[]): string | undefined;
/**
 * The server-side part of a selection: entity type and the author's filter. Bookkeeping items
 * are left out client-side (the pass checks every item's hash key): they are a handful, while
 * two `NOT begins_with` clauses here would cost the server on every item it reads.
 */
export declare function selectionFilter(b: ExpressionBuilder, selection: Selection): string | undefined;
/** The UpdateExpression for `set` (undefined values remove) and `remove`. */
export declare function updateExpression(b: ExpressionBuilder, set: Record<string, unknown>, remove: readonly string[]): string;
