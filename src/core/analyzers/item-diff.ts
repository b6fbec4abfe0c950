/**
 * Comparing items as a migration sees them (unmarshalled: strings, numbers, booleans, null,
 * lists, maps, Sets, Uint8Arrays): what the rehearsal's round trip and idempotence checks are
 * made of. Pure.
 */

export type PlainItem = Record<string, unknown>;

/** Deep equality of two attribute values (Sets by members, binaries by bytes, maps by keys). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a === 'bigint' || typeof b === 'bigint') return String(a) === String(b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    if (!(a instanceof Uint8Array && b instanceof Uint8Array) || a.length !== b.length) return false;
    return a.every((x, i) => x === b[i]);
  }
  if (a instanceof Set || b instanceof Set) {
    if (!(a instanceof Set && b instanceof Set) || a.size !== b.size) return false;
    for (const x of a) if (![...b].some((y) => sameValue(x, y))) return false;
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!(Array.isArray(a) && Array.isArray(b)) || a.length !== b.length) return false;
    return a.every((x, i) => sameValue(x, b[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as PlainItem)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as PlainItem)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as PlainItem)[k], (b as PlainItem)[k]));
}

/** The attributes in which two items differ (present in one only, or with other values). */
export function differingAttributes(a: PlainItem, b: PlainItem): string[] {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].filter((n) => !sameValue(a[n], b[n])).sort();
}

/** How a set of items differs from the one expected. */
export interface ItemsDiff {
  /** Items that differ, are missing or are extra. */
  items: number;
  /** Expected items that are gone. */
  missing: number;
  /** Items that were not expected (created and left behind). */
  extra: number;
  /** Attributes that differ, with how many items differ in each, most first. */
  attributes: { attribute: string; count: number }[];
  /** Keys of a few items that differ. */
  examples: PlainItem[];
}

/**
 * Compares two sets of items by key (`keyOf` the same for both). `examples` holds the key
 * attributes (`keys`) of the first few items that differ.
 */
export function diffItems(
  expected: ReadonlyMap<string, PlainItem>,
  actual: ReadonlyMap<string, PlainItem>,
  keys: { hash: string; sort: string },
  exampleLimit = 5,
): ItemsDiff {
  const counts = new Map<string, number>();
  const examples: PlainItem[] = [];
  let items = 0;
  let missing = 0;
  let extra = 0;
  const note = (item: PlainItem, attrs: readonly string[]) => {
    items++;
    for (const a of attrs) counts.set(a, (counts.get(a) ?? 0) + 1);
    if (examples.length < exampleLimit) examples.push(keyOf(item, keys));
  };
  for (const [k, want] of expected) {
    const got = actual.get(k);
    if (!got) {
      missing++;
      note(want, ['(item deleted)']);
    } else {
      const attrs = differingAttributes(want, got);
      if (attrs.length) note(want, attrs);
    }
  }
  for (const [k, got] of actual) {
    if (!expected.has(k)) {
      extra++;
      note(got, ['(item added)']);
    }
  }
  return {
    items,
    missing,
    extra,
    attributes: [...counts.entries()]
      .map(([attribute, count]) => ({ attribute, count }))
      .sort((a, b) => b.count - a.count || a.attribute.localeCompare(b.attribute)),
    examples,
  };
}

/** The key attributes of an item. */
export function keyOf(item: PlainItem, keys: { hash: string; sort: string }): PlainItem {
  return { [keys.hash]: item[keys.hash], ...(keys.sort ? { [keys.sort]: item[keys.sort] } : {}) };
}

/** A stable string of an item's key, for maps of items. */
export function keyString(item: PlainItem, keys: { hash: string; sort: string }): string {
  return JSON.stringify([item[keys.hash] ?? null, keys.sort ? (item[keys.sort] ?? null) : null]);
}

/** How a diff reads in a finding: `total (3 items), status (1 item)`. */
export function describeAttributes(d: Pick<ItemsDiff, 'attributes'>, limit = 5): string {
  const shown = d.attributes.slice(0, limit).map((a) => `${a.attribute} (${a.count})`);
  return d.attributes.length > limit ? `${shown.join(', ')}, …` : shown.join(', ');
}
