import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { ItemAction } from './types.js';
type AV = Record<string, AttributeValue>;
/** A conditional single-item request (UpdateItem, PutItem or DeleteItem) for one source item. */
export interface ConditionalWrite {
    kind: 'update' | 'put' | 'delete';
    key: AV;
    item?: AV;
    updateExpression?: string;
    conditionExpression?: string;
    names?: Record<string, string>;
    values?: Record<string, AttributeValue>;
    /** The condition includes the pass marker: a failure on a retry means our first attempt landed. */
    marked: boolean;
    /** The item as read, to estimate the write's capacity (an update costs the larger of before and after). */
    source?: AV;
    /**
     * The same update as the parts of a PartiQL UPDATE, when it can be one: no author condition
     * (expression-language conditions do not translate), top-level attributes only. Sent 25 to a
     * BatchExecuteStatement; the writer falls back to UpdateItem where PartiQL is refused.
     */
    statement?: UpdateStatement;
    /**
     * Builds the UpdateItem form (updateExpression, conditionExpression, names, values) when it
     * was left for later: an in-place update goes as a PartiQL statement, and building an
     * expression it would not use cost a second marshalling of every value (a tenth of the
     * client's CPU of ours, by profile). The writer calls it before an UpdateItem; once.
     */
    expand?: (() => void) | undefined;
}
/** A PartiQL UPDATE of one item: `SET` these, `REMOVE` those, on the key, if it exists (and is unmarked). */
export interface UpdateStatement {
    set: [string, AttributeValue][];
    remove: string[];
    marker?: {
        attribute: string;
        token: string;
    } | undefined;
}
/** What one item's action turns into. */
export interface WritePlan {
    /** The write to the source item itself, batched when unconditional. */
    own?: {
        batch: {
            put: AV;
        } | {
            delete: AV;
        };
    } | {
        single: ConditionalWrite;
    } | undefined;
    /** New items, always batched puts, written before any delete of the page. */
    puts: AV[];
    deletes: boolean;
}
/** Thrown for an action the engine cannot carry out; the item counts as failed. */
export declare class ActionError extends Error {
    name: string;
}
/**
 * How `set`/`remove` updates are written unless a pass says otherwise: in place, touching only
 * the named attributes, so never overwriting what the application wrote to the item after we
 * read it; batched as PartiQL UPDATE statements (see PassOptions.updates).
 */
export declare const DEFAULT_UPDATES: "in-place";
/** The write modes of PassOptions.updates. */
export type UpdateMode = 'in-place' | 'update-item' | 'rewrite';
/**
 * Turns an author's action into requests. An update goes, by default, through UpdateItem with
 * `attribute_exists(<hash>)`, so an item deleted by the application since it was read is not
 * resurrected as a fragment; with `updates: 'rewrite'` an unconditional one is applied to the
 * item as read and written back in a batch instead (see PassOptions.updates).
 */
export declare function planWrites(source: AV, action: ItemAction, keys: {
    hash: string;
    sort: string;
}, marker: {
    attribute: string;
    token: string;
} | undefined, updates?: UpdateMode): WritePlan | undefined;
export {};
