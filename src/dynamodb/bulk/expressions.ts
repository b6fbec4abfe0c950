import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Expression, Selection } from './types';

/** Hash-key prefixes of bookkeeping items the engine never reads or writes. */
export const RESERVED_HASH_PREFIXES = ['_migration', '_schema'] as const;

/** True when a hash key value belongs to the tool's own bookkeeping. */
export function isReservedHashKey(value: unknown): boolean {
  return typeof value === 'string' && RESERVED_HASH_PREFIXES.some((p) => value.startsWith(p));
}

const MARSHALL = { removeUndefinedValues: true, convertClassInstanceToMap: true } as const;

/** Marshals one value the way an item attribute is marshalled. */
export function toAttributeValue(value: unknown): AttributeValue {
  const wrapped = marshall({ v: value }, MARSHALL);
  return wrapped.v as AttributeValue;
}

/** Accumulates placeholders for one request, keeping ours (`#_…`, `:_…`) apart from the author's. */
export class ExpressionBuilder {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, AttributeValue> = {};
  private n = 0;

  name(attribute: string): string {
    const key = `#_${this.n++}`;
    this.names[key] = attribute;
    return key;
  }

  value(v: unknown): string {
    const key = `:_${this.n++}`;
    this.values[key] = toAttributeValue(v);
    return key;
  }

  /** Adds an author's expression, with its own placeholders, and returns its text. */
  include(e: Expression): string {
    Object.assign(this.names, e.names ?? {});
    for (const [k, v] of Object.entries(e.values ?? {})) this.values[k] = toAttributeValue(v);
    return e.expression;
  }

  /** The request fields, omitting empty maps (DynamoDB rejects them). */
  params(): {
    ExpressionAttributeNames?: Record<string, string>;
    ExpressionAttributeValues?: Record<string, AttributeValue>;
  } {
    return {
      ...(Object.keys(this.names).length ? { ExpressionAttributeNames: this.names } : {}),
      ...(Object.keys(this.values).length ? { ExpressionAttributeValues: this.values } : {}),
    };
  }
}

/** Joins conditions with AND, each in parentheses. */
export function and(parts: readonly (string | undefined)[]): string | undefined {
  const present = parts.filter((p): p is string => !!p);
  if (present.length === 0) return undefined;
  return present.length === 1 ? present[0] : present.map((p) => `(${p})`).join(' AND ');
}

/**
 * The server-side part of a selection: entity type and the author's filter. Bookkeeping items
 * are left out client-side (the pass checks every item's hash key): they are a handful, while
 * two `NOT begins_with` clauses here would cost the server on every item it reads.
 */
export function selectionFilter(b: ExpressionBuilder, selection: Selection): string | undefined {
  const parts: string[] = [];
  if (selection.type !== undefined) {
    const types = typeof selection.type === 'string' ? [selection.type] : selection.type;
    const t = b.name(selection.typeAttribute ?? '_type');
    parts.push(
      types.length === 1 ? `${t} = ${b.value(types[0])}` : `${t} IN (${types.map((x) => b.value(x)).join(', ')})`,
    );
  }
  if (selection.where) parts.push(b.include(selection.where));
  return and(parts);
}

/** The UpdateExpression for `set` (undefined values remove) and `remove`. */
export function updateExpression(
  b: ExpressionBuilder,
  set: Record<string, unknown>,
  remove: readonly string[],
): string {
  const sets: string[] = [];
  const removes: string[] = [];
  for (const [attr, value] of Object.entries(set)) {
    if (value === undefined) removes.push(b.name(attr));
    else sets.push(`${b.name(attr)} = ${b.value(value)}`);
  }
  for (const attr of remove) removes.push(b.name(attr));
  return [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : '']
    .filter(Boolean)
    .join(' ');
}
