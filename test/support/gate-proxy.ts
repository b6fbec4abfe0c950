import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request as it reached the proxy. */
export interface GateRequest {
  seq: number;
  /** The DynamoDB operation, from `X-Amz-Target` (e.g. `PutItem`). */
  operation: string;
  body: Record<string, any>;
}

/** What to do with a request: forward it, hold it until `release()`, or answer with an error. */
export type GateDecision = 'pass' | 'hold' | { status: number; type: string; message: string };

export interface GateProxy {
  /** Point a DynamoDB client here. */
  endpoint: string;
  /** Every request, in arrival order. */
  seen: GateRequest[];
  /** Requests held now. */
  held(): number;
  /** Forwards every request held so far (later ones follow the rule). */
  release(): void;
  setRule(rule: (r: GateRequest) => GateDecision): void;
  stop(): Promise<void>;
}

/**
 * A loopback proxy in front of DynamoDB Local that can hold chosen requests (a server that
 * does not answer, so the client's sockets stay busy) or refuse them with a DynamoDB error,
 * and records every request, so a test can say what a client sent and when.
 */
export async function startGateProxy(
  target: string,
  rule: (r: GateRequest) => GateDecision = () => 'pass',
): Promise<GateProxy> {
  const to = new URL(target);
  const seen: GateRequest[] = [];
  const sockets = new Set<Socket>();
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let waiting: (() => void)[] = [];
  let current = rule;

  const forward = (req: IncomingMessage, body: Buffer, res: ServerResponse): void => {
    const out = request(
      {
        host: to.hostname,
        port: to.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, host: to.host },
        agent,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    out.end(body);
  };

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    let parsed: Record<string, any> = {};
    try {
      parsed = JSON.parse(body.toString('utf8')) as Record<string, any>;
    } catch {
      /* not JSON: recorded with an empty body */
    }
    const seenRequest: GateRequest = {
      seq: seen.length,
      operation:
        String(req.headers['x-amz-target'] ?? '')
          .split('.')
          .pop() ?? '',
      body: parsed,
    };
    seen.push(seenRequest);
    const decision = current(seenRequest);
    if (decision === 'hold') await new Promise<void>((resolve) => waiting.push(resolve));
    else if (decision !== 'pass') {
      const text = JSON.stringify({
        __type: `com.amazonaws.dynamodb.v20120810#${decision.type}`,
        message: decision.message,
      });
      res.writeHead(decision.status, {
        'content-type': 'application/x-amz-json-1.0',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
      return;
    }
    forward(req, body, res);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    held: () => waiting.length,
    release: () => {
      const now = waiting;
      waiting = [];
      for (const go of now) go();
    },
    setRule: (r) => void (current = r),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const go of waiting) go();
        waiting = [];
        for (const s of sockets) s.destroy();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}
