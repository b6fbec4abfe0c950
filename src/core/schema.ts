/**
 * OneTable schemas: the form dynamodb-onetable writes into the `_schema:Current` item, so the
 * item we write is the item OneTable would write for the same migration, and a stored item can
 * be compared with a migration's schema (drift).
 *
 * Follows dynamodb-onetable 2.7 `Schema.saveSchema` / `transformSchemaForWrite` /
 * `validateSchema` and the `_Schema` model's `create`, which keeps only the model's own fields.
 */
import { stableJson } from './checksum';
import type { OneTableSchema } from './onetable-schema';

/** The `format` OneTable stamps on every schema item. */
export const SCHEMA_FORMAT = 'onetable:1.1.0';
/** Hash-key value of the schema item. */
export const SCHEMA_HASH_VALUE = '_schema';
/** Sort-key value of the current schema item (OneTable's `readSchema`). */
export const SCHEMA_SORT_VALUE = '_schema:Current';
/** Value of the type attribute on the schema item. */
export const SCHEMA_ITEM_TYPE = '_Schema';
/** `version` OneTable writes when the schema has none. */
export const DEFAULT_SCHEMA_VERSION = '0.0.1';

/** One attribute ("field") of a model, as stored: `type` lower-case, RegExps as `/src/flags`. */
export interface SchemaField {
  type?: string;
  required?: boolean;
  default?: unknown;
  /** Value template, e.g. `customer#${id}`. */
  value?: string | boolean;
  enum?: unknown[];
  /** Stored under another attribute name (`attr` or packed `attr.prop`). */
  map?: string;
  generate?: string | boolean;
  validate?: string | boolean;
  /** Nested schema of an object attribute. */
  schema?: SchemaModel;
  [property: string]: unknown;
}

/** A model ("entity"): attribute name → field. */
export type SchemaModel = Record<string, SchemaField>;

/** A table index: `primary`, a GSI, or an LSI (`type: 'local'`). */
export interface SchemaIndex {
  hash?: string;
  sort?: string;
  type?: string;
  project?: unknown;
  [property: string]: unknown;
}

/** Schema params with OneTable's defaults filled in. */
export interface SchemaParams {
  typeField: string;
  isoDates: boolean;
  nulls: boolean;
  separator: string;
  timestamps: boolean | string;
  warn: boolean;
  [property: string]: unknown;
}

/** A schema in the form OneTable stores it (the `_schema` item without keys and type). */
export interface NormalizedSchema {
  name: string;
  format: string;
  version: string;
  indexes: Record<string, SchemaIndex>;
  models: Record<string, SchemaModel>;
  params: SchemaParams;
  queries: Record<string, unknown>;
  process?: Record<string, unknown>;
}

/**
 * The params OneTable stores for a schema without `params`: the Table's schema params at
 * construction (`Table.getSchemaParams()`, which include the timestamp field names) plus the
 * defaults of `setDefaultParams` (`warn`).
 */
const TABLE_DEFAULT_PARAMS: Readonly<SchemaParams> = {
  createdField: 'created',
  isoDates: false,
  nulls: false,
  separator: '#',
  timestamps: false,
  typeField: '_type',
  updatedField: 'updated',
  warn: false,
};

/** The defaults `Schema.setDefaultParams` fills into params that are given. */
const PARAM_DEFAULTS: ReadonlyArray<[keyof SchemaParams, unknown]> = [
  ['typeField', '_type'],
  ['isoDates', false],
  ['nulls', false],
  ['separator', '#'],
  ['timestamps', false],
  ['warn', false],
];

/** Types OneTable accepts for a field (`Model.checkType`). */
export const FIELD_TYPES = [
  'array',
  'arraybuffer',
  'binary',
  'boolean',
  'buffer',
  'date',
  'number',
  'object',
  'set',
  'string',
] as const;

/**
 * The schema as OneTable's `saveSchema` stores it: `format` stamped, `version` defaulted to
 * 0.0.1, field types lower-cased (`String` → `string`), RegExps in `validate`/`encode` as
 * `/source/flags`, deprecated `uuid` moved to `generate`, params defaulted, `queries` defaulted
 * to `{}`, LSIs given the primary hash, unknown top-level properties dropped. Functions and
 * `undefined` cannot be stored and are dropped.
 *
 * Idempotent, and lenient: a hand-edited item read back from a table normalizes without
 * throwing (see `schemaProblems` for what OneTable would refuse). `name` is always `Current`:
 * OneTable would write a named schema to `_schema:<name>`, which its `readSchema` never reads.
 */
