/**
 * A capacity stand-in: a loopback HTTP proxy in front of DynamoDB Local that meters and limits
 * requests the way DynamoDB's provisioned capacity does, so that a benchmark can measure what
 * limits a migration on AWS (write and read units per second) instead of the CPU of a JVM.
 *
 * What it models:
 * - Consumed units by item size: 1 WCU per KB written, 1 RCU per 4 KB read strongly consistent
 *   (half when eventually consistent), rounded up per item (per page for Scan and Query), at
 *   least one. UpdateItem and PutItem cost the larger of the item before and after; a failed
 *   condition still costs the item's size (one unit when it does not exist). BatchWriteItem,
 *   BatchGetItem and BatchExecuteStatement are charged per item; transactions twice. For the
 *   classic operations the units are DynamoDB Local's own (it returns ConsumedCapacity, and its
 *   numbers follow these rules); for PartiQL, which Local does not meter, the stand-in reads the
 *   item before (a BatchGetItem of its own, not charged) and computes before and after itself.
 * - A token bucket per provisioned table, for writes and for reads: refilled at the provisioned
 *   rate, holding up to `burstSeconds` (300) of unused capacity, starting with
 *   `initialBurstSeconds` (default 0: no saved burst, the strictest case). A request, or each
 *   item of a batch in order, is let in while the bucket is not empty, and is charged what it
 *   costs, which may leave the bucket in debt (as a large Scan page does on DynamoDB).
 * - A per-partition limit on hot keys: 1,000 WCU and 3,000 RCU per second per partition-key
 *   value (a bucket of one second, full at start), on provisioned and on-demand tables alike.
 * - Throttling answers as DynamoDB gives them: HTTP 400 with
 *   `com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException` for a whole
 *   request; in a BatchWriteItem the items left out come back as UnprocessedItems (the whole
 *   request fails only when none went in); BatchGetItem's as UnprocessedKeys; in a
 *   BatchExecuteStatement, a `ProvisionedThroughputExceeded` error in place of each statement
 *   left out. Control-plane requests (DescribeTable, CreateTable, …) above `controlPlanePerSecond`
 *   get HTTP 400 `com.amazon.coral.availability#ThrottlingException`.
 * - `ConsumedCapacity` in answers when the request asks (`TOTAL` or `INDEXES`), including for
 *   PartiQL; never when it does not.
 * - DescribeTable answers with the ProvisionedThroughput and BillingMode it simulates, so that
 *   the engine and the planner see the capacity.
 *
 * What it does not model: capacity of global secondary indexes (Local's GSI units are reported
 * in ConsumedCapacity but not limited), the split of a table into partitions (a Scan is limited
 * by the table's bucket only, and the per-key limit stands in for a hot partition), adaptive
 * capacity and auto scaling, on-demand tables' own scaling (they are metered and limited per
 * key only), the account's table-level maximums, network latency beyond a fixed `latencyMs`, and the six-hour lag of
 * DescribeTable's ItemCount and TableSizeBytes (Local's are live). ExecuteStatement SELECTs
 * without a key are charged by the items returned, not by the items read.
 */
import { Agent, createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  applyUpdate,
  itemBytes,
  parseStatement,
  readUnitsFor,
  TokenBucket,
  writeUnitsFor,
  type ParsedStatement,
  type WireItem,
  type WireValue,
} from './metering';

/** Provisioned capacity of one table, in units per second. */
export interface ProvisionedCapacity {
  read: number;
  write: number;
}

export interface CapacityProxyOptions {
  /** DynamoDB Local's endpoint. */
  target: string;
  /** Tables simulated as provisioned; any other table is on-demand (metered, per-key limits only). */
  tables?: Record<string, ProvisionedCapacity>;
  /** Seconds of unused capacity a table's bucket can save (DynamoDB: 300). */
  burstSeconds?: number;
  /** Seconds of capacity in a table's bucket when it is provisioned. Default 0. */
  initialBurstSeconds?: number;
  /** Per partition-key value, units per second. Default 1,000 write / 3,000 read. */
  partition?: ProvisionedCapacity;
  /** Control-plane requests per second (and burst) before ThrottlingException. Default 20. */
  controlPlanePerSecond?: number;
  /** Milliseconds added to every request before it is handled: the network between client and DynamoDB. Default 0. */
  latencyMs?: number;
  /** Milliseconds, for the buckets; tests pass a clock they move by hand. */
  now?: () => number;
}

