import { DescribeTableCommand, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import {
  createDynamoClient,
  deriveDynamoClient,
  hasSdkLogging,
  SDK_LOGGER_MIDDLEWARE,
} from '../../src/dynamodb/client';
import { leaseFencedClient, readOnlyClient } from '../../src/runner/local/read-only-client';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { localEndpoint } from '../support/dynamodb-local';

let proxy: FaultProxy;

beforeAll(async () => {
  proxy = await startFaultProxy({ target: localEndpoint(), seed: 7 });
});

afterAll(async () => {
  await proxy?.stop();
});

/** The names of a client's middleware, in the order the stack runs them. */
const middleware = (client: DynamoDBClient): string[] =>
  client.middlewareStack.identify().map((entry) => entry.split(' ')[0]!);

const plain = (config: ConstructorParameters<typeof DynamoDBClient>[0] = {}): DynamoDBClient =>
  new DynamoDBClient({
    region: 'us-east-1',
    endpoint: localEndpoint(),
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    ...config,
  });

test("our clients leave out the SDK's logger middleware and keep the rest of its stack", () => {
  const sdk = plain();
  expect(middleware(sdk)).toContain(SDK_LOGGER_MIDDLEWARE);
  const ours = createDynamoClient({ endpoint: localEndpoint(), local: true, region: 'us-east-1' });
  const expected = middleware(sdk).filter((name) => name !== SDK_LOGGER_MIDDLEWARE);
  expect(middleware(ours)).toEqual(expected);
  expect(hasSdkLogging(ours)).toBe(false);
  // What a run writes and reads through: the lease-fenced, read-only and heartbeat clients.
  const fenced = leaseFencedClient(ours, () => undefined);
  for (const derived of [deriveDynamoClient(ours), fenced, readOnlyClient(ours)]) {
    expect(middleware(derived)).not.toContain(SDK_LOGGER_MIDDLEWARE);
    expect(middleware(derived)).toEqual(expect.arrayContaining(expected));
  }
  fenced.destroy();
});

test('errors are still retried by the SDK: 500s and throttling, up to maxAttempts', async () => {
  const client = createDynamoClient({ endpoint: proxy.endpoint, local: true, region: 'us-east-1', maxAttempts: 3 });
  try {
    for (const [rates, name] of [
      [{ serverError: 1 }, 'InternalServerError'],
      [{ throttle: 1 }, /ProvisionedThroughputExceededException|ThrottlingException/],
    ] as const) {
      proxy.setRates(rates);
      const before = proxy.stats.requests;
      const err = await client.send(new DescribeTableCommand({ TableName: 'any' })).catch((e: unknown) => e);
      expect(err).toMatchObject({ name, $metadata: { attempts: 3 } });
      expect(proxy.stats.requests - before).toBe(3);
    }
    // An error that would fail the same way again is not retried.
    proxy.setRates({});
    const err = await client
      .send(new GetItemCommand({ TableName: 'missing', Key: { pk: { S: 'x' } } }))
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'ResourceNotFoundException', $metadata: { attempts: 1 } });
  } finally {
    proxy.setRates({});
    client.destroy();
  }
});

test('a client given with a logger of its own keeps logging, in the clients derived from it too', async () => {
  const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const given = plain({ logger });
  expect(hasSdkLogging(given)).toBe(true);
  const derived = deriveDynamoClient(given);
  expect(middleware(derived)).toContain(SDK_LOGGER_MIDDLEWARE);
  const err = await derived
    .send(new GetItemCommand({ TableName: 'missing', Key: { pk: { S: 'x' } } }))
    .catch((e: unknown) => e);
  expect(err).toMatchObject({ name: 'ResourceNotFoundException' });
  expect(logger.error).toHaveBeenCalledWith(expect.objectContaining({ commandName: 'GetItemCommand', error: err }));
  derived.destroy();
  given.destroy();
});
