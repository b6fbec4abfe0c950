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
  const parts = [`UPDATE ${quoteName(table)}`];
  for (const [attr, value] of st.set) {
    parts.push(`SET ${quoteName(attr)} = ?`);
    parameters.push(value);
  }
  for (const attr of st.remove) parts.push(`REMOVE ${quoteName(attr)}`);
  parts.push(`WHERE ${quoteName(keys.hash)} = ? AND ${quoteName(keys.sort)} = ?`);
  parameters.push(key[keys.hash]!, key[keys.sort]!);
  if (st.marker) {
    const m = quoteName(st.marker.attribute);
    parts.push(`AND (${m} IS MISSING OR ${m} <> ?)`);
    parameters.push({ S: st.marker.token });
  }
  const statement = parts.join(' ');
  if (statement.length > MAX_STATEMENT_LENGTH) return undefined;
  return { Statement: statement, Parameters: parameters };
}
