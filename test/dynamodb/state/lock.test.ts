import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, describe, expect, test } from 'vitest';
import { EXIT, LockHeldError, messageOf } from '../../../src/core/errors';
import { exitCodeOf } from '../../../src/core/outcome';
import { deleteTestTable, localClient } from '../../support/dynamodb-local';
import { freshSession } from '../../support/session';
import { failure, storeOnFreshTable } from '../../support/state-store';

/**
 * A lock item the tool cannot read stops every command the same way: exit 1 (a state problem,
 * not bad input and not a lock held by a known run), one message naming the item and the
 * unlock command, nothing written. (A corrupt record does the same: records.test.ts.)
 */

const client = localClient();
const tables: string[] = [];
afterAll(async () => {
  for (const t of tables) await deleteTestTable(client, t);
});

const table = () => storeOnFreshTable(client, tables);

const strangeLock = { pk: '_migration_lock', sk: '_migration_lock', holder: 'someone else', until: 'tomorrow' };

describe('a lock item of an unknown format', () => {
  test('taking the lock stops with the state error (exit 1) naming the item and the unlock command, not "locked by another run"', async () => {
    const { store, put } = await table();
    await put(strangeLock);
    const e = await failure(store.acquireLock({ owner: 'me', command: 'apply', leaseMs: 60_000 }));
    expect(e).not.toBeInstanceOf(LockHeldError);
    expect(exitCodeOf(e)).toBe(EXIT.failure);
    expect(messageOf(e)).toMatch(/lock item pk=_migration_lock, sk=_migration_lock has an unknown format/);
    expect(messageOf(e)).toMatch(/dynamodb-migrate unlock unknown-[0-9a-f]{12}/);
    // Reading it says the same.
    expect(messageOf(await failure(store.readLock()))).toBe(messageOf(e));
  });

  test('unlock with the id the message names removes it, and the audit log says so', async () => {
    const { session, table: name } = await freshSession();
    await client.send(new PutItemCommand({ TableName: name, Item: marshall(strangeLock) }));
    const message = messageOf(await failure(session.readState()));
    const id = /dynamodb-migrate unlock (\S+)/.exec(message)![1]!;
    await expect(session.unlock('unknown-000000000000')).rejects.toThrow(new RegExp(`pass ${id}`));
    await session.unlock(id, 'left by an old tool');
    const left = await client.send(
      new GetItemCommand({
        TableName: name,
        Key: marshall({ pk: '_migration_lock', sk: '_migration_lock' }),
        ConsistentRead: true,
      }),
    );
    expect(left.Item).toBeUndefined();
    expect((await session.readLog()).find((e) => e.event === 'unlock')).toMatchObject({
      outcome: 'unlocked',
      reason: 'left by an old tool',
    });
    expect((await session.readState()).lock).toBeUndefined();
  });

  test('a lock item with a lock id but no lease is removed by that id', async () => {
    const { store, put } = await table();
    await put({ pk: '_migration_lock', sk: '_migration_lock', lockId: 'abc-123', leaseExpiresAt: 'soon' });
    expect(messageOf(await failure(store.readLock()))).toContain('dynamodb-migrate unlock abc-123');
    await store.forceUnlock('abc-123');
    expect(await store.readLock()).toBeUndefined();
  });
});
