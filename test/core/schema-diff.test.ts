import { describe, expect, test } from 'vitest';
import { renderSchemaDiffMarkdown, renderSchemaDiffText } from '../../src/core/render/schema-diff';
import { toSchemaItem } from '../../src/core/schema';
import { diffSchemas, schemaDriftOf, type SchemaDiff } from '../../src/core/schema-diff';
import type { OneTableSchema } from '../../src/core/types';
import { storeSchemas, type StoreVersion } from '../fixtures/schemas';
import { expectGolden } from '../support/golden';

const schema = (v: StoreVersion): OneTableSchema => storeSchemas[v] as OneTableSchema;
/** A plain deep copy (JSON: RegExps become {}; only for schemas without them). */
const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
/** The store schema as read back from the table: stored form, keys and type attribute included. */
const storedItem = (v: StoreVersion): Record<string, unknown> => ({
  pk: '_schema',
  sk: '_schema:Current',
  ...copy(toSchemaItem(schema(v))),
});

const where = (d: SchemaDiff): string[] =>
  d.breaking.map((b) =>
    [b.model && (b.attribute ? `${b.model}.${b.attribute}` : b.model), b.index && `index ${b.index}`]
      .filter(Boolean)
      .join(' '),
  );

describe('diff of the store schemas, rendered (golden files)', () => {
  const cases: [string, StoreVersion | undefined, StoreVersion][] = [
    ['new-1.0.0', undefined, '1.0.0'],
    ['1.0.0-to-1.1.0', '1.0.0', '1.1.0'],
    ['1.1.0-to-1.2.0', '1.1.0', '1.2.0'],
    ['1.2.0-to-1.3.0', '1.2.0', '1.3.0'],
    ['1.3.0-to-2.0.0', '1.3.0', '2.0.0'],
    ['down-1.1.0-to-1.0.0', '1.1.0', '1.0.0'],
  ];
  for (const [name, from, to] of cases) {
    test(name, () => {
      const diff = diffSchemas(from && schema(from), schema(to));
      expectGolden(`schema-diff/${name}.md`, renderSchemaDiffMarkdown(diff));
      expectGolden(`schema-diff/${name}.txt`, renderSchemaDiffText(diff));
    });
  }
});

