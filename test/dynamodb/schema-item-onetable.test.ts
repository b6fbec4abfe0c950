/**
 * The `_schema:Current` item we would write equals, attribute for attribute, the item that
 * dynamodb-onetable itself writes for the same migration schema (as OneTable Migrate does it:
 * `setSchema(schema)` then `saveSchema(schema)`), read back raw from DynamoDB Local.
 */
import { GetItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { Table } from 'dynamodb-onetable';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  SCHEMA_HASH_VALUE,
  SCHEMA_SORT_VALUE,
  normalizeSchema,
  schemasEqual,
  toSchemaItem,
} from '../../src/core/schema';
import { schemaDriftOf } from '../../src/core/schema-diff';
import type { OneTableSchema } from '../../src/core/types';
import { storeSchemas } from '../fixtures/schemas';
import { createTestTable, deleteTestTable, localClient } from '../support/dynamodb-local';

const client = localClient();
let table: string;

beforeAll(async () => {
  table = await createTestTable(client, { gsi: true });
});
afterAll(async () => {
  await deleteTestTable(client, table);
});

/** Saves `schema` the way OneTable Migrate does after an up, and returns the raw item. */
async function saveWithOneTable(schema: OneTableSchema): Promise<Record<string, unknown>> {
  const db = new Table({ name: table, client, partial: true });
  await db.setSchema(schema as never);
  await db.saveSchema(schema as never);
  return readRaw();
}

async function readRaw(): Promise<Record<string, unknown>> {
  const res = await client.send(
    new GetItemCommand({
      TableName: table,
      Key: { pk: { S: SCHEMA_HASH_VALUE }, sk: { S: SCHEMA_SORT_VALUE } },
      ConsistentRead: true,
    }),
  );
  return unmarshall(res.Item ?? {});
}

/** A fresh copy: OneTable mutates the schema it is given. */
function fresh(s: object): OneTableSchema {
  const copy = (v: unknown): unknown =>
    v instanceof RegExp || typeof v === 'function' || v === null || typeof v !== 'object'
      ? v
      : Array.isArray(v)
        ? v.map(copy)
        : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)]));
  return copy(s) as OneTableSchema;
}

describe('schema item written by OneTable', () => {
  for (const [version, schema] of Object.entries(storeSchemas)) {
    test(`store ${version}: our item equals OneTable's (timestamps aside)`, async () => {
      const stored = await saveWithOneTable(fresh(schema));
      const { pk, sk, created, updated, ...rest } = stored;
      expect(pk).toBe('_schema');
      expect(sk).toBe('_schema:Current');
      // The store schemas turn timestamps on, so OneTable stamps its own item too.
      expect(typeof created).toBe('string');
      expect(typeof updated).toBe('string');
      expect(toSchemaItem(fresh(schema))).toEqual(rest);
      expect(schemasEqual(stored, fresh(schema))).toBe(true);
    });
  }

  test('a bare schema: no params, no queries, an LSI without hash, a RegExp validator, a null default', async () => {
    const bare = {
      indexes: {
        primary: { hash: 'pk', sort: 'sk' },
        ls1: { type: 'local', sort: 'gs1sk' },
      },
      models: {
        Thing: {
          pk: { type: 'String', value: 'thing#${id}' },
          sk: { type: 'string', value: 'thing#' },
          id: { type: String, generate: 'uuid' },
          code: { type: String, encode: ['pk', '#', 1], validate: /^[A-Z]+$/i },
          when: { type: Date, default: null },
          tags: { type: Array, items: { type: String } },
        },
      },
      version: '0.3.0',
    };
    const stored = await saveWithOneTable(fresh(bare));
    const { pk: _pk, sk: _sk, ...rest } = stored;
    expect(toSchemaItem(fresh(bare))).toEqual(rest);
    expect(rest.params).toEqual({
      createdField: 'created',
      isoDates: false,
      nulls: false,
      separator: '#',
      timestamps: false,
      typeField: '_type',
      updatedField: 'updated',
      warn: false,
    });
  });

  test('a custom type field names the type attribute of the schema item', async () => {
    const custom = {
      version: '0.0.2',
      indexes: { primary: { hash: 'pk', sort: 'sk' } },
      models: { Thing: { pk: { type: String, value: 't' }, sk: { type: String, value: 't' } } },
      params: { typeField: 'kind' },
    };
    const stored = await saveWithOneTable(fresh(custom));
    const { pk: _pk, sk: _sk, ...rest } = stored;
    expect(rest.kind).toBe('_Schema');
    expect(toSchemaItem(fresh(custom))).toEqual(rest);
  });

  test('OneTable reads the item we write as the schema it wrote itself', async () => {
    const schema = fresh(storeSchemas['1.1.0']);
    await client.send(
      new PutItemCommand({
        TableName: table,
        Item: marshall(
          { pk: SCHEMA_HASH_VALUE, sk: SCHEMA_SORT_VALUE, ...toSchemaItem(schema, { now: 1_700_000_000_000 }) },
          { removeUndefinedValues: true },
        ),
      }),
    );
    const ours = await new Table({ name: table, client, partial: true }).readSchema();
    await saveWithOneTable(fresh(storeSchemas['1.1.0']));
    const theirs = await new Table({ name: table, client, partial: true }).readSchema();
    const { created: _c1, updated: _u1, ...a } = ours as Record<string, unknown>;
    const { created: _c2, updated: _u2, ...b } = theirs as Record<string, unknown>;
    expect(a).toEqual(b);
  });

  test('a schema item edited by hand is drift against the migration that wrote it', async () => {
    const schema = storeSchemas['1.2.0'];
    await saveWithOneTable(fresh(schema));
    expect(schemaDriftOf(await readRaw(), fresh(schema))).toBeUndefined();
    await client.send(
      new UpdateItemCommand({
        TableName: table,
        Key: { pk: { S: SCHEMA_HASH_VALUE }, sk: { S: SCHEMA_SORT_VALUE } },
        UpdateExpression: 'SET models.Customer.nickname = :f REMOVE models.Customer.lastName',
        ExpressionAttributeValues: { ':f': { M: { type: { S: 'string' } } } },
      }),
    );
    const edited = await readRaw();
    expect(normalizeSchema(edited).models.Customer).toHaveProperty('nickname');
    expect(schemaDriftOf(edited, fresh(schema))).toBe(
      "the _schema item (version 1.2.0) differs from the migration's schema: Customer.nickname added; Customer.lastName removed",
    );
  });
});
