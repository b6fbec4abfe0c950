import { type SchemaModel } from './schema.js';
import type { OneTableSchema } from './types.js';
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
    problems: {
        attribute: string;
        kind: ProblemKind;
        count: number;
    }[];
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
export declare class SchemaValidator {
    private readonly keys;
    private readonly exampleLimit;
    private readonly models;
    private readonly typeField;
    private readonly isoDates;
    private readonly version;
    private readonly tally;
    private scanned;
    private unknownType;
    constructor(schema: OneTableSchema, keys: {
        hash: string;
        sort: string;
    }, exampleLimit?: number);
    /** Checks one item (unmarshalled) and counts it; returns its problems. */
    add(item: Record<string, unknown>): ItemProblem[];
    report(samplePercent?: number): ValidationReport;
}
/** The problems of one item against its model. */
export declare function checkItem(model: SchemaModel, item: Record<string, unknown>, isoDates?: boolean): ItemProblem[];
