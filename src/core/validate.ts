import { normalizeSchema, type SchemaField, type SchemaModel } from './schema';
import type { OneTableSchema } from './types';

/** What is wrong with one attribute of one item. */
export type ProblemKind = 'missing' | 'type' | 'enum' | 'template';

export interface ItemProblem {
  attribute: string;
  kind: ProblemKind;
}

/** One model's tally in a validation report. */
export interface ModelValidation {
  scanned: number;
  invalid: number;
  /** Most common first. */
  problems: { attribute: string; kind: ProblemKind; count: number }[];
  /** Keys of a few invalid items. */
  examples: Record<string, unknown>[];
}

/** What `validate` found: every item whose type attribute names a model, checked against it. */
export interface ValidationReport {
  /** The schema's version the data was checked against. */
  version: string;
  /** Every item read (bookkeeping items are never read). */
  scanned: number;
  invalid: number;
  /** Items with no type attribute, or one that names no model of the schema. */
  unknownType: number;
  /** The type attribute the schema names (`params.typeField`, `_type` by default). */
  typeField: string;
  models: Record<string, ModelValidation>;
  /** The percentage of the table read, when sampled. */
  samplePercent?: number | undefined;
}

/**
 * Checks items against a OneTable schema: for each item whose type attribute names a model,
 * its required attributes are present, attributes have the declared type, `enum` values are in
 * their list, and attributes with a value template (`customer#${id}`) hold what the template
 * gives from the item's own attributes. Pure; feed it items with `add`, read `report()`.
 */
export class SchemaValidator {
  private readonly models: Record<string, SchemaModel>;
  private readonly typeField: string;
  private readonly isoDates: boolean;
  private readonly version: string;
  private readonly tally = new Map<
    string,
    { scanned: number; invalid: number; problems: Map<string, number>; examples: Record<string, unknown>[] }
  >();
  private scanned = 0;
  private unknownType = 0;

  constructor(
    schema: OneTableSchema,
    private readonly keys: { hash: string; sort: string },
    private readonly exampleLimit = 5,
  ) {
    const n = normalizeSchema(schema);
    this.models = n.models;
    this.typeField = n.params.typeField;
    this.isoDates = n.params.isoDates === true;
    this.version = n.version;
  }

  /** Checks one item (unmarshalled) and counts it; returns its problems. */
  add(item: Record<string, unknown>): ItemProblem[] {
    this.scanned++;
    const type = item[this.typeField];
    const model = typeof type === 'string' ? this.models[type] : undefined;
    if (!model || typeof type !== 'string') {
      this.unknownType++;
      return [];
    }
    let t = this.tally.get(type);
    if (!t) this.tally.set(type, (t = { scanned: 0, invalid: 0, problems: new Map(), examples: [] }));
    t.scanned++;
    const problems = checkItem(model, item, this.isoDates);
    if (problems.length) {
      t.invalid++;
      for (const p of problems) {
        const k = `${p.attribute}\u0000${p.kind}`;
        t.problems.set(k, (t.problems.get(k) ?? 0) + 1);
      }
      if (t.examples.length < this.exampleLimit)
        t.examples.push({ [this.keys.hash]: item[this.keys.hash], [this.keys.sort]: item[this.keys.sort] });
    }
    return problems;
  }

  report(samplePercent?: number): ValidationReport {
    const models: Record<string, ModelValidation> = {};
    let invalid = 0;
    for (const [name, t] of [...this.tally.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      invalid += t.invalid;
      models[name] = {
        scanned: t.scanned,
        invalid: t.invalid,
        problems: [...t.problems.entries()]
          .map(([k, count]) => {
            const [attribute = '', kind] = k.split('\u0000');
            return { attribute, kind: kind as ProblemKind, count };
          })
          .sort((a, b) => b.count - a.count || a.attribute.localeCompare(b.attribute)),
        examples: t.examples,
      };
    }
    return {
      version: this.version,
      scanned: this.scanned,
      invalid,
      unknownType: this.unknownType,
      typeField: this.typeField,
      models,
      ...(samplePercent !== undefined ? { samplePercent } : {}),
    };
  }
}

/** The problems of one item against its model. */
export function checkItem(model: SchemaModel, item: Record<string, unknown>, isoDates = false): ItemProblem[] {
  const problems: ItemProblem[] = [];
  for (const [name, field] of Object.entries(model)) {
    const value = storedValue(item, name, field);
    if (value === undefined || value === null) {
      if (field.required === true) problems.push({ attribute: name, kind: 'missing' });
      continue;
    }
    if (field.type && !hasType(value, field.type, isoDates)) {
      problems.push({ attribute: name, kind: 'type' });
      continue;
    }
    if (Array.isArray(field.enum) && field.enum.length && !field.enum.includes(value))
      problems.push({ attribute: name, kind: 'enum' });
    if (typeof field.value === 'string') {
      const expected = expand(field.value, (attr) => storedValue(item, attr, model[attr] ?? {}));
      if (expected !== undefined && value !== expected) problems.push({ attribute: name, kind: 'template' });
    }
  }
  return problems;
}

/** Where a field's value is stored: its own name, or `map` (`attr`, or packed `attr.prop`). */
function storedValue(item: Record<string, unknown>, name: string, field: SchemaField): unknown {
  const map = typeof field.map === 'string' && field.map ? field.map : undefined;
  if (!map) return item[name];
  const [attr = name, prop] = map.split('.');
  const v = item[attr];
  if (prop === undefined) return v;
  return v && typeof v === 'object' ? (v as Record<string, unknown>)[prop] : undefined;
}

/** A value template with the item's attributes put in; undefined when one it names is missing. */
function expand(template: string, get: (attr: string) => unknown): string | undefined {
  let missing = false;
  const out = template.replace(/\$\{([^}]+)\}/g, (_, attr: string) => {
    const v = get(attr.trim());
    if (v === undefined || v === null) missing = true;
    return String(v ?? '');
  });
  return missing ? undefined : out;
}

function hasType(value: unknown, type: string, isoDates: boolean): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' || typeof value === 'bigint';
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      // OneTable stores dates as ISO strings (isoDates) or epoch numbers.
      return isoDates
        ? typeof value === 'string' && !Number.isNaN(Date.parse(value))
        : typeof value === 'number' || (typeof value === 'string' && !Number.isNaN(Date.parse(value)));
    case 'array':
      return Array.isArray(value);
    case 'object':
      return (
        typeof value === 'object' && !Array.isArray(value) && !(value instanceof Set) && !(value instanceof Uint8Array)
      );
    case 'set':
      return value instanceof Set;
    case 'binary':
    case 'buffer':
    case 'arraybuffer':
      return value instanceof Uint8Array || value instanceof ArrayBuffer;
    default:
      return true;
  }
}
