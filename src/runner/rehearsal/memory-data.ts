import { marshall } from '@aws-sdk/util-dynamodb';
import { keyOf, keyString, type PlainItem, sameValue } from '../../core/analyzers/item-diff';
import type { BulkData } from '../../dynamodb/bulk';
import { itemSize } from '../../dynamodb/bulk/item-size';
import type { Item, ItemAction, PassOptions, PassResult, Selection, TransformFn } from '../../dynamodb/bulk/types';

/**
 * `ctx.data` for a rehearsal: the bulk engine's API over items held in memory (a sample read
 * from the table), so a step's transforms run and their effects are recorded, but nothing is
 * sent. What it cannot do in memory it says: a `where` expression is evaluated by DynamoDB on
 * the table as it is (read-only, `whereKeys`), and conditions on writes are taken as met.
 */

/** DynamoDB's item size limit. */
export const ITEM_LIMIT_BYTES = 400 * 1024;

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
  tooLarge: { key: PlainItem; bytes: number }[];
  /** Writes with a condition (taken as met in memory). */
  conditional: number;
}

/** Items by key string. */
export type ItemMap = Map<string, PlainItem>;

export interface MemoryDataOptions {
  keys: { hash: string; sort: string };
  /** Keys (key strings) of the table's items that match a `where` expression, read by DynamoDB. */
  whereKeys: (selection: Selection) => Promise<Set<string>>;
  /** Keys each `once` pass has changed, shared by the runs of one step (what the markers would say). */
  onceMarks?: Map<string, Set<string>> | undefined;
}

/** A fresh record of effects. */
export function noEffects(): MemoryEffects {
  return {
    read: new Set(),
    changed: new Set(),
    setAttributes: new Map(),
    keyChanges: [],
    deleted: [],
    tooLarge: [],
    conditional: 0,
  };
}

/** The in-memory engine over `items` (changed in place), recording into `effects`. */
export function memoryData(items: ItemMap, effects: MemoryEffects, o: MemoryDataOptions): BulkData {
  const { keys } = o;
  const marks = o.onceMarks ?? new Map<string, Set<string>>();
  let passNo = 0;

  const select = async (selection: Selection): Promise<[string, PlainItem][]> => {
    const typeAttr = selection.typeAttribute ?? '_type';
    const types = selection.type === undefined ? undefined : ([] as string[]).concat(selection.type);
    const where = selection.where ? await o.whereKeys(selection) : undefined;
    // A snapshot: items a pass creates are not given to the same pass (a Scan would rarely see them either).
    return [...items.entries()].filter(([k, item]) => {
      if (types && !types.includes(item[typeAttr] as string)) return false;
      if (selection.partition !== undefined && item[keys.hash] !== selection.partition) return false;
      if (selection.sortPrefix !== undefined && !String(item[keys.sort] ?? '').startsWith(selection.sortPrefix))
        return false;
      if (where && !where.has(k)) return false;
      if (selection.filter && !selection.filter(structuredClone(item))) return false;
      return true;
    });
  };

  const result = (pass: string, scanned: number, changed: number): PassResult => ({
    pass,
    status: 'complete',
    counts: { scanned, changed, skipped: scanned - changed, failed: 0 },
    resumed: false,
    segments: { total: 1 },
    durationMs: 0,
    dryRun: false,
  });

  const store = (k: string, before: PlainItem | undefined, after: PlainItem): void => {
    const bytes = itemSize(marshall(after, { removeUndefinedValues: true, convertClassInstanceToMap: true }));
    if (bytes > ITEM_LIMIT_BYTES) effects.tooLarge.push({ key: keyOf(after, keys), bytes });
    if (before) {
      for (const [name, v] of Object.entries(after)) {
        if (v === undefined || sameValue(before[name], v)) continue;
        const list = effects.setAttributes.get(name) ?? [];
        list.push(keyOf(after, keys));
        effects.setAttributes.set(name, list);
      }
    }
    items.set(k, after);
    effects.changed.add(k);
  };

  const apply = (k: string, item: PlainItem, action: Exclude<ItemAction, null | undefined | false | void>): void => {
    if (action.condition) effects.conditional++;
    for (const p of action.put ?? []) {
      const pk = keyString(p, keys);
      store(pk, items.get(pk), structuredClone(p));
    }
    if ('delete' in action && action.delete) {
      items.delete(k);
      effects.changed.add(k);
      effects.deleted.push(keyOf(item, keys));
      return;
    }
    if ('replace' in action && action.replace) {
      const next = structuredClone(action.replace);
      if (keyString(next, keys) !== k) effects.keyChanges.push(keyOf(item, keys));
      else store(k, item, next);
      return;
    }
    const u = action as { set?: Record<string, unknown>; remove?: readonly string[] };
    if (!u.set && !u.remove) return;
    const sets = Object.keys(u.set ?? {});
    if (sets.includes(keys.hash) || (keys.sort && sets.includes(keys.sort))) {
      effects.keyChanges.push(keyOf(item, keys));
      return;
    }
    const next: PlainItem = { ...item };
    for (const [name, v] of Object.entries(u.set ?? {})) {
      if (v === undefined) delete next[name];
      else next[name] = structuredClone(v);
    }
    for (const name of u.remove ?? []) delete next[name];
    store(k, item, next);
  };

  return {
    async transform(selection: Selection, fn: TransformFn, options?: PassOptions): Promise<PassResult> {
      const pass = options?.name ?? `pass-${++passNo}`;
      const once = options?.once ? (marks.get(pass) ?? new Set<string>()) : undefined;
      if (once) marks.set(pass, once);
      const selected = await select(selection);
      let changed = 0;
      for (const [k, item] of selected) {
        effects.read.add(k);
        if (once?.has(k)) continue;
        const action = await fn(structuredClone(item) as Item);
        if (!action) continue;
        apply(k, item, action);
        once?.add(k);
        changed++;
      }
      return result(pass, selected.length, changed);
    },
    async forEach(selection, fn, options): Promise<PassResult> {
      const pass = options?.name ?? `pass-${++passNo}`;
      const selected = await select(selection);
      for (const [k, item] of selected) {
        effects.read.add(k);
        await fn(structuredClone(item) as Item);
      }
      return result(pass, selected.length, 0);
    },
    async count(selection, predicate, options) {
      const selected = await select(selection);
      const examples: Item[] = [];
      let count = 0;
      for (const [k, item] of selected) {
        effects.read.add(k);
        if (predicate && !(await predicate(structuredClone(item) as Item))) continue;
        count++;
        if (examples.length < (options?.exampleLimit ?? 5)) examples.push(keyOf(item, keys) as Item);
      }
      return { count, examples };
    },
  };
}
