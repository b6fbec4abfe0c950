import { Agent, createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { isWriteOperation } from './fault-proxy';

/** How the stand-in presents one table: as a global table with these replicas. */
export interface GlobalTableShape {
  /** Regions holding a replica. A request signed for any other region gets ResourceNotFoundException, as AWS answers there. */
  replicas: string[];
  /** MultiRegionConsistency; STRONG (MRSC) also refuses transactions, as MRSC tables do. Default EVENTUAL. */
  consistency?: 'EVENTUAL' | 'STRONG' | undefined;
  /** MRSC witness regions (GlobalTableWitnesses). */
  witnesses?: string[] | undefined;
  /** ReplicaStatus (and description, progress) per region; default ACTIVE. */
  status?: Record<string, { status: string; detail?: string; progress?: string }> | undefined;
  /** Whether `Replicas` names the answering replica too; AWS's examples list the other regions. Default false. */
  listsSelf?: boolean | undefined;
  /** GlobalTableVersion; default 2019.11.21. */
  version?: string | undefined;
  /** ItemCount and TableSizeBytes to report instead of DynamoDB Local's (for estimates). */
  itemCount?: number | undefined;
  sizeBytes?: number | undefined;
}

/** One request as the stand-in saw it. */
export interface StandInRequest {
  seq: number;
  /** From `X-Amz-Target`, e.g. `PutItem`. */
  operation: string;
  /** The region the request was signed for: the replica it was aimed at. */
  region: string | undefined;
  table: string | undefined;
  /** A write operation (PartiQL counts as one). */
  write: boolean;
  body: Record<string, any>;
  /** The error the stand-in answered with instead of forwarding, if any. */
  answered?: string | undefined;
}

export interface GlobalTableProxy {
  /** Point a DynamoDB client here; its region decides which replica it reaches. */
  endpoint: string;
  requests: StandInRequest[];
  /** The next `count` requests that `match` get ReplicatedWriteConflictException instead of being forwarded. */
  injectConflicts(count: number, match?: (r: StandInRequest) => boolean): void;
  /** Conflicts injected so far. */
  conflicts(): number;
  /** The next `count` requests that `match` are forwarded (they take effect) but answered with a 500, as when the answer is lost. */
  loseAnswers(count: number, match?: (r: StandInRequest) => boolean): void;
  stop(): Promise<void>;
}

const ACCOUNT = '123456789012';
/** DynamoDB Local keeps one database per access key and region: every replica's requests go to this one (the test tables' region). */
const STORAGE_REGION = 'us-east-1';
const TRANSACTIONS = new Set(['TransactWriteItems', 'TransactGetItems', 'ExecuteTransaction']);

/** The region of a SigV4 request: `Credential=<key>/<date>/<region>/dynamodb/aws4_request`. */
export function signedRegion(authorization: string | undefined): string | undefined {
  return /Credential=[^/,\s]+\/\d{8}\/([^/]+)\/dynamodb\/aws4_request/.exec(authorization ?? '')?.[1];
}

function tableOf(body: Record<string, any>): string | undefined {
  if (typeof body.TableName === 'string') return body.TableName;
  const requestItems =
    body.RequestItems && typeof body.RequestItems === 'object' ? Object.keys(body.RequestItems)[0] : undefined;
  if (requestItems) return requestItems;
  const first = Array.isArray(body.TransactItems) ? body.TransactItems[0] : undefined;
  const part = first && (first.Put ?? first.Delete ?? first.Update ?? first.ConditionCheck ?? first.Get);
  if (part && typeof part.TableName === 'string') return part.TableName;
  const statements = Array.isArray(body.Statements)
    ? body.Statements
    : typeof body.Statement === 'string'
      ? [{ Statement: body.Statement }]
      : undefined;
  return statements ? /^\w+\s+(?:INTO\s+|FROM\s+)?"([^"]+)"/i.exec(statements[0]?.Statement ?? '')?.[1] : undefined;
}

/**
 * A loopback stand-in for a DynamoDB global table, in front of DynamoDB Local (which has no
 * replicas). Every region's requests reach the same DynamoDB Local table (the signing scope is
 * rewritten to one region, as DynamoDB Local keeps a database per region), so replication is
 * instant and there are no conflicts of its own; what the stand-in adds is what a run can
 * observe: DescribeTable answers as the replica in the request's signing region would
 * (`Replicas`, `GlobalTableVersion`, `MultiRegionConsistency`, `GlobalTableWitnesses`, a
 * regional `TableArn`), regions without a replica have no such table, MRSC tables refuse
 * transactions, and ReplicatedWriteConflictException is injected on demand. Tables not named
 * in `tables` pass through unchanged.
 */
