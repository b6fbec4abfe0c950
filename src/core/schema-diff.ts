/**
 * What changes in the data model between two OneTable schemas, in terms a reviewer checks:
 * models, their attributes and key templates, indexes, params; and which of those changes
 * break code written for the old design. The result is plain data (it is the plan's `--json`).
 */
import { stableJson } from './checksum';
import {
  normalizeSchema,
  schemasEqual,
  type NormalizedSchema,
  type SchemaField,
  type SchemaIndex,
  type SchemaModel,
} from './schema';
import type { OneTableSchema } from './onetable-schema';

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
  attributes: { added: AttributeSummary[]; removed: AttributeSummary[]; changed: AttributeChange[] };
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
  models: { added: ModelSummary[]; removed: ModelSummary[]; changed: ModelChange[] };
  indexes: { added: IndexSummary[]; removed: IndexSummary[]; changed: IndexChange[] };
  params: PropertyChange[];
  queries: EntryChange[];
  process: EntryChange[];
  breaking: BreakingChange[];
}

/** Models OneTable adds itself on read; never part of the user's design. */
const INTERNAL_MODELS = new Set(['_Schema', '_Migration']);

/** Properties shown first, in this order; the rest follow by name. */
const PROPERTY_ORDER = [
  'type',
  'required',
  'default',
  'value',
  'enum',
  'map',
  'generate',
  'validate',
  'encode',
  'unique',
  'items',
];

/** Flags where absent and `false` mean the same. */
const FLAGS = new Set(['required', 'unique', 'hidden', 'crypt', 'ttl', 'nulls', 'partial', 'filter', 'timestamp']);

/** Params whose change makes items written by the old design read differently. */
const BREAKING_PARAMS: Record<string, string> = {
  typeField: 'the attribute naming each item’s model changes: readers of the old design cannot tell models apart',
  isoDates: 'dates are stored in another format: readers of the old design misread them',
};

/** Params OneTable fills from the table when a schema has none; absent equals the default. */
const PARAM_DEFAULTS: Record<string, unknown> = { createdField: 'created', updatedField: 'updated' };

/**
 * The change from `from` (the table's current schema) to `to` (the target version's). Both
 * are normalized first, so `String` vs `'string'` or key order is no change. Deterministic:
 * models, attributes and indexes are ordered by name (primary index first).
 */
export function diffSchemas(from: OneTableSchema | undefined, to: OneTableSchema | undefined): SchemaDiff {
  const diff: SchemaDiff = {
    status: 'none',
    models: { added: [], removed: [], changed: [] },
    indexes: { added: [], removed: [], changed: [] },
    params: [],
    queries: [],
    process: [],
    breaking: [],
  };
  const a = from === undefined ? undefined : normalizeSchema(from);
  const b = to === undefined ? undefined : normalizeSchema(to);
  if (a) diff.fromVersion = a.version;
  if (b) diff.toVersion = b.version;
  if (!b) return diff;
  if (!a) {
    diff.status = 'new';
    for (const name of indexNames(b.indexes)) diff.indexes.added.push(indexSummary(name, b.indexes[name]!));
    const keyAttrs = keyAttributes(b.indexes);
    for (const name of modelNames(b.models))
      diff.models.added.push(modelSummary(name, b.models[name]!, b.indexes, keyAttrs));
    return diff;
  }

  diffParams(a, b, diff);
  diffIndexes(a, b, diff);
  diffModels(a, b, diff);
  diff.queries = diffEntries(a.queries, b.queries);
  diff.process = diffEntries(a.process ?? {}, b.process ?? {});
  diff.status = hasChanges(diff) ? 'changed' : 'unchanged';
  return diff;
}

/** Whether the diff shows any change at all. */
export function hasChanges(diff: SchemaDiff): boolean {
  return (
    diff.models.added.length +
      diff.models.removed.length +
      diff.models.changed.length +
      diff.indexes.added.length +
      diff.indexes.removed.length +
      diff.indexes.changed.length +
      diff.params.length +
      diff.queries.length +
      diff.process.length >
    0
  );
}

