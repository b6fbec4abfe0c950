import { afterAll, describe, expect, test } from 'vitest';
import { EXIT, messageOf } from '../../../src/core/errors';
import { exitCodeOf } from '../../../src/core/outcome';
import { deleteTestTable, localClient } from '../../support/dynamodb-local';
import { failure, storeOnFreshTable } from '../../support/state-store';

/**
 * A `_migration` record the tool cannot read stops every command the same way: exit 1 (a state
 * problem, not bad input), one message naming the item and what to do about it, nothing
 * written. (A lock item of an unknown format does the same: lock.test.ts.)
 */

const client = localClient();
const tables: string[] = [];
afterAll(async () => {
  for (const t of tables) await deleteTestTable(client, t);
});

const table = () => storeOnFreshTable(client, tables);

describe('a corrupt _migration record', () => {
  test('reading the history stops with exit 1, naming the item and what to do', async () => {
    const { name, store, put } = await table();
    await put({ pk: '_migration', sk: '_migration:garbage', version: 42, status: { nested: true } });
    const e = await failure(store.readRecords());
    expect(exitCodeOf(e)).toBe(EXIT.failure);
    const m = messageOf(e);
    expect(m).toContain(
      `${name}: the migration record pk=_migration, sk=_migration:garbage is corrupt ("version" is a number, not a string)`,
    );
    expect(m).toContain('Nothing was run');
    expect(m).toContain(
      `aws dynamodb delete-item --table-name ${name} --key '{"pk":{"S":"_migration"},"sk":{"S":"_migration:garbage"}}'`,
    );
    expect(m).toContain('dynamodb-migrate repair');
  });
});
