import type { AttributeValue, BatchStatementRequest } from '@aws-sdk/client-dynamodb';
import type { UpdateStatement } from './write-plan';

/** ExecuteStatement's limit on a statement's text. */
const MAX_STATEMENT_LENGTH = 8192;

/** A PartiQL identifier: double-quoted, a double quote inside doubled. */
export function quoteName(name: string): string {
  return `"${name.split('"').join('""')}"`;
}

/**
 * `UPDATE "table" SET "a" = ? … REMOVE "b" … WHERE "pk" = ? AND "sk" = ?`, with the marker's
 * condition when the pass marks items. A PartiQL UPDATE of an item that does not exist fails
 * its condition instead of creating it, like UpdateItem with `attribute_exists(<hash>)`.
 * Undefined when the text would exceed DynamoDB's limit (the writer then uses UpdateItem).
 */
export function updateStatementRequest(
  table: string,
  keys: { hash: string; sort: string },
  key: Record<string, AttributeValue>,
  st: UpdateStatement,
): BatchStatementRequest | undefined {
  const parameters: AttributeValue[] = [];
  for (const [, value] of st.set) parameters.push(value);
  parameters.push(key[keys.hash]!, key[keys.sort]!);
  if (st.marker) parameters.push({ S: st.marker.token });
  const statement = statementText(table, keys, st);
  if (statement.length > MAX_STATEMENT_LENGTH) return undefined;
  return { Statement: statement, Parameters: parameters };
}

/**
 * The statement's text depends only on its shape (table, attributes, marker attribute), which
 * is the same for nearly every item of a pass: built once per shape, not quoted anew per item.
 */
const texts = new Map<string, string>();

function statementText(table: string, keys: { hash: string; sort: string }, st: UpdateStatement): string {
  // Each name with its length in front: no two shapes give the same key, whatever the names hold.
  const marker = st.marker?.attribute;
  let shape = `${table.length}:${table}${keys.hash.length}:${keys.hash}${keys.sort.length}:${keys.sort}${marker === undefined ? '-' : `${marker.length}:${marker}`}${st.set.length};`;
  for (const [attr] of st.set) shape += `${attr.length}:${attr}`;
  for (const attr of st.remove) shape += `${attr.length}:${attr}`;
  let text = texts.get(shape);
  if (text === undefined) {
    const parts = [`UPDATE ${quoteName(table)}`];
    for (const [attr] of st.set) parts.push(`SET ${quoteName(attr)} = ?`);
    for (const attr of st.remove) parts.push(`REMOVE ${quoteName(attr)}`);
    parts.push(`WHERE ${quoteName(keys.hash)} = ? AND ${quoteName(keys.sort)} = ?`);
    if (st.marker) {
      const m = quoteName(st.marker.attribute);
      parts.push(`AND (${m} IS MISSING OR ${m} <> ?)`);
    }
    text = parts.join(' ');
    // Passes whose items each set different attributes would otherwise grow it without bound.
    if (texts.size >= 1000) texts.clear();
    texts.set(shape, text);
  }
  return text;
}
