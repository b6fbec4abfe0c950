import type { OneTableSchema } from './onetable-schema.js';
/** The `format` OneTable stamps on every schema item. */
export declare const SCHEMA_FORMAT = "onetable:1.1.0";
/** Hash-key value of the schema item. */
export declare const SCHEMA_HASH_VALUE = "_schema";
/** Sort-key value of the current schema item (OneTable's `readSchema`). */
export declare const SCHEMA_SORT_VALUE = "_schema:Current";
/** Value of the type attribute on the schema item. */
export declare const SCHEMA_ITEM_TYPE = "_Schema";
/** `version` OneTable writes when the schema has none. */
export declare const DEFAULT_SCHEMA_VERSION = "0.0.1";
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
/** Types OneTable accepts for a field (`Model.checkType`). */
export declare const FIELD_TYPES: readonly ["array", "arraybuffer", "binary", "boolean", "buffer", "date", "number", "object", "set", "string"];
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
export declare function normalizeSchema(schema: OneTableSchema | NormalizedSchema): NormalizedSchema;
/**
 * The attributes of the `_schema:Current` item OneTable writes for `schema`, without the two
 * key attributes (their names come from DescribeTable; values `SCHEMA_HASH_VALUE` and
 * `SCHEMA_SORT_VALUE`). The type attribute is named by the schema's `params.typeField`
 * (`_type` by default), as OneTable's `_Schema` model uses the table's type field. With
 * `params.timestamps` on, OneTable also writes `created`/`updated` (names from params): pass
 * `now` (epoch ms) to include them.
 */
export declare function toSchemaItem(schema: OneTableSchema | NormalizedSchema, options?: {
    now?: number;
}): Record<string, unknown>;
/**
 * Whether two schemas store the same data model once normalized (key order, `String` vs
 * `'string'`, defaulted params and the item's keys, type and timestamps do not count).
 */
export declare function schemasEqual(a: OneTableSchema | NormalizedSchema | undefined, b: OneTableSchema | NormalizedSchema | undefined): boolean;
/**
 * What OneTable would refuse in this schema when a migration carrying it runs (its
 * `validateSchema` and `Model.checkType`), one sentence each; empty when it is usable.
 */
export declare function schemaProblems(schema: OneTableSchema): string[];
