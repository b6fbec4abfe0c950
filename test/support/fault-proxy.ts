import { Agent, createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** Probabilities (0..1) of each fault per request; they add up, so keep the sum at most 1. */
export interface FaultRates {
  /** 400 ProvisionedThroughputExceededException or ThrottlingException (alternating). */
  throttle?: number;
  /** 500 InternalServerError. */
  serverError?: number;
  /** The connection is destroyed: half before forwarding, half after DynamoDB applied the request. */
  drop?: number;
  /**
   * Batches only: forward half the items and return the rest as UnprocessedItems
   * (BatchWriteItem), or as per-statement throttling errors (BatchExecuteStatement).
   */
  unprocessed?: number;
  /** Delay added to every forwarded request. */
  latencyMs?: number;
}

export type FaultKind = 'throttle' | 'server-error' | 'drop-before' | 'drop-after' | 'unprocessed' | 'none';

/** What the proxy did, by kind. */
export interface FaultStats {
  requests: number;
  forwarded: number;
  throttle: number;
  serverError: number;
  dropBefore: number;
  dropAfter: number;
  unprocessed: number;
}

/** One request as the proxy saw it. */
export interface RecordedRequest {
  /** The DynamoDB operation, from `X-Amz-Target` (e.g. `BatchWriteItem`). */
  operation: string;
  fault: FaultKind;
  /** Table named in the request body, when there is one. */
  table?: string | undefined;
}

/** A running proxy. */
export interface FaultProxy {
  /** Point a DynamoDB client here. */
  endpoint: string;
  stats: FaultStats;
  /** Every request, in arrival order (capped at `maxRecorded`). */
  requests: RecordedRequest[];
  /** Changes fault rates from now on (e.g. to stop faults before a verification scan). */
  setRates(rates: FaultRates): void;
  stop(): Promise<void>;
}

export interface FaultProxyOptions {
  /** DynamoDB (Local) endpoint to forward to, e.g. `http://127.0.0.1:8000`. */
  target: string;
  rates?: FaultRates;
  /** Seed of the PRNG choosing faults, so a failing run can be replayed. */
  seed?: number;
  /** Only these operations get faults (all by default). */
  operations?: readonly string[];
  /** These operations are always denied, as by an IAM policy that leaves them out. */
  deny?: readonly string[];
  maxRecorded?: number;
}

// PartiQL statements count as writes whatever they say: the tool reads with Scan/Query/GetItem only.
const WRITE_OPERATIONS = [
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactWriteItems',
  'BatchExecuteStatement',
  'ExecuteStatement',
  'ExecuteTransaction',
  'CreateTable',
  'DeleteTable',
  'UpdateTable',
];
const BATCH_OPERATIONS = ['BatchWriteItem', 'BatchExecuteStatement'];

/** The operations that change data or tables: a read-only run must send none of them. */
export function isWriteOperation(operation: string): boolean {
  return WRITE_OPERATIONS.includes(operation);
}

/** mulberry32: small, fast, seeded; good enough to pick faults reproducibly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Starts a loopback HTTP proxy in front of DynamoDB (Local) that injects throttling, 500s,
 * dropped connections, unprocessed batch items and latency at the given rates, and records
 * every request's operation. DynamoDB Local does not check signatures, so requests signed for
 * the proxy's host are forwarded unchanged.
 */
export async function startFaultProxy(opts: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(opts.target);
  const random = seededRandom(opts.seed ?? 1);
  let rates: FaultRates = { ...opts.rates };
  const maxRecorded = opts.maxRecorded ?? 200_000;
  const stats: FaultStats = {
    requests: 0,
    forwarded: 0,
    throttle: 0,
    serverError: 0,
    dropBefore: 0,
    dropAfter: 0,
    unprocessed: 0,
  };
  const requests: RecordedRequest[] = [];
  const agent = new Agent({ keepAlive: true, maxSockets: 128 });
  const sockets = new Set<Socket>();
  let throttles = 0;

  const forward = (
    req: IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const headers = { ...req.headers, host: target.host, 'content-length': String(body.length) };
      const out = httpRequest(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const h: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') h[k] = v;
            resolve({ status: res.statusCode ?? 502, headers: h, body: Buffer.concat(chunks) });
          });
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const reply = (res: ServerResponse, status: number, type: string, message: string): void => {
    const body = JSON.stringify({ __type: type, message });
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let body = Buffer.concat(chunks);
    const operation =
      String(req.headers['x-amz-target'] ?? '')
        .split('.')
        .pop() ?? '';
    let parsed: Record<string, unknown> | undefined;
    try {
      parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    } catch {
      parsed = undefined;
    }
    const statements = Array.isArray(parsed?.Statements) ? (parsed.Statements as { Statement?: string }[]) : undefined;
    const table =
      typeof parsed?.TableName === 'string'
        ? parsed.TableName
        : statements
          ? /^\w+\s+(?:INTO\s+|FROM\s+)?"([^"]+)"/i.exec(statements[0]?.Statement ?? '')?.[1]
          : Object.keys((parsed?.RequestItems as object) ?? {})[0];
    stats.requests++;
    const eligible = !opts.operations || opts.operations.includes(operation);
    const r = eligible ? random() : 1;
    const t = rates.throttle ?? 0;
    const e = t + (rates.serverError ?? 0);
    const d = e + (rates.drop ?? 0);
    const u = d + (BATCH_OPERATIONS.includes(operation) ? (rates.unprocessed ?? 0) : 0);
    let fault: FaultKind = 'none';
    if (r < t) fault = 'throttle';
    else if (r < e) fault = 'server-error';
    else if (r < d) fault = random() < 0.5 ? 'drop-before' : 'drop-after';
    else if (r < u) fault = 'unprocessed';
    if (requests.length < maxRecorded) requests.push({ operation, fault, table });

    if (rates.latencyMs) await new Promise((resolve) => setTimeout(resolve, rates.latencyMs));
    if (opts.deny?.includes(operation))
      return reply(
        res,
        400,
        'com.amazon.coral.service#AccessDeniedException',
        `Injected: not authorized to perform: dynamodb:${operation}`,
      );
    if (fault === 'throttle') {
      stats.throttle++;
      return throttles++ % 2 === 0
        ? reply(
            res,
            400,
            'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
            'Injected: throughput exceeded',
          )
        : reply(res, 400, 'com.amazon.coral.availability#ThrottlingException', 'Injected: rate exceeded');
    }
    if (fault === 'server-error') {
      stats.serverError++;
      return reply(res, 500, 'com.amazonaws.dynamodb.v20120810#InternalServerError', 'Injected: internal server error');
    }
    if (fault === 'drop-before') {
      stats.dropBefore++;
      req.socket.destroy();
      return;
    }
    let held: Record<string, unknown>[] | undefined;
    let heldStatements = 0;
    if (fault === 'unprocessed' && parsed && statements && statements.length > 1) {
      // The later half is not run; each gets a throttling error in its place, as DynamoDB does.
      heldStatements = statements.length - Math.ceil(statements.length / 2);
      parsed.Statements = statements.slice(0, Math.ceil(statements.length / 2));
      body = Buffer.from(JSON.stringify(parsed));
      stats.unprocessed++;
    } else if (fault === 'unprocessed' && parsed && table) {
      const items = (parsed.RequestItems as Record<string, Record<string, unknown>[]>)[table] ?? [];
      if (items.length > 1) {
        held = items.slice(Math.ceil(items.length / 2));
        parsed.RequestItems = { [table]: items.slice(0, Math.ceil(items.length / 2)) };
        body = Buffer.from(JSON.stringify(parsed));
        stats.unprocessed++;
      }
    }
    const answer = await forward(req, body);
    stats.forwarded++;
    if (fault === 'drop-after') {
      stats.dropAfter++;
      req.socket.destroy();
      return;
    }
    let out = answer.body;
    if (heldStatements && answer.status === 200) {
      const json = JSON.parse(out.toString('utf8')) as { Responses?: unknown[] };
      const codes = ['ThrottlingError', 'ProvisionedThroughputExceeded'];
      for (let i = 0; i < heldStatements; i++)
        (json.Responses ??= []).push({
          Error: { Code: codes[i % 2], Message: 'Injected: statement throttled' },
          TableName: table,
        });
      out = Buffer.from(JSON.stringify(json));
    }
    if (held && answer.status === 200 && table) {
      const json = JSON.parse(out.toString('utf8')) as { UnprocessedItems?: Record<string, unknown[]> };
      json.UnprocessedItems = { [table]: [...(json.UnprocessedItems?.[table] ?? []), ...held] };
      out = Buffer.from(JSON.stringify(json));
    }
    // The body may have changed: CRC and length no longer apply.
    const headers: Record<string, string> = { ...answer.headers, 'content-length': String(out.length) };
    delete headers['x-amz-crc32'];
    res.writeHead(answer.status, headers);
    res.end(out);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent)
        reply(res, 500, 'com.amazonaws.dynamodb.v20120810#InternalServerError', 'proxy: upstream failed');
      else res.destroy();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stats,
    requests,
    setRates: (next) => {
      rates = { ...next };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}
