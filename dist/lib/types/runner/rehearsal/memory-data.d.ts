import { type PlainItem } from '../../core/analyzers/item-diff.js';
import type { BulkData } from '../../dynamodb/bulk/index.js';
import type { Selection } from '../../dynamodb/bulk/types.js';
/**
 * `ctx.data` for a rehearsal: the bulk engine's API over items held in memory (a sample read
 * from the table), so a step's transforms run and their effects are recorded, but nothing is
 * sent. What it cannot do in memory it says: a `where` expression is evaluated by DynamoDB on
 * the table as it is (read-only, `whereKeys`), and conditions on writes are taken as met.
 */
/** DynamoDB's item size limit. */
export declare const ITEM_LIMIT_BYTES: number;
/** What the transforms of one run (up or down) did, for the dynamic rules. */
export interface MemoryEffects {
    /** Items a transform or forEach was given. */
    read: Set<string>;
    /** Items changed, created or deleted. */
    changed: Set<string>;
    /** Attribute -> items in which a transform set it to a new value. */
    setAttributes: Map<string, PlainItem[]>;
    /** Items that a transform tried to move to another key (set a key attribute, or replace with another key). */
    keyChanges: PlainItem[];
    /** Items deleted. */
    deleted: PlainItem[];
    /** Items that would pass the 400 KB limit, with their size. */
    tooLarge: {
        key: PlainItem;
        bytes: number;
    }[];
    /** Writes with a condition (taken as met in memory). */
    conditional: number;
}
/** Items by key string. */
export type ItemMap = Map<string, PlainItem>;
export interface MemoryDataOptions {
    keys: {
        hash: string;
        sort: string;
    };
    /** Keys (key strings) of the table's items that match a `where` expression, read by DynamoDB. */
    whereKeys: (selection: Selection) => Promise<Set<string>>;
    /** Keys each `once` pass has changed, shared by the runs of one step (what the markers would say). */
    onceMarks?: Map<string, Set<string>> | undefined;
}
/** A fresh record of effects. */
export declare function noEffects(): MemoryEffects;
/** The in-memory engine over `items` (changed in place), recording into `effects`. */
export declare function memoryData(items: ItemMap, effects: MemoryEffects, o: MemoryDataOptions): BulkData;
