import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Logger } from '../core/logger';
import type { OneTableSchema } from '../core/types';
import { SchemaValidator, type ValidationReport } from '../core/validate';
import { createDataEngine } from '../dynamodb/bulk';
import { readOnlyClient } from './local/read-only-client';

/** How `validate` reads the table. */
export interface ValidateOptions {
  /** Read this percentage of the items (the engine's deterministic sample). */
  samplePercent?: number | undefined;
  /** Read units per second at most. */
  readRate?: number | undefined;
  /** Check against this migration version's schema instead of the one stored in the table. */
  version?: string | undefined;
}

/**
 * Scans a table with the bulk engine (parallel segments, rate-limited, progress on a TTY,
 * read-only) and checks every item against a OneTable schema (core/validate.ts).
 */
export async function validateTable(o: {
  client: DynamoDBClient;
  table: string;
  keys: { hash: string; sort: string };
  schema: OneTableSchema;
  options: ValidateOptions;
  log: Logger;
  signal?: AbortSignal | undefined;
}): Promise<ValidationReport> {
  const validator = new SchemaValidator(o.schema, o.keys);
  const engine = createDataEngine({
    client: readOnlyClient(o.client),
    table: o.table,
    keys: o.keys,
    dryRun: true,
    signal: o.signal,
    logger: o.log,
    onProgress: o.log.progress ? (p) => o.log.progress?.(p) : undefined,
  });
  await engine.forEach(
    {},
    (item) => {
      validator.add(item);
    },
    {
      name: 'validate',
      ...(o.options.samplePercent !== undefined ? { samplePercent: o.options.samplePercent } : {}),
      ...(o.options.readRate !== undefined ? { rate: { read: o.options.readRate } } : {}),
    },
  );
  return validator.report(o.options.samplePercent);
}
