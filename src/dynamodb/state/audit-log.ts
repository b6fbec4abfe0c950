import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { randomUUID } from 'node:crypto';
import type { LogEntry } from '../../core/types';
import type { StateTable } from './state-table';

/** Hash key value of the audit log's entries. */
export const LOG_HASH = '_migration_log';

/** Appends to the audit log, which is never deleted. Not fenced: a run that lost its lock still says so. */
export async function appendLog(t: StateTable, entry: LogEntry): Promise<void> {
  await t.assertHomeRegion();
  const k = await t.keys();
  const sortKey = `${new Date(entry.at).toISOString()}#${entry.runId}#${randomUUID().slice(0, 8)}`;
  await t.retried(() =>
    t.client.send(
      new PutItemCommand({
        TableName: t.name,
        Item: marshall(
          { [k.hash]: LOG_HASH, [k.sort]: sortKey, _type: '_MigrationLog', ...entry },
          { removeUndefinedValues: true },
        ),
      }),
    ),
  );
}

/** The audit log, newest first. */
export async function readLog(t: StateTable, limit = 100): Promise<LogEntry[]> {
  const items = await t.queryHash(LOG_HASH, { newestFirst: true, limit });
  const k = await t.keys();
  return items.map((i) => {
    const e = { ...i };
    delete e[k.hash];
    delete e[k.sort];
    delete e._type;
    return e as unknown as LogEntry;
  });
}