export function normalizeSchema(schema: OneTableSchema | NormalizedSchema): NormalizedSchema {
  const src = schema as Record<string, unknown>;
  const params = normalizeParams(src.params);
  const isoDates = params.isoDates === true;

  const indexes = asRecord(storable(src.indexes, isoDates)) ?? {};
  applyIndexDefaults(indexes as Record<string, SchemaIndex>);

  const models: Record<string, SchemaModel> = {};
  const srcModels = isRecord(src.models) ? src.models : {};
  for (const [name, model] of Object.entries(srcModels)) {
    if (!isRecord(model)) continue;
    models[name] = normalizeModel(model, isoDates);
  }

  const out: NormalizedSchema = {
    name: 'Current',
    format: SCHEMA_FORMAT,
    version:
      src.version === undefined || src.version === null || src.version === ''
        ? DEFAULT_SCHEMA_VERSION
        : String(src.version),
    indexes: indexes as Record<string, SchemaIndex>,
    models,
    params,
    queries: asRecord(storable(src.queries, isoDates)) ?? {},
  };
  const process = asRecord(storable(src.process, isoDates));
  if (process) out.process = process;
  return out;
}

/**
 * The attributes of the `_schema:Current` item OneTable writes for `schema`, without the two
 * key attributes (their names come from DescribeTable; values `SCHEMA_HASH_VALUE` and
 * `SCHEMA_SORT_VALUE`). The type attribute is named by the schema's `params.typeField`
 * (`_type` by default), as OneTable's `_Schema` model uses the table's type field. With
 * `params.timestamps` on, OneTable also writes `created`/`updated` (names from params): pass
 * `now` (epoch ms) to include them.
 */
export function toSchemaItem(
  schema: OneTableSchema | NormalizedSchema,
  options: { now?: number } = {},
): Record<string, unknown> {
  const n = normalizeSchema(schema);
  const item: Record<string, unknown> = { ...n };
  item[n.params.typeField] = SCHEMA_ITEM_TYPE;
  if (options.now !== undefined) {
    const ts = n.params.timestamps;
    const date = n.params.isoDates ? new Date(options.now).toISOString() : options.now;
    if (ts === true || ts === 'create') item[stringParam(n.params.createdField, 'created')] = date;
    if (ts === true || ts === 'update') item[stringParam(n.params.updatedField, 'updated')] = date;
  }
  return item;
}

/**
 * Whether two schemas store the same data model once normalized (key order, `String` vs
 * `'string'`, defaulted params and the item's keys, type and timestamps do not count).
 */
export function schemasEqual(
  a: OneTableSchema | NormalizedSchema | undefined,
  b: OneTableSchema | NormalizedSchema | undefined,
): boolean {
  if (a === undefined || b === undefined) return a === b;
  return stableJson(normalizeSchema(a)) === stableJson(normalizeSchema(b));
}

/**
 * What OneTable would refuse in this schema when a migration carrying it runs (its
 * `validateSchema` and `Model.checkType`), one sentence each; empty when it is usable.
 */
export function schemaProblems(schema: OneTableSchema): string[] {
  const problems: string[] = [];
  if (!schema.version) problems.push('the schema has no `version` (OneTable: "Schema is missing a version")');
  const indexes = schema.indexes;
  if (!isRecord(indexes)) {
    problems.push('the schema has no `indexes` (OneTable: "Schema is missing indexes")');
  } else {
    const primary = indexes.primary;
    if (!isRecord(primary)) problems.push('`indexes` has no `primary` index');
    else if (typeof primary.hash !== 'string') problems.push('`indexes.primary` has no `hash` attribute');
    let lsi = 0;
    for (const [name, index] of Object.entries(indexes)) {
      if (name === 'primary' || !isRecord(index)) continue;
      if (index.type === 'local') {
        lsi++;
        if (index.sort == null) problems.push(`local index \`${name}\` has no \`sort\` attribute`);
        if (isRecord(primary) && index.hash != null && index.hash !== primary.hash) {
          problems.push(`local index \`${name}\` has a \`hash\` other than the primary index's`);
        }
      } else if (index.hash == null) {
        if (index.type == null) lsi++;
        else problems.push(`index \`${name}\` has no \`hash\` attribute`);
      }
    }
    if (lsi > 5) problems.push(`the schema has ${lsi} local indexes; DynamoDB allows 5`);
  }
  if (schema.models !== undefined && !isRecord(schema.models)) problems.push('`models` is not an object');
  if (isRecord(schema.models)) {
    for (const [modelName, model] of Object.entries(schema.models)) {
      if (!isRecord(model)) {
        problems.push(`model \`${modelName}\` is not an object of fields`);
        continue;
      }
      fieldProblems(model, modelName, problems);
    }
  }
  return problems;
}

