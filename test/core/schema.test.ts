import { describe, expect, test } from 'vitest';
import {
  DEFAULT_SCHEMA_VERSION,
  SCHEMA_FORMAT,
  normalizeSchema,
  schemaProblems,
  schemasEqual,
  toSchemaItem,
} from '../../src/core/schema';
import type { OneTableSchema } from '../../src/core/types';
import { storeSchemas } from '../fixtures/schemas';

const v100 = storeSchemas['1.0.0'] as OneTableSchema;

describe('normalizeSchema', () => {
  test('stores a migration author’s schema the way OneTable does', () => {
    const n = normalizeSchema(v100);
    expect(n.format).toBe(SCHEMA_FORMAT);
    expect(n.name).toBe('Current');
    expect(n.version).toBe('1.0.0');
    expect(n.models.Customer!.name).toEqual({ type: 'string', required: true });
    expect(n.models.Order!.total!.type).toBe('number');
    expect(n.models.Order!.placedAt!.type).toBe('date');
    expect(n.models.Customer!.email!.validate).toBe('/^[^@\\s]+@[^@\\s]+$/');
    expect(n.params).toEqual({
      isoDates: true,
      timestamps: true,
      typeField: '_type',
      nulls: false,
      separator: '#',
      warn: false,
    });
    expect(n.queries).toEqual({});
    expect('process' in n).toBe(false);
  });

  test('a schema without params gets the Table defaults, timestamp field names included', () => {
    const n = normalizeSchema({ version: '1.0.0', indexes: { primary: { hash: 'pk' } }, models: {} });
    expect(n.params).toEqual({
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

  test('defaults the version, keeps only the properties OneTable stores, drops what DynamoDB cannot hold', () => {
    const n = normalizeSchema({
      indexes: { primary: { hash: 'pk', sort: 'sk' }, ls1: { type: 'local', sort: 'lsk' }, ls2: { sort: 'l2' } },
      models: {
        Thing: {
          pk: { type: 'String', value: 'thing#${id}' },
          id: { type: String, uuid: 'uuid' },
          tags: { type: Set, default: () => [] },
          code: { type: String, encode: [/x/g, '#', 1] },
          address: { type: Object, schema: { zip: { type: Number, validate: /^\d+$/ } } },
        },
      },
      description: 'not a schema property',
      process: { nightly: { enable: true } },
    });
    expect(n.version).toBe(DEFAULT_SCHEMA_VERSION);
    expect(n).not.toHaveProperty('description');
    expect(n.process).toEqual({ nightly: { enable: true } });
    expect(n.indexes.ls1).toEqual({ type: 'local', sort: 'lsk', hash: 'pk' });
    expect(n.indexes.ls2).toEqual({ sort: 'l2', type: 'local' });
    const thing = n.models.Thing!;
    expect(thing.pk!.type).toBe('string');
    expect(thing.id).toEqual({ type: 'string', generate: 'uuid' });
    expect(thing.tags).toEqual({ type: 'set' });
    expect(thing.code!.encode).toEqual(['/x/g', '#', 1]);
    expect(thing.address!.schema!.zip).toEqual({ type: 'number', validate: '/^\\d+$/' });
  });

  test('is idempotent and leaves its input alone', () => {
    const before = JSON.stringify(v100);
    const once = normalizeSchema(v100);
    expect(normalizeSchema(once)).toEqual(once);
    expect(JSON.stringify(v100)).toBe(before);
    expect((storeSchemas['1.0.0'].models.Customer.email.validate as unknown) instanceof RegExp).toBe(true);
    expect(storeSchemas['1.0.0'].indexes.primary).toEqual({ hash: 'pk', sort: 'sk' });
  });
});

describe('toSchemaItem', () => {
  test('is the normalized schema plus the type attribute `_Schema`', () => {
    const item = toSchemaItem(v100);
    expect(item._type).toBe('_Schema');
    const { _type, ...rest } = item;
    expect(rest).toEqual(normalizeSchema(v100));
  });

  test('names the type attribute after params.typeField, as OneTable does', () => {
    const item = toSchemaItem({
      version: '1',
      indexes: { primary: { hash: 'pk' } },
      models: {},
      params: { typeField: 'kind' },
    });
    expect(item.kind).toBe('_Schema');
    expect(item).not.toHaveProperty('_type');
  });

  test('stamps created/updated when the schema turns timestamps on and a clock is given', () => {
    const now = Date.UTC(2025, 0, 2, 3, 4, 5);
    expect(toSchemaItem(v100, { now })).toMatchObject({
      created: '2025-01-02T03:04:05.000Z',
      updated: '2025-01-02T03:04:05.000Z',
    });
    expect(toSchemaItem(v100)).not.toHaveProperty('created');
    const epoch = toSchemaItem(
      {
        version: '1',
        indexes: { primary: { hash: 'pk' } },
        models: {},
        params: { timestamps: 'update', updatedField: 'touched' },
      },
      { now },
    );
    expect(epoch.touched).toBe(now);
    expect(epoch).not.toHaveProperty('created');
  });
});

describe('schemasEqual', () => {
  test('a stored item equals the migration schema it was written from', () => {
    const stored = {
      pk: '_schema',
      sk: '_schema:Current',
      created: '2025-01-01T00:00:00.000Z',
      updated: '2025-01-01T00:00:00.000Z',
      ...JSON.parse(JSON.stringify(toSchemaItem(v100))),
    };
    // DynamoDB does not keep map order.
    const reordered = Object.fromEntries(Object.entries(stored).reverse());
    expect(schemasEqual(reordered, v100)).toBe(true);
  });

  test('an item edited by hand does not', () => {
    const stored = JSON.parse(JSON.stringify(toSchemaItem(v100)));
    stored.models.Customer.nickname = { type: 'string' };
    expect(schemasEqual(stored, v100)).toBe(false);
    expect(schemasEqual(v100, storeSchemas['1.1.0'] as OneTableSchema)).toBe(false);
  });

  test('absent schemas are equal only to each other', () => {
    expect(schemasEqual(undefined, undefined)).toBe(true);
    expect(schemasEqual(undefined, v100)).toBe(false);
  });
});

describe('schemaProblems', () => {
  test('the store schemas are usable', () => {
    for (const s of Object.values(storeSchemas)) expect(schemaProblems(s as OneTableSchema)).toEqual([]);
  });

  test('names what OneTable would refuse', () => {
    const problems = schemaProblems({
      indexes: { primary: { sort: 'sk' }, ls1: { type: 'local' }, g: { type: 'global' } },
      models: { Thing: { a: { type: 'text' }, b: {}, c: { type: String, uuid: true } } },
    });
    expect(problems).toEqual([
      'the schema has no `version` (OneTable: "Schema is missing a version")',
      '`indexes.primary` has no `hash` attribute',
      'local index `ls1` has no `sort` attribute',
      'index `g` has no `hash` attribute',
      '`Thing.a` has unknown type "text" (one of array, arraybuffer, binary, boolean, buffer, date, number, object, set, string)',
      '`Thing.b` has no `type`',
      "`Thing.c` uses `uuid`, which OneTable refuses: use `generate: 'uuid'` or `'ulid'`",
    ]);
    expect(schemaProblems({ version: '1' })).toEqual([
      'the schema has no `indexes` (OneTable: "Schema is missing indexes")',
    ]);
  });
});