/** What one table's requests did, as the stand-in saw them. */
export interface TableMeter {
  /** Data-plane requests. */
  requests: number;
  /** Requests refused in whole or in part (any item or statement left out). */
  throttledRequests: number;
  /** Items and statements refused (a whole refused request counts each of its items). */
  throttledItems: number;
  /** Requests that carried work the stand-in had refused before: the client's retries. */
  retries: number;
  writeUnits: number;
  readUnits: number;
}

export interface CapacityProxy {
  endpoint: string;
  /** Simulates `table` as provisioned at `capacity` from now on (its bucket starts anew). */
  provision(table: string, capacity: ProvisionedCapacity): void;
  meter(table: string): TableMeter;
  /** Control-plane requests refused with ThrottlingException. */
  controlPlaneThrottles(): number;
  stop(): Promise<void>;
}

type Json = Record<string, unknown>;
type Kind = 'read' | 'write';

const PTEE = 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException';
const PTEE_MESSAGE =
  'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.';
const THROTTLING = 'com.amazon.coral.availability#ThrottlingException';
const THROTTLING_MESSAGE = 'Rate of requests exceeds the allowed throughput.';

const SINGLE = {
  GetItem: 'read',
  PutItem: 'write',
  UpdateItem: 'write',
  DeleteItem: 'write',
  Scan: 'read',
  Query: 'read',
  TransactWriteItems: 'write',
  TransactGetItems: 'read',
} as const;
const DATA_PLANE = new Set([
  ...Object.keys(SINGLE),
  'BatchWriteItem',
  'BatchGetItem',
  'BatchExecuteStatement',
  'ExecuteStatement',
  'ExecuteTransaction',
]);

interface KeySchema {
  hash: string;
  range?: string | undefined;
}

interface TableState {
  capacity?: ProvisionedCapacity | undefined;
  write?: TokenBucket | undefined;
  read?: TokenBucket | undefined;
  meter: TableMeter;
}

/** One unit of admission: an item, a statement, or a whole request. */
interface Claim {
  table: string;
  kind: Kind;
  /** Partition-key value (JSON), when the item's key is known. */
  partition?: string | undefined;
  units: number;
  /** Identifies the work across requests, to count retries. */
  signature: string;
}