describe('diffSchemas', () => {
  test('a table without a schema item: everything is new, nothing breaks', () => {
    const d = diffSchemas(undefined, schema('1.0.0'));
    expect(d.status).toBe('new');
    expect(d.models.added.map((m) => m.name)).toEqual(['Customer', 'Order', 'Product']);
    expect(d.indexes.added.map((i) => i.name)).toEqual(['primary']);
    expect(d.breaking).toEqual([]);
  });

  test('adding a GSI with packed keys on Customer is a key change, not a break', () => {
    const d = diffSchemas(schema('1.0.0'), schema('1.1.0'));
    expect(d.indexes.added).toEqual([{ name: 'gs1', kind: 'global', hash: 'gs1pk', sort: 'gs1sk', project: 'all' }]);
    expect(d.models.changed).toEqual([
      {
        name: 'Customer',
        keys: [
          { index: 'gs1', role: 'hash', attribute: 'gs1pk', to: 'email#${email}' },
          { index: 'gs1', role: 'sort', attribute: 'gs1sk', to: 'customer#${status}#${id}' },
        ],
        attributes: { added: [], removed: [], changed: [] },
      },
    ]);
    expect(d.breaking).toEqual([]);
  });

  test('make-then-break: the make is safe, the break names the attribute removed', () => {
    const make = diffSchemas(schema('1.1.0'), schema('1.2.0'));
    expect(make.models.changed[0]!.attributes.added.map((a) => a.name)).toEqual(['firstName', 'lastName']);
    expect(make.breaking).toEqual([]);
    const brk = diffSchemas(schema('1.2.0'), schema('1.3.0'));
    expect(brk.models.changed[0]!.attributes.removed).toEqual([{ name: 'name', required: true, type: 'string' }]);
    expect(brk.models.changed[0]!.attributes.changed).toEqual([
      { name: 'firstName', changes: [{ property: 'required', to: true }] },
      { name: 'lastName', changes: [{ property: 'required', to: true }] },
    ]);
    expect(where(brk)).toEqual(['Customer.name']);
  });

  test('a redesign: key templates, a required attribute without default, a type change all break', () => {
    const d = diffSchemas(schema('1.3.0'), schema('2.0.0'));
    expect(where(d)).toEqual(['Order.pk index primary', 'Order.sk index primary', 'Order.currency', 'Product.price']);
    expect(d.models.added.map((m) => m.name)).toEqual(['Review']);
    expect(d.models.changed.find((m) => m.name === 'Order')!.attributes.changed).toEqual([
      {
        name: 'status',
        changes: [
          { property: 'enum', from: ['pending', 'paid', 'shipped'], to: ['pending', 'paid', 'shipped', 'refunded'] },
        ],
      },
    ]);
  });

  test('a down step that drops an index warns once, for the index', () => {
    const d = diffSchemas(schema('1.1.0'), schema('1.0.0'));
    expect(d.breaking).toEqual([{ index: 'gs1', reason: 'index removed: queries of the old design through it fail' }]);
    expect(d.models.changed[0]!.keys.map((k) => [k.attribute, k.from, k.to])).toEqual([
      ['gs1pk', 'email#${email}', undefined],
      ['gs1sk', 'customer#${status}#${id}', undefined],
    ]);
  });

  test('the same model in another spelling (constructors, key order, stored item) is unchanged', () => {
    const d = diffSchemas(storedItem('1.3.0'), schema('1.3.0'));
    expect(d.status).toBe('unchanged');
    expect(d.breaking).toEqual([]);
    expect(renderSchemaDiffText(d)).toBe('Data model: No change to the data model (schema 1.3.0).\n');
  });

  test('a target without a schema leaves the table item alone', () => {
    expect(diffSchemas(schema('1.0.0'), undefined)).toMatchObject({
      status: 'none',
      fromVersion: '1.0.0',
      breaking: [],
    });
    expect(diffSchemas(undefined, undefined).status).toBe('none');
  });

  test('is plain JSON and does not depend on key order', () => {
    const d = diffSchemas(schema('1.3.0'), schema('2.0.0'));
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
    const reversed = (x: unknown): unknown =>
      x && typeof x === 'object' && !Array.isArray(x)
        ? Object.fromEntries(
            Object.entries(x)
              .reverse()
              .map(([k, v]) => [k, reversed(v)]),
          )
        : x;
    expect(
      diffSchemas(reversed(storedItem('1.3.0')) as OneTableSchema, reversed(storedItem('2.0.0')) as OneTableSchema),
    ).toEqual(d);
  });

  test('model removed, index narrowed or re-keyed, attribute moved, type field changed, key dropped from an index', () => {
    const base = copy(storedItem('1.1.0')) as Record<string, any>;
    const next = copy(base);
    delete next.models.Product;
    next.indexes.gs1.project = 'keys';
    next.indexes.primary.sort = 'sk2';
    next.models.Order.total.map = 'amount';
    next.params.typeField = 'kind';
    delete next.models.Customer.gs1sk;
    const d = diffSchemas(base, next);
    expect(d.breaking.map((b) => b.reason.split(':')[0])).toEqual([
      'param typeField changed',
      'index sort changed',
      'index projects fewer attributes',
      'no longer written to this index',
      'stored under another attribute',
      'model removed',
    ]);
    // Re-keying the primary index is one warning, not one per model.
    expect(where(d)).toEqual(['', 'index primary', 'index gs1', 'Customer.gs1sk index gs1', 'Order.total', 'Product']);
  });

  test('optional attributes and attributes with a default or template are not breaking when added', () => {
    const base = copy(storedItem('1.3.0')) as Record<string, any>;
    const next = copy(base);
    next.models.Product.color = { type: 'string' };
    next.models.Product.currency = { type: 'string', required: true, default: 'EUR' };
    next.models.Product.slug = { type: 'string', required: true, value: '${sku}' };
    next.models.Product.ref = { type: 'string', required: true, generate: 'ulid' };
    next.models.Product.note = { type: 'string', required: false };
    const d = diffSchemas(base, next);
    expect(d.models.changed[0]!.attributes.added.map((a) => a.name)).toEqual([
      'color',
      'currency',
      'note',
      'ref',
      'slug',
    ]);
    expect(d.breaking).toEqual([]);
  });
});

