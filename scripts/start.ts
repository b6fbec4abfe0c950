// `npm start`: the example migrations against an embedded DynamoDB Local, no AWS account.
// Seeds an online store in its pre-migration shape, then plans, applies and shows status.
import { BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { ensureLocalTable } from '../src/cli/local-table';
import { runCli } from '../src/cli/program';
import { createDynamoClient } from '../src/dynamodb/client';
import { startDynamoDbLocal } from '../src/dynamodb/local';
import schema from '../migrations/schema/store-1.4.0';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';

const MANIFEST = 'migrations/manifest.yaml';
const TABLE = 'store-dev';
const CUSTOMERS = 2000;

/** `npm start -- --studio`: end by serving the studio on the example tables. */
const STUDIO = process.argv.includes('--studio');
const banner = (s: string) => process.stdout.write(`\n\x1b[1m$ dynamodb-migrate ${s}\x1b[0m\n`);

async function seed(client: DynamoDBClient): Promise<number> {
  const items: Record<string, unknown>[] = [];
  const first = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Ken', 'Margaret', 'Donald'];
  const last = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Thompson', 'Hamilton', 'Knuth'];
  for (let i = 0; i < CUSTOMERS; i++) {
    const id = `c${String(i).padStart(5, '0')}`;
    const name = `${first[i % 8]} ${last[(i * 3) % 8]}`;
    items.push({
      pk: `customer#${id}`,
      sk: 'customer#',
      _type: 'Customer',
      id,
      name,
      email: `${id}@example.com`,
      status: i % 10 ? 'active' : 'suspended',
    });
    for (let o = 0; o < 3; o++) {
      // Every 40th customer's orders point at a customer that was deleted long ago.
      const customerId = i % 40 === 0 ? `gone${i}` : id;
      items.push({
        pk: `customer#${customerId}`,
        sk: `order#${id}-${o}`,
        _type: 'Order',
        id: `${id}-${o}`,
        customerId,
        total: (i % 97) + o,
        status: 'paid',
      });
    }
  }
  for (let p = 0; p < 200; p++)
    items.push({
      pk: `product#sku-${p}`,
      sk: 'product#',
      _type: 'Product',
      sku: `sku-${p}`,
      title: `Product ${p}`,
      price: 5 + (p % 50),
    });
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let b = batches.shift(); b; b = batches.shift()) {
        let req = b.map((Item) => ({ PutRequest: { Item: marshall(Item) } }));
        while (req.length) {
          const res = await client.send(new BatchWriteItemCommand({ RequestItems: { [TABLE]: req } }));
          req = (res.UnprocessedItems?.[TABLE] ?? []) as typeof req;
        }
      }
    }),
  );
  return items.length;
}

const engine = await startDynamoDbLocal();
let code = 0;
try {
  const client = createDynamoClient({ endpoint: engine.endpoint, local: true });
  await ensureLocalTable(client, TABLE, schema);
  const n = await seed(client);
  process.stdout.write(
    `DynamoDB Local at ${engine.endpoint}; table ${TABLE} seeded with ${n} items in the pre-migration shape.\n`,
  );
  const cli = async (...args: string[]) => {
    banner(args.join(' '));
    const c = await runCli(['--manifest', MANIFEST, '--endpoint', engine.endpoint, ...args]);
    if (c !== 0 && c !== 4) code = c;
    return c;
  };
  await cli('lint');
  await cli('plan');
  // Up to 1.3.0 with a 10% canary (1.1.0 has a verify hook: its 10% is checked before the
  // rest is migrated), roll one version back, then all the way to the manifest's target.
  await cli('to', '1.3.0', '--yes', '--canary', '10');
  await cli('down', '--yes');
  await cli('apply', '--yes');
  await cli('status');
  // Every item checked against the data model of the version the table is at.
  await cli('validate');
  await cli('log', '--limit', '12');
  if (STUDIO) {
    // The studio on the table just migrated (and an empty production table beside it), until Ctrl-C.
    await ensureLocalTable(client, 'store-prod', schema);
    await cli('studio', '--port', process.env.STUDIO_PORT ?? '5480');
  }
} finally {
  await engine.stop();
}
process.stdout.write(
  code
    ? `\nnpm start failed (exit ${code}).\n`
    : STUDIO
      ? '\nStudio stopped.\n'
      : '\nDone. Try: node dist/cli/index.js --local status  (a persistent local table in .dynamodb-local/)\n' +
        'To open the studio on this example table: npm start -- --studio  (runs the same, then serves the studio on\n' +
        'http://127.0.0.1:5480 with the seeded table until Ctrl-C; the address to open, with its token, is printed)\n',
);
process.exit(code);
