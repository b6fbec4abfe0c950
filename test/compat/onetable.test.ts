import { Table } from 'dynamodb-onetable';
import { Migrate } from 'onetable-migrate';
import { describe, expect, test } from 'vitest';
import { buildStatus } from '../../src/core/status';
import { freshSession } from '../support/session';

/** OneTable's own schema for the test table: its Migrate needs one with the primary index. */
const onetableSchema = {
  format: 'onetable:1.1.0',
  version: '0.0.1',
  indexes: { primary: { hash: 'pk', sort: 'sk' } },
  models: {},
  params: { isoDates: false, timestamps: false },
};

function onetable(client: unknown, table: string, migrations: object[] = []) {
  const db = new Table({ client, name: table, partial: true, schema: onetableSchema } as never);
  const quiet = { info: () => undefined, error: () => undefined };
  return new Migrate(db, { migrations, log: quiet } as never);
}

const otMigration = (version: string) => ({
  version,
  description: `OneTable ${version}`,
  schema: onetableSchema,
  async up() {},
  async down() {},
});

describe('OneTable Migrate wire compatibility (the real onetable-migrate package)', () => {
  test('a table OneTable migrated shows the same current version in our status', async () => {
    const { session, client, table } = await freshSession();
    const ot = onetable(client, table, [otMigration('1.0.0'), otMigration('1.1.0')]);
    await ot.init();
    await ot.apply('up', '1.1.0', {});
    expect(await ot.getCurrentVersion()).toBe('1.1.0');

    const state = await session.readState();
    const plan = await session.plan({ command: 'apply' }, state);
    const status = buildStatus(state, session.project.migrations, plan, Date.now());
    expect(status.currentVersion).toBe('1.1.0');
    expect(status.applied.map((a) => a.version)).toEqual(['1.0.0', '1.1.0']);
    // Records written by OneTable carry no checksum: adopted, not drift.
    expect(plan.drift).toEqual([]);
    expect(plan.steps.map((s) => s.version)).toEqual(['1.2.0']);
    // Our apply continues from OneTable's version.
    expect((await session.apply(plan)).status).toBe('applied');
    expect(await ot.getCurrentVersion()).toBe('1.2.0');
  });

  test("OneTable's getCurrentVersion() reads the version we applied, and its history lists ours", async () => {
    const { session, client, table } = await freshSession();
    await session.apply(await session.plan({ command: 'to', version: '1.1.0' }));
    const ot = onetable(client, table);
    await ot.init();
    expect(await ot.getCurrentVersion()).toBe('1.1.0');
    const past = (await ot.getPastMigrations()) as { version: string; status: string }[];
    expect(past.map((p) => p.version).sort()).toEqual(['1.0.0', '1.1.0']);
    expect(past.every((p) => p.status === 'success')).toBe(true);
    // After our down, OneTable sees the lower version too.
    await session.apply(await session.plan({ command: 'down' }));
    expect(await ot.getCurrentVersion()).toBe('1.0.0');
  });
});
