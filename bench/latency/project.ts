/**
 * The latency section's fixture: a project as a long-lived repository has it, N TypeScript
 * migrations (each with a small OneTable schema, an `up` and a `down`), a manifest, and a table
 * in DynamoDB Local with the first APPLIED of them applied by the bundled CLI itself.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CreateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

const run = promisify(execFile);

/** How many migrations of every fixture are applied in its table. */
export const APPLIED = 20;

/** The AWS settings the CLI is given (DynamoDB Local accepts any credentials). */
export const DUMMY_AWS_ENV = {
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_REGION: 'us-east-1',
} as const;

export interface LatencyProject {
  dir: string;
  manifest: string;
  table: string;
  count: number;
}

/** The version of the i-th migration (1-based): 1.0.0, 1.1.0, ... */
export const versionOf = (i: number): string => `1.${i - 1}.0`;

/**
 * One migration file: a schema of three models that grows a field each version, an `up` that
 * sets it on one model's items and a `down` that removes it, as a typical file does.
 */
export function migrationSource(i: number): string {
  const version = versionOf(i);
  const field = `field${i}`;
  return `import { defineMigration } from 'dynamodb-migrate';

/** Version ${version}: customers get ${field}, derived from their name. */
const schema = {
  format: 'onetable:1.1.0',
  version: '${version}',
  indexes: {
    primary: { hash: 'pk', sort: 'sk' },
    gs1: { hash: 'gs1pk', sort: 'gs1sk', project: 'all' },
  },
  models: {
    Customer: {
      pk: { type: String, value: 'CUST#\${id}' },
      sk: { type: String, value: 'CUST#\${id}' },
      id: { type: String, required: true },
      name: { type: String },
      email: { type: String },
      ${field}: { type: String },
    },
    Order: {
      pk: { type: String, value: 'CUST#\${customerId}' },
      sk: { type: String, value: 'ORD#\${id}' },
      id: { type: String, required: true },
      customerId: { type: String, required: true },
      total: { type: Number },
      status: { type: String, enum: ['open', 'paid', 'shipped'] },
    },
    Product: {
      pk: { type: String, value: 'PROD#\${id}' },
      sk: { type: String, value: 'PROD#\${id}' },
      id: { type: String, required: true },
      price: { type: Number },
    },
  },
  params: { isoDates: true, timestamps: true },
} as const;

interface Customer {
  name?: string;
  ${field}?: string;
}

export default defineMigration({
  version: '${version}',
  description: 'Customers get ${field}',
  schema,
  idempotent: true,
  async up({ data }) {
    await data.transform({ type: 'Customer' }, (c: Customer) => {
      if (typeof c.name !== 'string' || c.${field} !== undefined) return undefined;
      return { set: { ${field}: c.name.trim().toLowerCase() } };
    });
  },
  async down({ data }) {
    await data.transform({ type: 'Customer' }, () => ({ remove: ['${field}'] }));
  },
});
`;
}

/** Writes a project of `count` migrations and its manifest into `dir` (created). */
export function writeLatencyProject(dir: string, count: number, table: string): LatencyProject {
  mkdirSync(dir, { recursive: true });
  const manifest = join(dir, 'manifest.yaml');
  writeFileSync(
    manifest,
    [
      'version: 1',
      'migrations: .',
      'environments:',
      '  bench:',
      `    table: ${table}`,
      '    region: us-east-1',
      '    target: latest',
      '',
    ].join('\n'),
  );
  for (let i = 1; i <= count; i++) writeFileSync(join(dir, `${versionOf(i)}-step-${i}.ts`), migrationSource(i));
  return { dir, manifest, table, count };
}

/** Creates the project's table (pk/sk, on demand). */
export async function createLatencyTable(client: DynamoDBClient, table: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: table,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    }),
  );
}

/**
 * Creates the table and applies the first APPLIED migrations with the CLI (`to <version>`),
 * as a user would have.
 */
export async function prepareLatencyProject(opts: {
  dir: string;
  count: number;
  table: string;
  client: DynamoDBClient;
  endpoint: string;
  cli: string;
}): Promise<LatencyProject> {
  const project = writeLatencyProject(opts.dir, opts.count, opts.table);
  await createLatencyTable(opts.client, opts.table);
  await run(
    process.execPath,
    [opts.cli, '--manifest', project.manifest, '--endpoint', opts.endpoint, '--yes', 'to', versionOf(APPLIED)],
    { env: { ...process.env, ...DUMMY_AWS_ENV }, maxBuffer: 16 << 20 },
  );
  return project;
}