describe('rendering', () => {
  test('text from a schema cannot inject markup, mentions or terminal escapes', () => {
    const evil = '<!-- dynamodb-migrate --> **x** [y](http://e) @org/team \x1b[31m';
    const d = diffSchemas(schema('1.0.0'), {
      ...copy(storedItem('1.0.0')),
      models: {
        ...(copy(storedItem('1.0.0')).models as object),
        [evil]: { pk: { type: 'string', value: 'a`b``c' }, [evil]: { type: 'string' } },
      },
    } as OneTableSchema);
    const md = renderSchemaDiffMarkdown(d);
    // Inside a code span nothing is markup (and nobody is mentioned); outside, nothing may be.
    const prose = md.replace(/(`+)[^`][\s\S]*?\1(?!`)/g, '');
    expect(prose).not.toMatch(/[<>]/);
    expect(prose).not.toContain('**x**');
    expect(prose).not.toContain('[y](');
    expect(prose).not.toContain('@org');
    expect(prose).toContain('&lt;!'); // the name is still shown, as text
    expect(md).toContain('```a`b``c```');
    const txt = renderSchemaDiffText(d);
    expect(txt).not.toContain('\x1b');
    expect(txt).toContain('?[31m');
  });

  test('long lists fold with a count', () => {
    const base = copy(storedItem('1.0.0')) as Record<string, any>;
    const next = copy(base);
    for (let i = 0; i < 30; i++) next.models.Product[`attr${String(i).padStart(2, '0')}`] = { type: 'string' };
    for (let i = 0; i < 20; i++)
      next.models[`Tag${String(i).padStart(2, '0')}`] = { pk: { type: 'string', value: `m${i}` } };
    const d = diffSchemas(base, next);
    const md = renderSchemaDiffMarkdown(d);
    expect(md).toContain('- … and 19 more changes');
    expect(md).toContain('**Product**');
    expect(md).toContain('… and 6 more models changed.');
    expect(md.split('\n').length).toBeLessThan(80);
    expect(renderSchemaDiffText(d, { maxModels: 2, maxLinesPerModel: 3 })).toContain('  … and 19 more models changed');
  });
});

describe('schemaDriftOf', () => {
  test('no drift when the stored item is what the migration wrote', () => {
    expect(schemaDriftOf(storedItem('1.2.0'), schema('1.2.0'))).toBeUndefined();
  });

  test('an item edited by hand is drift, and says what differs', () => {
    const edited = copy(storedItem('1.2.0')) as Record<string, any>;
    edited.models.Customer.nickname = { type: 'string' };
    edited.models.Order.total.type = 'string';
    expect(schemaDriftOf(edited, schema('1.2.0'))).toBe(
      "the _schema item (version 1.2.0) differs from the migration's schema: Customer.nickname added; Order.total type number -> string",
    );
  });

  test('an item of another version, cut to a few changes', () => {
    expect(schemaDriftOf(storedItem('1.3.0'), schema('2.0.0'), 2)).toBe(
      "the _schema item (version 1.3.0, expected 2.0.0) differs from the migration's schema: model Review removed; Order key pk order#${id} -> customer#${customerId}; and 8 more",
    );
  });

  test('a change the diff does not list still counts', () => {
    const edited = copy(storedItem('1.2.0')) as Record<string, any>;
    edited.version = '9.9.9';
    expect(schemaDriftOf(edited, schema('1.2.0'))).toBe(
      "the _schema item (version 9.9.9, expected 1.2.0) differs from the migration's schema in version",
    );
  });

  test('a missing item is drift; a migration without a schema expects nothing', () => {
    expect(schemaDriftOf(undefined, schema('1.0.0'))).toBe(
      'the table has no _schema item; expected schema version 1.0.0',
    );
    expect(schemaDriftOf(storedItem('1.0.0'), undefined)).toBeUndefined();
  });
});
