import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { and, ExpressionBuilder, isReservedHashKey, toAttributeValue, updateExpression } from './expressions';
import type { Expression, Item, ItemAction } from './types';

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
  marker?: { attribute: string; token: string } | undefined;
}

/** What one item's action turns into. */
export interface WritePlan {
  /** The write to the source item itself, batched when unconditional. */
  own?: { batch: { put: AV } | { delete: AV } } | { single: ConditionalWrite } | undefined;
  /** New items, always batched puts, written before any delete of the page. */
  puts: AV[];
  deletes: boolean;
}

/** Thrown for an action the engine cannot carry out; the item counts as failed. */
export class ActionError extends Error {
  override name = 'ActionError';
}

const MARSHALL = { removeUndefinedValues: true, convertClassInstanceToMap: true } as const;

/**
 * How `set`/`remove` updates are written unless a pass says otherwise: in place, touching only
 * the named attributes, so never overwriting what the application wrote to the item after we
 * read it; batched as PartiQL UPDATE statements (see PassOptions.updates).
 */
export const DEFAULT_UPDATES = 'in-place' as const;

/** The write modes of PassOptions.updates. */
export type UpdateMode = 'in-place' | 'update-item' | 'rewrite';

/**
 * Turns an author's action into requests. An update goes, by default, through UpdateItem with
 * `attribute_exists(<hash>)`, so an item deleted by the application since it was read is not
 * resurrected as a fragment; with `updates: 'rewrite'` an unconditional one is applied to the
 * item as read and written back in a batch instead (see PassOptions.updates).
 */
export function planWrites(
  source: AV,
  action: ItemAction,
  keys: { hash: string; sort: string },
  marker: { attribute: string; token: string } | undefined,
  updates: UpdateMode = DEFAULT_UPDATES,
): WritePlan | undefined {
  if (!action) return undefined;
  const key: AV = { [keys.hash]: source[keys.hash]!, [keys.sort]: source[keys.sort]! };
  const puts = (action.put ?? []).map((p) => checkedItem(p, keys));
  if ('delete' in action && action.delete) {
    const own = action.condition
      ? { single: conditional('delete', key, action.condition, keys, undefined) }
      : { batch: { delete: key } };
    return { own, puts, deletes: true };
  }
  if ('replace' in action && action.replace) {
    const item = checkedItem(marker ? { ...action.replace, [marker.attribute]: marker.token } : action.replace, keys);
    if (item[keys.hash]?.S !== key[keys.hash]?.S || item[keys.sort]?.S !== key[keys.sort]?.S)
      throw new ActionError('replace must keep the item key; to move an item, return { put: [newItem], delete: true }');
    if (!action.condition && !marker) return { own: { batch: { put: item } }, puts, deletes: false };
    const write = conditional('put', key, action.condition, keys, marker);
    write.item = item;
    return { own: { single: write }, puts, deletes: false };
  }
  const set = (action as { set?: Record<string, unknown> }).set ?? {};
  const remove = (action as { remove?: readonly string[] }).remove ?? [];
  if (Object.keys(set).length === 0 && remove.length === 0) {
    // Only new items: the source stays as it is.
    return puts.length ? { puts, deletes: false } : undefined;
  }
  for (const attr of [...Object.keys(set), ...remove])
    if (attr === keys.hash || attr === keys.sort)
      throw new ActionError(`cannot update key attribute '${attr}'; put a new item and delete this one`);
  const condition = (action as { condition?: Expression }).condition;
  if (updates === 'rewrite' && !condition && !marker)
    return { own: { batch: { put: rewritten(source, set, remove) } }, puts, deletes: false };
  if (updates === 'in-place' && !condition) {
    const write: ConditionalWrite = {
      kind: 'update',
      key,
      marked: !!marker,
      source,
      statement: updateStatement(set, remove, marker),
    };
    write.expand = () => {
      write.expand = undefined;
      Object.assign(write, updateItemWrite(key, set, remove, undefined, keys, marker));
    };
    return { own: { single: write }, puts, deletes: false };
  }
  const write = updateItemWrite(key, set, remove, condition, keys, marker);
  write.source = source;
  return { own: { single: write }, puts, deletes: false };
}

/** An UpdateItem of `set`/`remove`, only if the item exists (and is unmarked, and meets the author's condition). */
function updateItemWrite(
  key: AV,
  set: Record<string, unknown>,
  remove: readonly string[],
  condition: Expression | undefined,
  keys: { hash: string; sort: string },
  marker: { attribute: string; token: string } | undefined,
): ConditionalWrite {
  // One builder for condition and update, so their placeholders never clash.
  const b = new ExpressionBuilder();
  const write = conditional('update', key, condition, keys, marker, b);
  write.updateExpression = updateExpression(b, marker ? { ...set, [marker.attribute]: marker.token } : set, remove);
  return write;
}

function conditional(
  kind: ConditionalWrite['kind'],
  key: AV,
  condition: Expression | undefined,
  keys: { hash: string; sort: string },
  marker: { attribute: string; token: string } | undefined,
  b = new ExpressionBuilder(),
): ConditionalWrite {
  const parts: string[] = [];
  if (kind !== 'delete') parts.push(`attribute_exists(${b.name(keys.hash)})`);
  if (marker) {
    const m = b.name(marker.attribute);
    parts.push(`attribute_not_exists(${m}) OR ${m} <> ${b.value(marker.token)}`);
  }
  if (condition) parts.push(b.include(condition));
  const expr = and(parts);
  return {
    kind,
    key,
    ...(expr ? { conditionExpression: expr } : {}),
    // Shared with the builder: an update adds its own placeholders afterwards.
    names: b.names,
    values: b.values,
    marked: !!marker,
  };
}

function updateStatement(
  set: Record<string, unknown>,
  remove: readonly string[],
  marker: { attribute: string; token: string } | undefined,
): UpdateStatement {
  const out: UpdateStatement = { set: [], remove: [...remove], marker };
  for (const [attr, value] of Object.entries(set)) {
    if (value === undefined) out.remove.push(attr);
    else out.set.push([attr, toAttributeValue(value)]);
  }
  if (marker) out.set.push([marker.attribute, toAttributeValue(marker.token)]);
  return out;
}

/** The item as read with the update applied, for a batched put. */
function rewritten(source: AV, set: Record<string, unknown>, remove: readonly string[]): AV {
  const item: AV = { ...source };
  for (const [attr, value] of Object.entries(set)) {
    if (value === undefined) delete item[attr];
    else item[attr] = toAttributeValue(value);
  }
  for (const attr of remove) delete item[attr];
  return item;
}

function checkedItem(item: Item, keys: { hash: string; sort: string }): AV {
  const av = marshall(item, MARSHALL) as AV;
  if (!av[keys.hash] || !av[keys.sort])
    throw new ActionError(`an item to put has no '${keys.hash}'/'${keys.sort}' key`);
  if (isReservedHashKey(item[keys.hash]))
    throw new ActionError(
      `items under '${String(item[keys.hash])}' are the tool's bookkeeping and cannot be written by a migration`,
    );
  return av;
}