export async function startGlobalTableProxy(
  target: string,
  tables: Record<string, GlobalTableShape>,
): Promise<GlobalTableProxy> {
  const to = new URL(target);
  const requests: StandInRequest[] = [];
  const agent = new Agent({ keepAlive: true, maxSockets: 128 });
  const sockets = new Set<Socket>();
  const pending: { left: number; match: (r: StandInRequest) => boolean }[] = [];
  const lost: { left: number; match: (r: StandInRequest) => boolean }[] = [];
  let injected = 0;

  const reply = (res: ServerResponse, status: number, type: string, message: string): void => {
    const text = JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message });
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };

  const forward = (
    req: IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> =>
    new Promise((resolve, reject) => {
      // DynamoDB Local does not check signatures, so the scope can be rewritten to reach the one database.
      const authorization = req.headers.authorization?.replace(
        /(Credential=[^/,\s]+\/\d{8}\/)[^/]+(\/dynamodb\/aws4_request)/,
        `$1${STORAGE_REGION}$2`,
      );
      const headers = {
        ...req.headers,
        ...(authorization ? { authorization } : {}),
        host: to.host,
        'content-length': String(body.length),
      };
      const out = httpRequest(
        { host: to.hostname, port: to.port, method: req.method, path: req.url, headers, agent },
        (up) => {
          const chunks: Buffer[] = [];
          up.on('data', (c: Buffer) => chunks.push(c));
          up.on('end', () => {
            const h: Record<string, string> = {};
            for (const [k, v] of Object.entries(up.headers)) if (typeof v === 'string') h[k] = v;
            resolve({ status: up.statusCode ?? 502, headers: h, body: Buffer.concat(chunks) });
          });
          up.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  /** The Table of a DescribeTable answer, as the replica in `region` describes itself. */
  const describeAs = (t: Record<string, any>, shape: GlobalTableShape, region: string): void => {
    t.TableArn = String(t.TableArn ?? `arn:aws:dynamodb:ddblocal:000000000000:table/${t.TableName}`).replace(
      /^arn:aws:dynamodb:[^:]*:[^:]*:/,
      `arn:aws:dynamodb:${region}:${ACCOUNT}:`,
    );
    t.GlobalTableVersion = shape.version ?? '2019.11.21';
    t.Replicas = shape.replicas
      .filter((r) => shape.listsSelf || r !== region)
      .map((r) => {
        const s = shape.status?.[r];
        return {
          RegionName: r,
          ReplicaStatus: s?.status ?? 'ACTIVE',
          ...(s?.detail ? { ReplicaStatusDescription: s.detail } : {}),
          ...(s?.progress ? { ReplicaStatusPercentProgress: s.progress } : {}),
        };
      });
    if (shape.consistency) t.MultiRegionConsistency = shape.consistency;
    if (shape.witnesses?.length)
      t.GlobalTableWitnesses = shape.witnesses.map((w) => ({ RegionName: w, WitnessStatus: 'ACTIVE' }));
    if (shape.itemCount !== undefined) t.ItemCount = shape.itemCount;
    if (shape.sizeBytes !== undefined) t.TableSizeBytes = shape.sizeBytes;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    let parsed: Record<string, any> = {};
    try {
      parsed = JSON.parse(body.toString('utf8')) as Record<string, any>;
    } catch {
      /* not JSON: recorded with an empty body */
    }
    const operation =
      String(req.headers['x-amz-target'] ?? '')
        .split('.')
        .pop() ?? '';
    const region = signedRegion(req.headers.authorization);
    const table = tableOf(parsed);
    const seen: StandInRequest = {
      seq: requests.length,
      operation,
      region,
      table,
      write: isWriteOperation(operation),
      body: parsed,
    };
    requests.push(seen);
    const shape = table ? tables[table] : undefined;

    if (shape && (!region || !shape.replicas.includes(region))) {
      seen.answered = 'ResourceNotFoundException';
      return reply(res, 400, 'ResourceNotFoundException', 'Requested resource not found');
    }
    if (shape?.consistency === 'STRONG' && TRANSACTIONS.has(operation)) {
      seen.answered = 'ValidationException';
      return reply(
        res,
        400,
        'ValidationException',
        `${operation} is not supported on tables with multi-Region strong consistency (stand-in)`,
      );
    }
    const conflict = pending.find((p) => p.left > 0 && p.match(seen));
    if (conflict) {
      conflict.left--;
      injected++;
      seen.answered = 'ReplicatedWriteConflictException';
      return reply(
        res,
        400,
        'ReplicatedWriteConflictException',
        'One or more items in this request are being modified by a request in another Region (stand-in)',
      );
    }
    const answer = await forward(req, body);
    const lose = lost.find((p) => p.left > 0 && p.match(seen));
    if (lose) {
      lose.left--;
      seen.answered = 'InternalServerError (after forwarding)';
      return reply(res, 500, 'InternalServerError', 'stand-in: the request was applied, its answer lost');
    }
    if (!shape || operation !== 'DescribeTable' || answer.status !== 200) {
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
      return;
    }
    const json = JSON.parse(answer.body.toString('utf8')) as { Table?: Record<string, any> };
    if (json.Table) describeAs(json.Table, shape, region!);
    const out = Buffer.from(JSON.stringify(json));
    // The body changed: its CRC and length no longer apply.
    const headers: Record<string, string> = { ...answer.headers, 'content-length': String(out.length) };
    delete headers['x-amz-crc32'];
    res.writeHead(answer.status, headers);
    res.end(out);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) reply(res, 500, 'InternalServerError', 'stand-in: upstream failed');
      else res.destroy();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    injectConflicts: (count, match = () => true) => void pending.push({ left: count, match }),
    conflicts: () => injected,
    loseAnswers: (count, match = () => true) => void lost.push({ left: count, match }),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}