/** Starts the stand-in on loopback in front of `target`. */
export async function startCapacityProxy(opts: CapacityProxyOptions): Promise<CapacityProxy> {
  const target = new URL(opts.target);
  const now = opts.now ?? (() => performance.timeOrigin + performance.now());
  const burstSeconds = opts.burstSeconds ?? 300;
  const initialBurst = opts.initialBurstSeconds ?? 0;
  const perPartition = opts.partition ?? { read: 3000, write: 1000 };
  const controlRate = opts.controlPlanePerSecond ?? 20;
  const control = new TokenBucket(controlRate, controlRate, controlRate, now());
  let controlThrottles = 0;
  const tables = new Map<string, TableState>();
  const partitions = new Map<string, TokenBucket>();
  const keySchemas = new Map<string, Promise<KeySchema | undefined>>();
  const refused = new Set<string>();
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const sockets = new Set<Socket>();

  const state = (table: string): TableState => {
    let s = tables.get(table);
    if (!s)
      tables.set(
        table,
        (s = {
          meter: { requests: 0, throttledRequests: 0, throttledItems: 0, retries: 0, writeUnits: 0, readUnits: 0 },
        }),
      );
    return s;
  };
  const provision = (table: string, capacity: ProvisionedCapacity): void => {
    const s = state(table);
    const t = now();
    s.capacity = { ...capacity };
    s.write = new TokenBucket(capacity.write, capacity.write * burstSeconds, capacity.write * initialBurst, t);
    s.read = new TokenBucket(capacity.read, capacity.read * burstSeconds, capacity.read * initialBurst, t);
  };
  for (const [table, capacity] of Object.entries(opts.tables ?? {})) provision(table, capacity);

  const partitionBucket = (table: string, kind: Kind, partition: string): TokenBucket => {
    const id = `${kind}\u0000${table}\u0000${partition}`;
    let b = partitions.get(id);
    if (!b) {
      const rate = perPartition[kind];
      partitions.set(id, (b = new TokenBucket(rate, rate, rate, now())));
      // Full buckets say nothing: forget them now and then so that a long run stays small.
      if (partitions.size > 50_000) for (const [k, v] of partitions) if (v.level(now()) >= v.max) partitions.delete(k);
    }
    return b;
  };
  const tableBucket = (table: string, kind: Kind): TokenBucket | undefined => state(table)[kind];

  /** Lets claims in, in order, while their buckets are not empty; returns which went in. */
  const admit = (claims: readonly Claim[], allOrNothing: boolean): boolean[] => {
    const t = now();
    const open = (c: Claim): boolean =>
      (tableBucket(c.table, c.kind)?.open(t) ?? true) &&
      (c.partition === undefined || partitionBucket(c.table, c.kind, c.partition).open(t));
    const charge = (c: Claim): void => {
      tableBucket(c.table, c.kind)?.charge(c.units, t);
      if (c.partition !== undefined) partitionBucket(c.table, c.kind, c.partition).charge(c.units, t);
    };
    let verdict: boolean[];
    if (allOrNothing) {
      const ok = claims.every(open);
      if (ok) for (const c of claims) charge(c);
      verdict = claims.map(() => ok);
    } else {
      verdict = claims.map((c) => {
        if (!open(c)) return false;
        charge(c);
        return true;
      });
    }
    // Meter the request once per table it touches.
    const byTable = new Map<string, { any: boolean; refused: number; retry: boolean }>();
    claims.forEach((c, i) => {
      const m = byTable.get(c.table) ?? { any: false, refused: 0, retry: false };
      if (refused.has(c.signature)) m.retry = true;
      if (verdict[i]) refused.delete(c.signature);
      else {
        m.refused++;
        refused.add(c.signature);
      }
      byTable.set(c.table, m);
    });
    for (const [table, m] of byTable) {
      const meter = state(table).meter;
      meter.requests++;
      if (m.refused) meter.throttledRequests++;
      meter.throttledItems += m.refused;
      if (m.retry) meter.retries++;
    }
    return verdict;
  };

  /** Charges what went in beyond (or short of) its claim, once Local says what it cost. */
  const settle = (table: string, kind: Kind, claimed: number, actual: number, partition?: string): void => {
    const t = now();
    const s = state(table);
    if (kind === 'write') s.meter.writeUnits += actual;
    else s.meter.readUnits += actual;
    const extra = actual - claimed;
    if (extra === 0) return;
    s[kind]?.charge(extra, t);
    if (partition !== undefined) partitionBucket(table, kind, partition).charge(extra, t);
  };

  const send = (
    op: string,
    body: Json,
  ): Promise<{ status: number; headers: Record<string, string>; json: Json | undefined; raw: Buffer }> =>
    new Promise((resolve, reject) => {
      const data = Buffer.from(JSON.stringify(body));
      const out = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: 'POST',
          path: '/',
          agent,
          headers: {
            'content-type': 'application/x-amz-json-1.0',
            'x-amz-target': `DynamoDB_20120810.${op}`,
            'content-length': String(data.length),
            // Local checks that a signature is present, not that it is right.
            authorization:
              'AWS4-HMAC-SHA256 Credential=local/20240101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
            'x-amz-date': '20240101T000000Z',
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const raw = Buffer.concat(chunks);
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers[k] = v;
            let json: Json | undefined;
            try {
              json = JSON.parse(raw.toString('utf8')) as Json;
            } catch {
              json = undefined;
            }
            resolve({ status: res.statusCode ?? 502, headers, json, raw });
          });
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(data);
    });

  /** The table's key attributes, from Local's DescribeTable (asked once per table). */
  const keySchemaOf = (table: string): Promise<KeySchema | undefined> => {
    let k = keySchemas.get(table);
    if (!k) {
      k = send('DescribeTable', { TableName: table }).then(({ json }) => {
        const schema = ((json?.Table as Json | undefined)?.KeySchema ?? []) as {
          AttributeName: string;
          KeyType: string;
        }[];
        const hash = schema.find((s) => s.KeyType === 'HASH')?.AttributeName;
        return hash ? { hash, range: schema.find((s) => s.KeyType === 'RANGE')?.AttributeName } : undefined;
      });
      k.then(
        (v) => v === undefined && keySchemas.delete(table),
        () => keySchemas.delete(table),
      );
      keySchemas.set(table, k);
    }
    return k;
  };
  const partitionOf = async (table: string, keyOrItem: WireItem | undefined): Promise<string | undefined> => {
    if (!keyOrItem) return undefined;
    const schema = await keySchemaOf(table);
    const v = schema ? keyOrItem[schema.hash] : undefined;
    return v ? JSON.stringify(v) : undefined;
  };
  /** The item's full primary key from a statement's WHERE equalities, if they name it. */
  const keyOf = async (table: string, where: WireItem): Promise<WireItem | undefined> => {
    const schema = table ? await keySchemaOf(table) : undefined;
    if (!schema) return undefined;
    const names = schema.range ? [schema.hash, schema.range] : [schema.hash];
    if (!names.every((n) => where[n])) return undefined;
    return Object.fromEntries(names.map((n) => [n, where[n]!]));
  };
  const signatureOf = (table: string, op: string, what: unknown): string =>
    `${table}\u0000${op}\u0000${JSON.stringify(what)}`;

  const reply = (res: ServerResponse, status: number, body: Json, headers: Record<string, string> = {}): void => {
    const out = Buffer.from(JSON.stringify(body));
    const h: Record<string, string> = {
      ...headers,
      'content-type': 'application/x-amz-json-1.0',
      'content-length': String(out.length),
    };
    // The body was rebuilt: Local's checksum no longer applies.
    delete h['x-amz-crc32'];
    h['x-amzn-requestid'] ??= `capacity-${Math.random().toString(36).slice(2)}`;
    res.writeHead(status, h);
    res.end(out);
  };
  const throttle = (res: ServerResponse): void => reply(res, 400, { __type: PTEE, message: PTEE_MESSAGE });

  /** Reshapes Local's ConsumedCapacity (asked as INDEXES) to what the client asked for. */
  const shapeCapacity = (asked: unknown, cc: unknown): unknown => {
    if (asked !== 'TOTAL' && asked !== 'INDEXES') return undefined;
    if (asked === 'INDEXES' || cc === undefined) return cc;
    const total = (c: Json): Json => {
      const { Table: _t, GlobalSecondaryIndexes: _g, LocalSecondaryIndexes: _l, ...rest } = c;
      return rest;
    };
    return Array.isArray(cc) ? cc.map((c) => total(c as Json)) : total(cc as Json);
  };
  /** The table's own units in one of Local's ConsumedCapacity entries (GSIs are not limited). */
  const tableUnits = (c: Json | undefined): number => {
    const own = (c?.Table as Json | undefined)?.CapacityUnits;
    return typeof own === 'number' ? own : typeof c?.CapacityUnits === 'number' ? c.CapacityUnits : 0;
  };
  const ourCapacity = (asked: unknown, perTable: Map<string, number>, array: boolean): unknown => {
    if (asked !== 'TOTAL' && asked !== 'INDEXES') return undefined;
    const list = [...perTable].map(([TableName, units]) => ({
      TableName,
      CapacityUnits: units,
      ...(asked === 'INDEXES' ? { Table: { CapacityUnits: units } } : {}),
    }));
    return array ? list : list[0];
  };

  /** GetItem, PutItem, UpdateItem, DeleteItem, Scan, Query and the transactions: one claim for the whole request. */
  const handleSingle = async (op: keyof typeof SINGLE, body: Json, res: ServerResponse): Promise<void> => {
    const kind = SINGLE[op];
    const asked = body.ReturnConsumedCapacity;
    const transaction = op === 'TransactWriteItems' || op === 'TransactGetItems';
    const claims: Claim[] = [];
    if (transaction) {
      for (const entry of (body.TransactItems ?? []) as Json[]) {
        const inner = Object.values(entry)[0] as Json;
        const table = String(inner.TableName);
        const key = (inner.Key ?? inner.Item) as WireItem | undefined;
        const units = inner.Item ? writeUnitsFor(itemBytes(inner.Item as WireItem)) : 1;
        claims.push({
          table,
          kind,
          partition: await partitionOf(table, key),
          units: units * 2,
          signature: signatureOf(table, op, key),
        });
      }
    } else {
      const table = String(body.TableName);
      const key = (body.Key ?? body.Item) as WireItem | undefined;
      const consistent = body.ConsistentRead === true;
      const units = body.Item
        ? writeUnitsFor(itemBytes(body.Item as WireItem))
        : kind === 'read'
          ? readUnitsFor(1, consistent)
          : 1;
      let partition: string | undefined;
      if (op === 'Query') partition = await queryPartition(table, body);
      else if (op !== 'Scan') partition = await partitionOf(table, key);
      const what =
        op === 'Scan' || op === 'Query'
          ? {
              s: body.Segment,
              k: body.ExclusiveStartKey,
              f: body.FilterExpression,
              q: body.KeyConditionExpression,
              v: body.ExpressionAttributeValues,
            }
          : key;
      claims.push({ table, kind, partition, units, signature: signatureOf(table, op, what) });
    }
    if (!admit(claims, true)[0]) return throttle(res);
    const answer = await send(op, { ...body, ReturnConsumedCapacity: 'INDEXES' });
    const cc = answer.json?.ConsumedCapacity;
    const list = (Array.isArray(cc) ? cc : cc ? [cc] : []) as Json[];
    const claimedBy = new Map<string, number>();
    for (const c of claims) claimedBy.set(c.table, (claimedBy.get(c.table) ?? 0) + c.units);
    for (const [table, claimed] of claimedBy) {
      const actual = list.filter((c) => c.TableName === table).reduce((n, c) => n + tableUnits(c), 0);
      // A failed condition or cancelled transaction is charged (Local's error carries no units: the
      // claim stands); a request refused before it read or wrote (validation) costs nothing.
      const type = String(answer.json?.__type ?? '');
      const charged =
        answer.status === 200
          ? actual
          : /#(ConditionalCheckFailed|TransactionCanceled)Exception$/.test(type)
            ? claimed
            : 0;
      settle(table, kind, claimed, charged, claims.length === 1 ? claims[0]!.partition : undefined);
    }
    if (answer.json && answer.status === 200) {
      const shaped = shapeCapacity(asked, cc);
      if (shaped === undefined) delete answer.json.ConsumedCapacity;
      else answer.json.ConsumedCapacity = shaped;
      return reply(res, answer.status, answer.json, answer.headers);
    }
    // Errors (a failed condition, a cancelled transaction) pass through unchanged.
    return passThrough(res, answer);
  };

  /** Query's partition: the hash key's value in KeyConditionExpression (`#pk = :v` or `pk = :v`). */
  const queryPartition = async (table: string, body: Json): Promise<string | undefined> => {
    const hash = (await keySchemaOf(table))?.hash;
    const expr = typeof body.KeyConditionExpression === 'string' ? body.KeyConditionExpression : '';
    const names = (body.ExpressionAttributeNames ?? {}) as Record<string, string>;
    const values = (body.ExpressionAttributeValues ?? {}) as Record<string, WireValue>;
    for (const m of expr.matchAll(/([#\w]+)\s*=\s*(:\w+)/g)) {
      const name = m[1]!.startsWith('#') ? names[m[1]!] : m[1];
      if (name === hash && values[m[2]!]) return JSON.stringify(values[m[2]!]);
    }
    return undefined;
  };

  const handleBatchWrite = async (body: Json, res: ServerResponse): Promise<void> => {
    const asked = body.ReturnConsumedCapacity;
    const requestItems = (body.RequestItems ?? {}) as Record<string, Json[]>;
    const entries: { table: string; request: Json; claim: Claim }[] = [];
    for (const [table, requests] of Object.entries(requestItems)) {
      for (const request of requests) {
        const put = (request.PutRequest as Json | undefined)?.Item as WireItem | undefined;
        const key = put ?? ((request.DeleteRequest as Json | undefined)?.Key as WireItem | undefined);
        const units = put ? writeUnitsFor(itemBytes(put)) : 1;
        entries.push({
          table,
          request,
          claim: {
            table,
            kind: 'write',
            partition: await partitionOf(table, key),
            units,
            signature: signatureOf(table, 'w', key),
          },
        });
      }
    }
    const verdict = admit(
      entries.map((e) => e.claim),
      false,
    );
    const inside = entries.filter((_, i) => verdict[i]);
    if (!inside.length) return throttle(res);
    const forwarded: Record<string, Json[]> = {};
    for (const e of inside) (forwarded[e.table] ??= []).push(e.request);
    const answer = await send('BatchWriteItem', {
      ...body,
      RequestItems: forwarded,
      ReturnConsumedCapacity: 'INDEXES',
    });
    if (answer.status !== 200 || !answer.json) {
      for (const e of inside) settle(e.table, 'write', e.claim.units, 0);
      return passThrough(res, answer);
    }
    const cc = (answer.json.ConsumedCapacity ?? []) as Json[];
    const claimedBy = new Map<string, number>();
    for (const e of inside) claimedBy.set(e.table, (claimedBy.get(e.table) ?? 0) + e.claim.units);
    for (const [table, claimed] of claimedBy)
      settle(
        table,
        'write',
        claimed,
        cc.filter((c) => c.TableName === table).reduce((n, c) => n + tableUnits(c), 0),
      );
    const unprocessed = (answer.json.UnprocessedItems ?? {}) as Record<string, Json[]>;
    entries.forEach((e, i) => {
      if (!verdict[i]) (unprocessed[e.table] ??= []).push(e.request);
    });
    answer.json.UnprocessedItems = unprocessed;
    const shaped = shapeCapacity(asked, answer.json.ConsumedCapacity);
    if (shaped === undefined) delete answer.json.ConsumedCapacity;
    else answer.json.ConsumedCapacity = shaped;
    return reply(res, 200, answer.json, answer.headers);
  };

  const handleBatchGet = async (body: Json, res: ServerResponse): Promise<void> => {
    const asked = body.ReturnConsumedCapacity;
    const requestItems = (body.RequestItems ?? {}) as Record<string, Json>;
    const entries: { table: string; key: WireItem; claim: Claim }[] = [];
    for (const [table, spec] of Object.entries(requestItems)) {
      const consistent = spec.ConsistentRead === true;
      for (const key of (spec.Keys ?? []) as WireItem[])
        entries.push({
          table,
          key,
          claim: {
            table,
            kind: 'read',
            partition: await partitionOf(table, key),
            units: readUnitsFor(1, consistent),
            signature: signatureOf(table, 'r', key),
          },
        });
    }
    const verdict = admit(
      entries.map((e) => e.claim),
      false,
    );
    const inside = entries.filter((_, i) => verdict[i]);
    if (!inside.length) return throttle(res);
    const forwarded: Record<string, Json> = {};
    for (const e of inside)
      ((forwarded[e.table] ??= { ...requestItems[e.table], Keys: [] }).Keys as WireItem[]).push(e.key);
    const answer = await send('BatchGetItem', { ...body, RequestItems: forwarded, ReturnConsumedCapacity: 'INDEXES' });
    if (answer.status !== 200 || !answer.json) {
      for (const e of inside) settle(e.table, 'read', e.claim.units, 0);
      return passThrough(res, answer);
    }
    const cc = (answer.json.ConsumedCapacity ?? []) as Json[];
    const claimedBy = new Map<string, number>();
    for (const e of inside) claimedBy.set(e.table, (claimedBy.get(e.table) ?? 0) + e.claim.units);
    for (const [table, claimed] of claimedBy)
      settle(
        table,
        'read',
        claimed,
        cc.filter((c) => c.TableName === table).reduce((n, c) => n + tableUnits(c), 0),
      );
    const unprocessed = (answer.json.UnprocessedKeys ?? {}) as Record<string, Json>;
    entries.forEach((e, i) => {
      if (!verdict[i])
        ((unprocessed[e.table] ??= { ...requestItems[e.table], Keys: [] }).Keys as WireItem[]).push(e.key);
    });
    answer.json.UnprocessedKeys = unprocessed;
    const shaped = shapeCapacity(asked, answer.json.ConsumedCapacity);
    if (shaped === undefined) delete answer.json.ConsumedCapacity;
    else answer.json.ConsumedCapacity = shaped;
    return reply(res, 200, answer.json, answer.headers);
  };

  /** What a PartiQL statement costs, from the item it names as it is now. */
  interface Metered {
    st: ParsedStatement;
    table: string;
    kind: Kind;
    key?: WireItem | undefined;
    units: number;
  }
  const meterStatements = async (statements: readonly Json[], consistentRead: boolean): Promise<Metered[]> => {
    const parsed = statements.map((s) => {
      const st = parseStatement(String(s.Statement ?? ''), (s.Parameters ?? []) as WireValue[]);
      return { st, table: st.table ?? '', consistent: consistentRead || s.ConsistentRead === true };
    });
    // The items before, read from Local in one go (not charged: this is the stand-in looking).
    const wanted = new Map<string, WireItem[]>();
    const keys = await Promise.all(
      parsed.map(({ st, table }) => (st.kind === 'insert' ? undefined : keyOf(table, st.where))),
    );
    keys.forEach((k, i) => {
      if (!k) return;
      const list = wanted.get(parsed[i]!.table) ?? [];
      if (!list.some((x) => JSON.stringify(x) === JSON.stringify(k))) list.push(k);
      wanted.set(parsed[i]!.table, list);
    });
    const before = new Map<string, WireItem>();
    if (wanted.size) {
      const got = await send('BatchGetItem', {
        RequestItems: Object.fromEntries([...wanted].map(([t, k]) => [t, { Keys: k, ConsistentRead: true }])),
      });
      for (const [table, items] of Object.entries((got.json?.Responses ?? {}) as Record<string, WireItem[]>))
        for (const item of items)
          for (const k of wanted.get(table) ?? [])
            if (Object.entries(k).every(([a, v]) => JSON.stringify(item[a]) === JSON.stringify(v)))
              before.set(`${table}\u0000${JSON.stringify(k)}`, item);
    }
    return parsed.map(({ st, table, consistent }, i) => {
      const key = keys[i];
      const old = key ? before.get(`${table}\u0000${JSON.stringify(key)}`) : undefined;
      if (st.kind === 'select')
        return { st, table, kind: 'read' as const, key, units: readUnitsFor(old ? itemBytes(old) : 1, consistent) };
      if (st.kind === 'insert')
        return {
          st,
          table,
          kind: 'write' as const,
          key: st.item,
          units: writeUnitsFor(st.item ? itemBytes(st.item) : 1),
        };
      if (st.kind === 'delete' || !old)
        return { st, table, kind: 'write' as const, key, units: writeUnitsFor(old ? itemBytes(old) : 1) };
      const after = applyUpdate(old, st);
      return {
        st,
        table,
        kind: 'write' as const,
        key,
        units: writeUnitsFor(Math.max(itemBytes(old), after ? itemBytes(after) : 0)),
      };
    });
  };

  const handleStatements = async (
    op: 'BatchExecuteStatement' | 'ExecuteStatement' | 'ExecuteTransaction',
    body: Json,
    res: ServerResponse,
  ): Promise<void> => {
    const asked = body.ReturnConsumedCapacity;
    const list =
      op === 'BatchExecuteStatement'
        ? ((body.Statements ?? []) as Json[])
        : op === 'ExecuteTransaction'
          ? ((body.TransactStatements ?? []) as Json[])
          : [body];
    const metered = await meterStatements(list, body.ConsistentRead === true);
    const factor = op === 'ExecuteTransaction' ? 2 : 1;
    const claims: Claim[] = [];
    for (const [i, m] of metered.entries()) {
      claims.push({
        table: m.table,
        kind: m.kind,
        partition: await partitionOf(m.table, m.key),
        units: m.units * factor,
        signature: signatureOf(m.table, 's', m.key ?? list[i]),
      });
    }
    const verdict = admit(claims, op !== 'BatchExecuteStatement');
    const perTable = new Map<string, number>();
    const inside = list.filter((_, i) => verdict[i]);
    if (op !== 'BatchExecuteStatement' && !verdict[0]) return throttle(res);
    if (op === 'BatchExecuteStatement' && inside.length === 0) {
      // Every statement left out: each answers with the throttling error in its place.
      return reply(res, 200, {
        Responses: metered.map((m) => ({
          TableName: m.table,
          Error: { Code: 'ProvisionedThroughputExceeded', Message: PTEE_MESSAGE },
        })),
      });
    }
    const forwardBody: Json = op === 'BatchExecuteStatement' ? { ...body, Statements: inside } : { ...body };
    delete forwardBody.ReturnConsumedCapacity;
    const answer = await send(op, forwardBody);
    const ran = answer.status === 200;
    claims.forEach((c, i) => {
      if (!verdict[i]) return;
      // DynamoDB charges a statement that ran, failed condition included; one refused as invalid costs nothing.
      const answered =
        op === 'BatchExecuteStatement'
          ? ((answer.json?.Responses as Json[] | undefined)?.[inside.indexOf(list[i]!)] as Json | undefined)
          : undefined;
      const code = (answered?.Error as Json | undefined)?.Code;
      const charged =
        ran && (code === undefined || code === 'ConditionalCheckFailed' || code === 'DuplicateItem') ? c.units : 0;
      settle(c.table, c.kind, c.units, charged, c.partition);
      if (charged) perTable.set(c.table, (perTable.get(c.table) ?? 0) + charged);
    });
    if (!ran || !answer.json) {
      // A failed ExecuteStatement condition is still charged (DynamoDB does); other failures pass through.
      const type = String(answer.json?.__type ?? '');
      if (op === 'ExecuteStatement' && type.endsWith('#ConditionalCheckFailedException'))
        settle(claims[0]!.table, claims[0]!.kind, 0, claims[0]!.units, claims[0]!.partition);
      return passThrough(res, answer);
    }
    if (op === 'BatchExecuteStatement') {
      const answers = (answer.json.Responses ?? []) as Json[];
      let next = 0;
      answer.json.Responses = metered.map((m, i) =>
        verdict[i]
          ? answers[next++]
          : { TableName: m.table, Error: { Code: 'ProvisionedThroughputExceeded', Message: PTEE_MESSAGE } },
      );
    }
    const shaped = ourCapacity(asked, perTable, op !== 'ExecuteStatement');
    if (shaped === undefined) delete answer.json.ConsumedCapacity;
    else answer.json.ConsumedCapacity = shaped;
    return reply(res, 200, answer.json, answer.headers);
  };

  const passThrough = (
    res: ServerResponse,
    answer: { status: number; headers: Record<string, string>; raw: Buffer },
  ): void => {
    res.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.raw.length) });
    res.end(answer.raw);
  };

  const handleControl = async (op: string, body: Json, res: ServerResponse): Promise<void> => {
    const t = now();
    if (!control.open(t)) {
      controlThrottles++;
      return reply(res, 400, { __type: THROTTLING, message: THROTTLING_MESSAGE });
    }
    control.charge(1, t);
    const answer = await send(op, body);
    if (op === 'DescribeTable' && answer.status === 200 && answer.json?.Table) {
      const table = answer.json.Table as Json;
      const capacity = tables.get(String(table.TableName))?.capacity;
      if (capacity) {
        const pt = {
          ...((table.ProvisionedThroughput ?? {}) as Json),
          ReadCapacityUnits: capacity.read,
          WriteCapacityUnits: capacity.write,
        };
        table.ProvisionedThroughput = pt;
        table.BillingModeSummary = { BillingMode: 'PROVISIONED' };
        for (const g of (table.GlobalSecondaryIndexes ?? []) as Json[]) g.ProvisionedThroughput = { ...pt };
      }
      return reply(res, 200, answer.json, answer.headers);
    }
    if (op === 'DeleteTable' && answer.status === 200) keySchemas.delete(String(body.TableName));
    return passThrough(res, answer);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const op =
      String(req.headers['x-amz-target'] ?? '')
        .split('.')
        .pop() ?? '';
    if (opts.latencyMs) await new Promise((resolve) => setTimeout(resolve, opts.latencyMs));
    let body: Json;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json;
    } catch {
      return reply(res, 400, {
        __type: 'com.amazon.coral.service#SerializationException',
        message: 'capacity stand-in: body is not JSON',
      });
    }
    if (!DATA_PLANE.has(op)) return handleControl(op, body, res);
    if (op in SINGLE) return handleSingle(op as keyof typeof SINGLE, body, res);
    if (op === 'BatchWriteItem') return handleBatchWrite(body, res);
    if (op === 'BatchGetItem') return handleBatchGet(body, res);
    return handleStatements(op as 'BatchExecuteStatement' | 'ExecuteStatement' | 'ExecuteTransaction', body, res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent)
        reply(res, 500, {
          __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
          message: `capacity stand-in: ${String(err)}`,
        });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    provision,
    meter: (table) => ({ ...state(table).meter }),
    controlPlaneThrottles: () => controlThrottles,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}
