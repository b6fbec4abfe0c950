import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createDynamoClient } from '../../../src/dynamodb/client';
import { loadProject } from '../../../src/loader/load-project';
import { createTestTable, localClient, localEndpoint } from '../../support/dynamodb-local';
import { copyProject } from '../../support/project';
import { openLocalSession } from '../../support/session';

/** One Scan as it went by: whether the client asked for its consumed capacity, when, and what it cost. */
interface MeteredScan {
  /** The client asked for ConsumedCapacity itself: the bulk engine does only when it enforces a read limit. */
  limited: boolean;
  answeredAt: number;
  units: number;
}

/**
 * A loopback proxy in front of DynamoDB Local that meters reads on the wire: every Scan is
 * forwarded asking for its ConsumedCapacity (DynamoDB Local computes it by item size, as
 * DynamoDB does), and its units and answer time are recorded; so is the time of each
 * DescribeTable answer (a bulk pass creates its rate limiter right after one).
 */
async function startReadMeter(target: string) {
  const to = new URL(target);
  const scans: MeteredScan[] = [];
  const describes: number[] = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let body = Buffer.concat(chunks);
    const operation = String(req.headers['x-amz-target'] ?? '')
      .split('.')
      .pop();
    let limited = false;
    if (operation === 'Scan') {
      const input = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      limited = input.ReturnConsumedCapacity !== undefined;
      body = Buffer.from(JSON.stringify({ ...input, ReturnConsumedCapacity: 'TOTAL' }));
    }
    const headers = { ...req.headers, host: to.host, 'content-length': String(body.length) };
    const out = request(
      { host: to.hostname, port: to.port, path: req.url, method: req.method, headers },
      async (up) => {
        const parts: Buffer[] = [];
        for await (const c of up) parts.push(c as Buffer);
        let answer = Buffer.concat(parts);
        if (operation === 'Scan' && up.statusCode === 200) {
          const output = JSON.parse(answer.toString('utf8')) as { ConsumedCapacity?: { CapacityUnits?: number } };
          scans.push({ limited, answeredAt: Date.now(), units: output.ConsumedCapacity?.CapacityUnits ?? Number.NaN });
          // The client sees the capacity only when it asked for it.
          if (!limited) answer = Buffer.from(JSON.stringify({ ...output, ConsumedCapacity: undefined }));
        }
        if (operation === 'DescribeTable') describes.push(Date.now());
        res.writeHead(up.statusCode ?? 502, { ...up.headers, 'content-length': String(answer.length) });
        res.end(answer);
      },
    );
    out.on('error', () => res.destroy());
    out.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    scans,
    describes,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

describe('the scheduled drift check with read-rate', () => {
  test('validates the data at no more than the manifest read-rate', async () => {
    const RATE = 50;
    const client = localClient();
    const table = await createTestTable(client);
    const { manifest } = copyProject('validate', table);
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace(
        'target: latest',
        `target: latest\n    read-rate: ${RATE}\n    validate: true`,
      ),
    );
    const project = await loadProject(manifest);
    const writer = openLocalSession(project, undefined, { client });
    expect(writer.settings.readRate).toBe(RATE);
    await writer.apply(await writer.plan({ command: 'apply' }));

    // About 600 KB: about 75 read units for a full eventually consistent scan, 1.5 s of the budget;
    // unthrottled, DynamoDB Local reads it in a fraction of that.
    const pad = 'x'.repeat(900);
    const items = Array.from({ length: 600 }, (_, i) => ({
      pk: `customer#c${i}`,
      sk: `order#o${i}`,
      _type: 'Order',
      id: `o${i}`,
      customerId: `c${i}`,
      total: i,
      note: pad,
    }));
    for (let i = 0; i < items.length; i += 25)
      await client.send(
        new BatchWriteItemCommand({
          RequestItems: { [table]: items.slice(i, i + 25).map((it) => ({ PutRequest: { Item: marshall(it) } })) },
        }),
      );

    const meter = await startReadMeter(localEndpoint());
    stops.push(meter.stop);
    const metered = createDynamoClient({ endpoint: meter.endpoint, local: true, region: 'us-east-1' });
    const session = openLocalSession(project, undefined, { client: metered });
    const validate = vi.spyOn(session, 'validate');
    const d = await session.drift();

    expect(d.drifted, JSON.stringify(d.findings)).toBe(false);
    expect(d.validation).toMatchObject({ scanned: 600, invalid: 0 });
    // The drift check's validation was given the environment's read rate...
    expect(validate).toHaveBeenCalledWith(expect.objectContaining({ readRate: RATE }));
    // ...and its scan was rate-limited: every Scan asked for its capacity to settle the limiter.
    expect(meter.scans.length).toBeGreaterThan(0);
    expect(meter.scans.map((s) => s.limited)).toEqual(meter.scans.map(() => true));
    const total = meter.scans.reduce((a, s) => a + s.units, 0);
    expect(total).toBeGreaterThan(RATE);

    // The budget of the elapsed window: the limiter starts empty after the pass's DescribeTable,
    // so by each answer the units read are at most RATE per second since then (plus one page,
    // the debt a single request may leave).
    const firstScan = Math.min(...meter.scans.map((s) => s.answeredAt));
    const start = Math.max(...meter.describes.filter((t) => t <= firstScan));
    const page = Math.max(...meter.scans.map((s) => s.units));
    let read = 0;
    for (const s of [...meter.scans].sort((a, b) => a.answeredAt - b.answeredAt)) {
      read += s.units;
      const budget = (RATE * (s.answeredAt - start)) / 1000 + page;
      expect(read, `${read} read units ${s.answeredAt - start} ms into the scan`).toBeLessThanOrEqual(budget);
    }
  });
});
