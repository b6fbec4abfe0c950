import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request as it reached the proxy: when, which operation, and its JSON body. */
export interface SeenRequest {
  seq: number;
  operation: string;
  body: Record<string, unknown>;
}

/**
 * A loopback proxy in front of DynamoDB Local that records every request with its body, so a
 * test can say exactly which writes a process sent, and after which moment.
 */
export interface RecordingProxy {
  endpoint: string;
  requests: SeenRequest[];
  stop(): Promise<void>;
}

export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const to = new URL(target);
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const operation = String(req.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    } catch {
      /* not JSON: recorded with an empty body */
    }
    requests.push({ seq: requests.length, operation, body: parsed });
    const out = request({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: { ...req.headers, host: to.host } }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    out.on('error', () => res.destroy());
    out.end(body);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The hash key values a request writes to (`pk` of its items or keys), for telling data writes from bookkeeping. */
export function writtenHashKeys(r: SeenRequest, hash = 'pk'): string[] {
  const b = r.body as Record<string, any>;
  const keyOf = (x: Record<string, any> | undefined) => x?.[hash]?.S as string | undefined;
  switch (r.operation) {
    case 'PutItem':
      return [keyOf(b.Item)].filter(Boolean) as string[];
    case 'UpdateItem':
    case 'DeleteItem':
      return [keyOf(b.Key)].filter(Boolean) as string[];
    case 'BatchWriteItem':
      return Object.values(b.RequestItems ?? {}).flat().map((w: any) => keyOf(w.PutRequest?.Item ?? w.DeleteRequest?.Key)).filter(Boolean) as string[];
    case 'TransactWriteItems':
      return (b.TransactItems ?? []).map((t: any) => keyOf(t.Put?.Item ?? t.Update?.Key ?? t.Delete?.Key ?? t.ConditionCheck?.Key)).filter(Boolean) as string[];
    default:
      return [];
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
