import type { OneTableSchema } from './onetable-schema.js';
/**
 * `new`: the table holds no schema yet; `changed`/`unchanged`; `none`: the target carries no
 * schema, so the table's `_schema` item stays as it is (OneTable writes none either).
 */
export type SchemaDiffStatus = 'new' | 'changed' | 'unchanged' | 'none';
/** One attribute as a reviewer reads it. Nested attributes are named `parent.child`. */
export interface AttributeSummary {
    name: string;
    type?: string;
    required: boolean;
    default?: unknown;
    /** Value template. */
    value?: string;
    enum?: unknown[];
    /** Stored under this attribute name instead. */
    map?: string;
    generate?: string | boolean;
}
/** The value a model writes into one key attribute of one index. */
export interface KeyTemplate {
    index: string;
    role: 'hash' | 'sort';
    /** The table attribute (e.g. `gs1pk`). */
    attribute: string;
    /** Its value template; a key filled straight from a property `p` shows as `${p}`. */
    template: string;
}
export interface ModelSummary {
    name: string;
    keys: KeyTemplate[];
    /** Attributes other than keys. */
    attributes: AttributeSummary[];
}
/** A property that differs; an absent side is left out. */
export interface PropertyChange {
    property: string;
    from?: unknown;
    to?: unknown;
}
export interface AttributeChange {
    name: string;
    changes: PropertyChange[];
}
/** A key template added (`from` absent), removed (`to` absent) or changed. */
export interface KeyChange {
    index: string;
    role: 'hash' | 'sort';
    attribute: string;
    from?: string;
    to?: string;
}
export interface ModelChange {
    name: string;
    keys: KeyChange[];
    attributes: {
        added: AttributeSummary[];
        removed: AttributeSummary[];
        changed: AttributeChange[];
    };
}
export interface IndexSummary {
    name: string;
    kind: 'primary' | 'global' | 'local';
    hash?: string;
    sort?: string;
    project?: unknown;
}
export interface IndexChange {
    name: string;
    changes: PropertyChange[];
}
/** A saved query or `process` entry. */
export interface EntryChange {
    name: string;
    change: 'added' | 'removed' | 'changed';
}
/** A change that breaks code (or items) of the old design, and why. */
export interface BreakingChange {
    reason: string;
    model?: string;
    attribute?: string;
    index?: string;
}
export interface SchemaDiff {
    status: SchemaDiffStatus;
    /** The schemas' own `version` properties. */
    fromVersion?: string;
    toVersion?: string;
    models: {
        added: ModelSummary[];
        removed: ModelSummary[];
        changed: ModelChange[];
    };
    indexes: {
        added: IndexSummary[];
        removed: IndexSummary[];
        changed: IndexChange[];
    };
    params: PropertyChange[];
    queries: EntryChange[];
    process: EntryChange[];
    breaking: BreakingChange[];
}
/**
 * The change from `from` (the table's current schema) to `to` (the target version's). Both
 * are normalized first, so `String` vs `'string'` or key order is no change. Deterministic:
 * models, attributes and indexes are ordered by name (primary index first).
 */
export declare function diffSchemas(from: OneTableSchema | undefined, to: OneTableSchema | undefined): SchemaDiff;
/** Whether the diff shows any change at all. */
export declare function hasChanges(diff: SchemaDiff): boolean;
/**
 * How the table's stored `_schema` item differs from the schema it should hold (the current
 * version's migration), in one short line for `status` and the drift check; undefined when
 * they agree or when there is nothing to compare with. Changes read from expected to stored:
 * "added" is in the table's item but not in the migration.
 */
export declare function schemaDriftOf(stored: OneTableSchema | undefined, expected: OneTableSchema | undefined, limit?: number): string | undefined;