/**
 * How the table's stored `_schema` item differs from the schema it should hold (the current
 * version's migration), in one short line for `status` and the drift check; undefined when
 * they agree or when there is nothing to compare with. Changes read from expected to stored:
 * "added" is in the table's item but not in the migration.
 */
export function schemaDriftOf(
  stored: OneTableSchema | undefined,
  expected: OneTableSchema | undefined,
  limit = 3,
): string | undefined {
  if (expected === undefined) return undefined;
  const want = normalizeSchema(expected);
  if (stored === undefined) return `the table has no _schema item; expected schema version ${want.version}`;
  if (schemasEqual(stored, expected)) return undefined;
  const have = normalizeSchema(stored);
  const diff = diffSchemas(expected, stored);
  const items = changePhrases(diff);
  const versions =
    have.version === want.version ? `version ${want.version}` : `version ${have.version}, expected ${want.version}`;
  if (items.length === 0) {
    const sections = (['version', 'indexes', 'models', 'params', 'queries', 'process'] as const).filter(
      (k) => stableJson(have[k]) !== stableJson(want[k]),
    );
    return `the _schema item (${versions}) differs from the migration's schema in ${sections.join(', ') || 'its details'}`;
  }
  const shown = items.slice(0, limit).join('; ');
  const more = items.length > limit ? `; and ${items.length - limit} more` : '';
  return `the _schema item (${versions}) differs from the migration's schema: ${shown}${more}`;
}

/** One short phrase per change, expected → stored, for the drift line. */
function changePhrases(d: SchemaDiff): string[] {
  const out: string[] = [];
  for (const p of d.params) out.push(`param ${p.property} ${show(p.from)} -> ${show(p.to)}`);
  for (const i of d.indexes.added) out.push(`index ${i.name} added`);
  for (const i of d.indexes.removed) out.push(`index ${i.name} removed`);
  for (const i of d.indexes.changed)
    out.push(`index ${i.name} ${i.changes.map((c) => `${c.property} ${show(c.from)} -> ${show(c.to)}`).join(', ')}`);
  for (const m of d.models.added) out.push(`model ${m.name} added`);
  for (const m of d.models.removed) out.push(`model ${m.name} removed`);
  for (const m of d.models.changed) {
    for (const k of m.keys) out.push(`${m.name} key ${k.attribute} ${show(k.from)} -> ${show(k.to)}`);
    for (const x of m.attributes.added) out.push(`${m.name}.${x.name} added`);
    for (const x of m.attributes.removed) out.push(`${m.name}.${x.name} removed`);
    for (const x of m.attributes.changed) {
      out.push(
        `${m.name}.${x.name} ${x.changes.map((c) => `${c.property} ${show(c.from)} -> ${show(c.to)}`).join(', ')}`,
      );
    }
  }
  for (const q of d.queries) out.push(`query ${q.name} ${q.change}`);
  for (const p of d.process) out.push(`process ${p.name} ${p.change}`);
  return out;
}

