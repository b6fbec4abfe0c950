import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { silentLogger } from '../../src/core/logger';
import { planMigrations } from '../../src/core/planner';
import type { OneTableSchema, Plan } from '../../src/core/types';
import { StateStore } from '../../src/dynamodb/state/state-store';
import { projectFromModules } from '../../src/loader/static-project';
import { rehearsePlan } from '../../src/runner/rehearsal/rehearse';
import { migrateCustomer, ONETABLE_SCHEMA } from '../data';

/**
 * The rehearsal row: `plan --rehearse --sample P` of one step (the bench's migration: customers
 * get GSI keys and `name` becomes `fullName`, with its down) on P percent of the bench table,
 * against a plain plan of the same table (state read + planner), best of `rounds` each. The
 * rehearsal reads the whole table once to take its key-hash sample, then runs up, up again
 * (idempotent) and down in memory on the sampled items.
 */
export async function runRehearsalRow(
  client: DynamoDBClient,
  table: string,
  samplePercent = 1,
  rounds = 3,
): Promise<{ planMs: number; rehearsalMs: number; sampled: number; findings: string[] }> {
  const schema = { ...ONETABLE_SCHEMA, version: '1.1.0' } as unknown as OneTableSchema;
  const project = projectFromModules(
    { version: 1, migrations: '.', environments: { bench: { table, target: 'latest' } } },
    [
      {
        file: '1.1.0-customers.ts',
        checksum: 'sha256:0000000000000000000000000000000000000000000000000000000000000000',
        module: {
          version: '1.1.0',
          description: 'customers get GSI keys; name becomes fullName',
          idempotent: true,
          schema,
          async up(ctx: { data: import('../../src/dynamodb/bulk').BulkData }) {
            await ctx.data.transform({ type: 'Customer' }, (c) => ({ set: migrateCustomer(c), remove: ['name'] }));
          },
          async down(ctx: { data: import('../../src/dynamodb/bulk').BulkData }) {
            await ctx.data.transform({ type: 'Customer', filter: (c) => c.gs1pk !== undefined }, (c) => ({
              set: { name: c.fullName },
              remove: ['fullName', 'gs1pk', 'gs1sk'],
            }));
          },
        },
      },
    ],
  );
  const env = { ...project.manifest.environments.bench!, name: 'bench' };
  const store = new StateStore(client, table);
  const plainPlan = async (): Promise<Plan> =>
    planMigrations({
      command: 'apply',
      environment: env,
      migrations: project.migrations,
      state: await store.readState(),
      now: Date.now(),
    });
  let planMs = Infinity;
  let rehearsalMs = Infinity;
  let sampled = 0;
  let findings: string[] = [];
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    const plan = await plainPlan();
    planMs = Math.min(planMs, performance.now() - t);
    t = performance.now();
    const result = await rehearsePlan(plan, { client, table, project, log: silentLogger }, samplePercent);
    rehearsalMs = Math.min(rehearsalMs, performance.now() - t);
    sampled = result.summary.steps[0]?.sampled ?? 0;
    findings = result.findings.map((f) => f.code);
  }
  return { planMs, rehearsalMs, sampled, findings };
}
