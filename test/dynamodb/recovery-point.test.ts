import { afterAll, beforeAll, expect, test } from 'vitest';
import { RefusedError } from '../../src/core/errors';
import { createDynamoClient } from '../../src/dynamodb/client';
import { ensureRecoveryPoint } from '../../src/dynamodb/recovery-point';
import { startBackupStub, type BackupStub } from '../support/dynamodb-backup-stub';

let stub: BackupStub;
beforeAll(async () => {
  stub = await startBackupStub();
});
afterAll(() => stub.close());

const client = () => createDynamoClient({ endpoint: stub.endpoint, local: true, maxAttempts: 1 });

test('pitr-or-backup: PITR on is enough, and no backup is taken', async () => {
  stub.pitr.add('orders-prod');
  const text = await ensureRecoveryPoint(client(), 'orders-prod', 'pitr-or-backup', {
    backupName: 'dynamodb-migrate-run-1',
  });
  expect(text).toBe('point-in-time recovery is on for orders-prod (earliest restore 2025-06-15T15:06:40.000Z)');
  expect(stub.backups).toEqual([]);
});

test('pitr-or-backup: PITR off takes an on-demand backup first', async () => {
  const text = await ensureRecoveryPoint(client(), 'orders-off', 'pitr-or-backup', {
    backupName: 'dynamodb-migrate run/7',
  });
  expect(stub.backups).toEqual([{ table: 'orders-off', name: 'dynamodb-migrate-run-7' }]);
  expect(text).toContain('on-demand backup dynamodb-migrate-run-7 of orders-off (arn:aws:dynamodb:');
});

test('pitr: PITR off is refused with the command that turns it on', async () => {
  const before = stub.backups.length;
  const err = await ensureRecoveryPoint(client(), 'orders-nopitr', 'pitr', { backupName: 'x-run' }).catch(
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RefusedError);
  expect((err as Error).message).toContain('update-continuous-backups --table-name orders-nopitr');
  expect(stub.backups.length).toBe(before);
});

test('backup: always takes a backup, even with PITR on', async () => {
  stub.pitr.add('orders-b');
  await ensureRecoveryPoint(client(), 'orders-b', 'backup', { backupName: 'b-run' });
  expect(stub.operations.at(-1)).toBe('CreateBackup');
  expect(stub.backups.at(-1)).toEqual({ table: 'orders-b', name: 'b-run' });
});
