import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Logger } from '../core/logger';
import type { OneTableSchema } from '../core/types';
import { createDynamoClient } from '../dynamodb/client';
import { startDynamoDbLocal } from '../dynamodb/local';
import { ensureLocalTable } from './local-table';

/** What `--local` needs to stand up the environment's table. */
export interface LocalTableRequest {
  /** The manifest's path: the data is kept in `.dynamodb-local/` beside its folder. */
  manifestPath: string;
  table: string;
  /** The newest migration's schema: the key and index names of a table created here. */
  schema: OneTableSchema | undefined;
  region: string | undefined;
  log: Logger;
  /** Where the engine's stop is registered: the program runs it when the command ends. */
  cleanups: (() => Promise<void>)[];
}

/**
 * `--local`: starts an embedded DynamoDB Local (data kept in `.dynamodb-local/` beside the
 * manifest's folder, so it survives between commands), creates the environment's table when it
 * is missing, and returns a client on it.
 */
export async function openLocalTable(r: LocalTableRequest): Promise<DynamoDBClient> {
  const dbPath = resolve(dirname(resolve(r.manifestPath)), '..', '.dynamodb-local');
  mkdirSync(dbPath, { recursive: true });
  r.log.debug(`starting DynamoDB Local (data in ${dbPath})`);
  const engine = await startDynamoDbLocal({ dbPath });
  r.cleanups.push(() => engine.stop());
  const client = createDynamoClient({ endpoint: engine.endpoint, region: r.region, local: true });
  const created = await ensureLocalTable(client, r.table, r.schema);
  if (created) r.log.info(`created table ${r.table} in DynamoDB Local`);
  return client;
}