function show(v: unknown): string {
  if (v === undefined) return 'none';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

function diffParams(a: NormalizedSchema, b: NormalizedSchema, diff: SchemaDiff): void {
  const pa = { ...PARAM_DEFAULTS, ...a.params } as Record<string, unknown>;
  const pb = { ...PARAM_DEFAULTS, ...b.params } as Record<string, unknown>;
  for (const key of sortedUnion(pa, pb)) {
    const change = propertyChange(key, pa[key], pb[key]);
    if (!change) continue;
    diff.params.push(change);
    const reason = BREAKING_PARAMS[key];
    if (reason) diff.breaking.push({ reason: `param ${key} changed: ${reason}` });
  }
}

function diffIndexes(a: NormalizedSchema, b: NormalizedSchema, diff: SchemaDiff): void {
  const names = indexNames({ ...a.indexes, ...b.indexes });
  for (const name of names) {
    const ia = a.indexes[name];
    const ib = b.indexes[name];
    if (!ia && ib) diff.indexes.added.push(indexSummary(name, ib));
    else if (ia && !ib) {
      diff.indexes.removed.push(indexSummary(name, ia));
      diff.breaking.push({ index: name, reason: 'index removed: queries of the old design through it fail' });
    } else if (ia && ib) {
      const changes = propertyChanges(ia, ib);
      if (changes.length === 0) continue;
      diff.indexes.changed.push({ name, changes });
      const keyed = changes.filter((c) => c.property === 'hash' || c.property === 'sort' || c.property === 'type');
      if (keyed.length) {
        diff.breaking.push({
          index: name,
          reason: `index ${keyed.map((c) => c.property).join(' and ')} changed: queries of the old design through it read other attributes`,
        });
      }
      const project = changes.find((c) => c.property === 'project');
      if (project && projectionNarrowed(project.from, project.to)) {
        diff.breaking.push({
          index: name,
          reason: 'index projects fewer attributes: reads of the old design through it miss some',
        });
      }
    }
  }
}

function diffModels(a: NormalizedSchema, b: NormalizedSchema, diff: SchemaDiff): void {
  // A field counts as a key when it fills a key attribute in either design, so a key whose
  // index appears or goes shows as a key change rather than an attribute.
  const keyAttrs = new Set([...keyAttributes(a.indexes), ...keyAttributes(b.indexes)]);
  for (const name of modelNames({ ...a.models, ...b.models })) {
    const ma = a.models[name];
    const mb = b.models[name];
    if (!ma && mb) diff.models.added.push(modelSummary(name, mb, b.indexes, keyAttrs));
    else if (ma && !mb) {
      diff.models.removed.push(modelSummary(name, ma, a.indexes, keyAttrs));
      diff.breaking.push({
        model: name,
        reason: 'model removed: code of the old design still reads and writes its items',
      });
    } else if (ma && mb) {
      const change = modelChange(name, ma, mb, a, b, keyAttrs, diff.breaking);
      if (change) diff.models.changed.push(change);
    }
  }
}

function modelChange(
  name: string,
  ma: SchemaModel,
  mb: SchemaModel,
  a: NormalizedSchema,
  b: NormalizedSchema,
  keyAttrs: Set<string>,
  breaking: BreakingChange[],
): ModelChange | undefined {
  const change: ModelChange = { name, keys: [], attributes: { added: [], removed: [], changed: [] } };

  const ka = keyTemplates(ma, a.indexes);
  const kb = keyTemplates(mb, b.indexes);
  for (const id of orderedKeyIds([...ka.keys(), ...kb.keys()], { ...a.indexes, ...b.indexes })) {
    const x = ka.get(id);
    const y = kb.get(id);
    if (x?.template === y?.template) continue;
    const base = (y ?? x)!;
    const k: KeyChange = { index: base.index, role: base.role, attribute: base.attribute };
    if (x) k.from = x.template;
    if (y) k.to = y.template;
    change.keys.push(k);
    // A key of an index that appears, goes or is re-keyed is covered by the index entry.
    const ia = a.indexes[base.index];
    const ib = b.indexes[base.index];
    if (!x || !ia || !ib || ia[base.role] !== ib[base.role]) continue;
    breaking.push({
      model: name,
      attribute: base.attribute,
      index: base.index,
      reason: y
        ? 'key template changed: items written by the old design are not found under the new key, nor new items under the old one'
        : 'no longer written to this index: queries of the old design through it stop finding these items',
    });
  }

  const fa = flattenFields(ma);
  const fb = flattenFields(mb);
  for (const field of sortedUnion(Object.fromEntries(fa), Object.fromEntries(fb))) {
    const x = fa.get(field);
    const y = fb.get(field);
    const isKey = keyAttrs.has(attributeOf(field, (x ?? y)!));
    const nested = field.includes('.');
    if (!x && y) {
      if (isKey) continue;
      const s = attributeSummary(field, y);
      change.attributes.added.push(s);
      if (!nested && s.required && s.default === undefined && s.value === undefined && !s.generate) {
        breaking.push({
          model: name,
          attribute: field,
          reason:
            'required attribute added without a default: items written before, and by code of the old design, lack it',
        });
      }
    } else if (x && !y) {
      if (isKey) continue;
      const s = attributeSummary(field, x);
      change.attributes.removed.push(s);
      if (s.required) {
        breaking.push({
          model: name,
          attribute: field,
          reason: 'required attribute removed: code of the old design expects it on every item',
        });
      }
    } else if (x && y) {
      let changes = propertyChanges(x, y);
      // A key's template and implied flags are reported as a key change.
      if (isKey)
        changes = changes.filter((c) => c.property !== 'value' && c.property !== 'required' && c.property !== 'hidden');
      if (changes.length === 0) continue;
      change.attributes.changed.push({ name: field, changes });
      const type = changes.find((c) => c.property === 'type');
      if (type) {
        breaking.push({
          model: name,
          attribute: field,
          reason: `type changed from ${show(type.from)} to ${show(type.to)}: code of the old design reads the old type`,
        });
      }
      if (changes.some((c) => c.property === 'map')) {
        breaking.push({
          model: name,
          attribute: field,
          reason: 'stored under another attribute: code of the old design reads the old one',
        });
      }
    }
  }

  const empty =
    change.keys.length +
      change.attributes.added.length +
      change.attributes.removed.length +
      change.attributes.changed.length ===
    0;
  return empty ? undefined : change;
}

/** Top-level fields, then nested `schema` fields as `parent.child` (the parent without `schema`). */
function flattenFields(model: SchemaModel, prefix = ''): Map<string, SchemaField> {
  const out = new Map<string, SchemaField>();
  for (const [name, field] of Object.entries(model)) {
    if (!isRecord(field)) continue;
    const { schema, ...rest } = field;
    out.set(prefix + name, rest);
    if (isRecord(schema)) {
      for (const [child, f] of flattenFields(schema as SchemaModel, `${prefix}${name}.`)) out.set(child, f);
    }
  }
  return out;
}

/** The table attribute a field is stored in (its `map` target, else its own name). */
function attributeOf(name: string, field: SchemaField): string {
  if (name.includes('.')) return name;
  return typeof field.map === 'string' && field.map !== '' ? field.map.split('.')[0]! : name;
}

/** Key attribute names of all indexes (an LSI's hash is the primary's and is not counted again). */
function keyAttributes(indexes: Record<string, SchemaIndex>): Set<string> {
  const out = new Set<string>();
  for (const index of Object.values(indexes)) {
    if (!isRecord(index)) continue;
    if (typeof index.hash === 'string') out.add(index.hash);
    if (typeof index.sort === 'string') out.add(index.sort);
  }
  return out;
}

/** `index:role` → the template this model writes into that key. */
function keyTemplates(model: SchemaModel, indexes: Record<string, SchemaIndex>): Map<string, KeyTemplate> {
  const out = new Map<string, KeyTemplate>();
  for (const [indexName, index] of Object.entries(indexes)) {
    if (!isRecord(index)) continue;
    for (const role of ['hash', 'sort'] as const) {
      if (role === 'hash' && indexName !== 'primary' && index.type === 'local') continue;
      const attribute = index[role];
      if (typeof attribute !== 'string') continue;
      const entry = Object.entries(model).find(([n, f]) => isRecord(f) && attributeOf(n, f) === attribute);
      if (!entry) continue;
      const [fieldName, field] = entry;
      const template = typeof field.value === 'string' ? field.value : `\${${fieldName}}`;
      out.set(`${indexName}:${role}`, { index: indexName, role, attribute, template });
    }
  }
  return out;
}

function orderedKeyIds(ids: string[], indexes: Record<string, SchemaIndex>): string[] {
  const order = indexNames(indexes);
  const rank = (id: string): [number, number] => {
    const [index, role] = id.split(':') as [string, string];
    return [order.indexOf(index), role === 'hash' ? 0 : 1];
  };
  return [...new Set(ids)].sort((x, y) => {
    const [ix, rx] = rank(x);
    const [iy, ry] = rank(y);
    return ix - iy || rx - ry;
  });
}

function modelSummary(
  name: string,
  model: SchemaModel,
  indexes: Record<string, SchemaIndex>,
  keyAttrs: Set<string>,
): ModelSummary {
  const keys = orderedKeyIds([...keyTemplates(model, indexes).keys()], indexes).map(
    (id) => keyTemplates(model, indexes).get(id)!,
  );
  const attributes: AttributeSummary[] = [];
  const fields = flattenFields(model);
  for (const field of [...fields.keys()].sort(byName)) {
    const f = fields.get(field)!;
    if (keyAttrs.has(attributeOf(field, f))) continue;
    attributes.push(attributeSummary(field, f));
  }
  return { name, keys, attributes };
}

function attributeSummary(name: string, field: SchemaField): AttributeSummary {
  const s: AttributeSummary = { name, required: field.required === true };
  if (typeof field.type === 'string') s.type = field.type;
  if (field.default !== undefined) s.default = field.default;
  if (typeof field.value === 'string') s.value = field.value;
  if (Array.isArray(field.enum)) s.enum = field.enum;
  if (typeof field.map === 'string') s.map = field.map;
  if (field.generate !== undefined && field.generate !== false) s.generate = field.generate;
  return s;
}

function indexSummary(name: string, index: SchemaIndex): IndexSummary {
  const s: IndexSummary = { name, kind: name === 'primary' ? 'primary' : index.type === 'local' ? 'local' : 'global' };
  if (typeof index.hash === 'string') s.hash = index.hash;
  if (typeof index.sort === 'string') s.sort = index.sort;
  if (index.project !== undefined) s.project = index.project;
  return s;
}

/** Every property that differs, well-known ones first. */
function propertyChanges(x: Record<string, unknown>, y: Record<string, unknown>): PropertyChange[] {
  const keys = sortedUnion(x, y).sort((p, q) => rankProperty(p) - rankProperty(q) || byName(p, q));
  const out: PropertyChange[] = [];
  for (const key of keys) {
    const c = propertyChange(key, x[key], y[key]);
    if (c) out.push(c);
  }
  return out;
}

function propertyChange(property: string, from: unknown, to: unknown): PropertyChange | undefined {
  const f = FLAGS.has(property) && from === false ? undefined : from;
  const t = FLAGS.has(property) && to === false ? undefined : to;
  if (f === t || (f !== undefined && t !== undefined && stableJson(f) === stableJson(t))) return undefined;
  const c: PropertyChange = { property };
  if (f !== undefined) c.from = f;
  if (t !== undefined) c.to = t;
  return c;
}

function rankProperty(p: string): number {
  const i = PROPERTY_ORDER.indexOf(p);
  return i < 0 ? PROPERTY_ORDER.length : i;
}

/** `all` → anything else, `include`/list losing attributes, or list → `keys`. */
function projectionNarrowed(from: unknown, to: unknown): boolean {
  const level = (p: unknown): number => (p === undefined || p === 'all' ? 2 : p === 'keys' ? 0 : 1);
  if (level(to) < level(from)) return true;
  if (Array.isArray(from) && Array.isArray(to)) return from.some((a) => !to.includes(a));
  return false;
}

function diffEntries(a: Record<string, unknown>, b: Record<string, unknown>): EntryChange[] {
  const out: EntryChange[] = [];
  for (const name of sortedUnion(a, b)) {
    if (!(name in a)) out.push({ name, change: 'added' });
    else if (!(name in b)) out.push({ name, change: 'removed' });
    else if (stableJson(a[name]) !== stableJson(b[name])) out.push({ name, change: 'changed' });
  }
  return out;
}

/** Primary first, then by name. */
function indexNames(indexes: Record<string, unknown>): string[] {
  return Object.keys(indexes).sort((x, y) => (x === 'primary' ? -1 : y === 'primary' ? 1 : byName(x, y)));
}

function modelNames(models: Record<string, unknown>): string[] {
  return Object.keys(models)
    .filter((n) => !INTERNAL_MODELS.has(n))
    .sort(byName);
}

function sortedUnion(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(byName);
}

/** Code-point order: the same on every machine, unlike localeCompare. */
function byName(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