function fieldProblems(model: Record<string, unknown>, path: string, problems: string[]): void {
  for (const [fieldName, field] of Object.entries(model)) {
    const where = `\`${path}.${fieldName}\``;
    if (!isRecord(field)) {
      problems.push(`${where} is not a field definition`);
      continue;
    }
    const type = typeName(field.type);
    if (type === undefined) problems.push(`${where} has no \`type\``);
    else if (!(FIELD_TYPES as readonly string[]).includes(type)) {
      problems.push(`${where} has unknown type "${type}" (one of ${FIELD_TYPES.join(', ')})`);
    }
    if (field.uuid !== undefined)
      problems.push(`${where} uses \`uuid\`, which OneTable refuses: use \`generate: 'uuid'\` or \`'ulid'\``);
    if (isRecord(field.schema)) fieldProblems(field.schema, `${path}.${fieldName}`, problems);
  }
}

function normalizeParams(params: unknown): SchemaParams {
  if (!isRecord(params)) return { ...TABLE_DEFAULT_PARAMS };
  const out = (asRecord(storable(params, false)) ?? {}) as Record<string, unknown>;
  for (const [key, value] of PARAM_DEFAULTS) {
    if (out[key] === undefined || out[key] === null) out[key] = value;
  }
  return out as SchemaParams;
}

/** `validateSchema` mutates the indexes it is given, and the mutated object is what is saved. */
function applyIndexDefaults(indexes: Record<string, SchemaIndex>): void {
  const primary = indexes.primary;
  for (const [name, index] of Object.entries(indexes)) {
    if (name === 'primary' || !isRecord(index)) continue;
    if (index.type === 'local') {
      if (primary && primary.hash !== undefined) index.hash = primary.hash;
    } else if (index.hash == null && index.type == null) {
      index.type = 'local';
    }
  }
}

function normalizeModel(model: Record<string, unknown>, isoDates: boolean): SchemaModel {
  const out: SchemaModel = {};
  for (const [name, field] of Object.entries(model)) {
    if (!isRecord(field)) {
      const v = storable(field, isoDates);
      if (v !== undefined) out[name] = v as SchemaField;
      continue;
    }
    out[name] = normalizeField(field, isoDates);
  }
  return out;
}

/** `Schema.transformFieldForWrite`, on a copy. */
function normalizeField(field: Record<string, unknown>, isoDates: boolean): SchemaField {
  const { type, validate, encode, uuid, schema, ...rest } = field;
  const out = (asRecord(storable(rest, isoDates)) ?? {}) as SchemaField;
  const t = typeName(type);
  if (t !== undefined) out.type = t;
  if (validate instanceof RegExp) out.validate = regexpString(validate);
  else if (validate !== undefined) {
    const v = storable(validate, isoDates);
    if (v !== undefined) out.validate = v as string | boolean;
  }
  if (Array.isArray(encode))
    out.encode = encode.map((e) => (e instanceof RegExp ? regexpString(e) : storable(e, isoDates)));
  else if (encode !== undefined && encode !== null) out.encode = storable(encode, isoDates);
  if (uuid) {
    // DEPRECATE in OneTable: `uuid` is stored as `generate`.
    if (!out.generate) out.generate = uuid as string | boolean;
  }
  if (isRecord(schema)) out.schema = normalizeModel(schema, isoDates);
  else if (schema !== undefined) {
    const v = storable(schema, isoDates);
    if (v !== undefined) out.schema = v as SchemaModel;
  }
  return out;
}

/** `String`, `'String'` → `'string'`; undefined when there is no usable type. */
function typeName(type: unknown): string | undefined {
  if (typeof type === 'function') return type.name.toLowerCase();
  if (typeof type === 'string') return type.toLowerCase();
  return undefined;
}

function regexpString(re: RegExp): string {
  return `/${re.source}/${re.flags}`;
}

function stringParam(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}

/**
 * A deep copy holding only what DynamoDB can store of a schema value: `undefined` and
 * functions dropped, Dates as OneTable writes them (epoch ms, or ISO with isoDates), other
 * RegExps as `/source/flags`. Nulls are kept, as OneTable keeps them inside maps.
 */
function storable(value: unknown, isoDates: boolean): unknown {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? Number(value) : value;
  if (value instanceof Date) return isoDates ? value.toISOString() : value.getTime();
  if (value instanceof RegExp) return regexpString(value);
  if (Array.isArray(value)) return value.map((v) => storable(v, isoDates) ?? null);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const s = storable(v, isoDates);
    if (s !== undefined) out[k] = s;
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}
