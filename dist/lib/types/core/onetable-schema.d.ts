/** A OneTable-format schema object (`{format, version, indexes, models, params, queries, process}`). */
export type OneTableSchema = Record<string, unknown>;
