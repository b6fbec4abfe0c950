/**
 * Comparing items as a migration sees them (unmarshalled: strings, numbers, booleans, null,
 * lists, maps, Sets, Uint8Arrays): what the rehearsal's round trip and idempotence checks are
 * made of. Pure.
 */
export type PlainItem = Record<string, unknown>;
/** Deep equality of two attribute values (Sets by members, binaries by bytes, maps by keys). */
export declare function sameValue(a: unknown, b: unknown): boolean;
/** The attributes in which two items differ (present in one only, or with other values). */
export declare function differingAttributes(a: PlainItem, b: PlainItem): string[];
/** How a set of items differs from the one expected. */
export interface ItemsDiff {
    /** Items that differ, are missing or are extra. */
    items: number;
    /** Expected items that are gone. */
    missing: number;
    /** Items that were not expected (created and left behind). */
    extra: number;
    /** Attributes that differ, with how many items differ in each, most first. */
    attributes: {
        attribute: string;
        count: number;
    }[];
    /** Keys of a few items that differ. */
    examples: PlainItem[];
}
/**
 * Compares two sets of items by key (`keyOf` the same for both). `examples` holds the key
 * attributes (`keys`) of the first few items that differ.
 */
export declare function diffItems(expected: ReadonlyMap<string, PlainItem>, actual: ReadonlyMap<string, PlainItem>, keys: {
    hash: string;
    sort: string;
}, exampleLimit?: number): ItemsDiff;
/** The key attributes of an item. */
export declare function keyOf(item: PlainItem, keys: {
    hash: string;
    sort: string;
}): PlainItem;
/** A stable string of an item's key, for maps of items. */
export declare function keyString(item: PlainItem, keys: {
    hash: string;
    sort: string;
}): string;
/** How a diff reads in a finding: `total (3 items), status (1 item)`. */
export declare function describeAttributes(d: Pick<ItemsDiff, 'attributes'>, limit?: number): string;
