import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createRequire } from 'node:module';
import type { Table as TableType } from 'dynamodb-onetable';
import type { Migrate as MigrateType } from 'onetable-migrate';
import { migrateCustomer, ONETABLE_SCHEMA } from '../data';

// Their CommonJS builds: the ESM builds import the SDK through Node's loader, which clashes
// with jiti's copy of it in the same process.
const require = createRequire(import.meta.url);
const { Table } = require('dynamodb-onetable') as { Table: typeof TableType };
const { Migrate } = require('onetable-migrate') as { Migrate: typeof MigrateType };
type Table = TableType;

/**
 * Variant (b): the same migration the idiomatic OneTable way, with the real packages: a
 * migration whose `up` pages through `Customer.scan` and awaits one `Customer.update` per
 * item, applied by `Migrate.apply('up', version)`.
 */
export async function runOnetable(
  client: DynamoDBClient,
  table: string,
  limit = Infinity,
): Promise<{ ms: number; updated: number }> {
  let updated = 0;
  const db = new Table({ client, name: table, schema: ONETABLE_SCHEMA as never, partial: false });
  const migrate = new Migrate(db, {
    migrations: [
      {
        version: '0.0.1',
        description: 'Customer GSI keys; name -> fullName',
        schema: ONETABLE_SCHEMA,
        async up(db: Table) {
          const Customer = db.getModel('Customer');
          let next: object | undefined;
          do {
            const page = await Customer.scan({}, { next, limit: 1000 } as never);
            for (const c of page) {
              if (updated >= limit) break;
              await Customer.update({ id: c.id, ...migrateCustomer(c) } as never, { remove: ['name'] } as never);
              updated++;
            }
            next = page.next;
          } while (next && updated < limit);
        },
        async down() {},
      },
    ],
    log: { info: () => undefined, error: (...args: unknown[]) => console.error(...args) },
  } as never);
  await migrate.init();
  const started = performance.now();
  await migrate.apply('up', '0.0.1', {});
  return { ms: performance.now() - started, updated };
}
