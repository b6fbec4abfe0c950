import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { handlerBundle } from './lambda-bundle';

/** A function the stub can invoke: a module exporting a Lambda handler, run in a child process. */
export interface StubFunction {
  /**
   * Absolute path of the module. JavaScript runs as it is; TypeScript is bundled once into plain
   * JavaScript (test/support/lambda-bundle.ts), so each invocation is a plain `node` process.
   */
  module: string;
  export?: string;
  /** The simulated time limit of one invocation (Lambda's function timeout). */
  timeoutMs: number;
  env?: Record<string, string>;
}

/** What the stub saw of one invocation. */
export interface Invocation {
  functionName: string;
  event: Record<string, unknown>;
  outcome: 'ok' | 'error' | 'killed' | 'timeout';
  /** The payload returned to the caller. */
  payload: unknown;
}

export interface LambdaStub {
  endpoint: string;
  invocations: Invocation[];
  define(name: string, fn: StubFunction): void;
  /**
   * Kills the first invocation matching `when` whose output contains `marker`: the process
   * dies where it stands (no checkpoint, no reply), as a Lambda whose sandbox crashes.
   */
  killOnce(when: (event: Record<string, unknown>) => boolean, marker: string): void;
  stop(): Promise<void>;
}

const CHILD = join(import.meta.dirname, 'lambda-child.mjs');

/**
 * A loopback implementation of Lambda's Invoke API (`POST /2015-03-31/functions/{name}/invocations`,
 * RequestResponse): each invocation runs the handler (prebuilt to JavaScript) in a child process
 * of its own with a simulated time limit, and errors come back as Lambda sends them (`X-Amz-Function-Error:
 * Unhandled`, `{errorMessage, errorType, trace}`).
 */
export async function startLambdaStub(defaults: { env?: Record<string, string> } = {}): Promise<LambdaStub> {
  const functions = new Map<string, StubFunction>();
  const invocations: Invocation[] = [];
  const kills: { when: (e: Record<string, unknown>) => boolean; marker: string; used: boolean }[] = [];
  const children = new Set<ChildProcess>();

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      res.writeHead(500, { 'content-type': 'application/json', 'x-amzn-errortype': 'ServiceException' });
      res.end(JSON.stringify({ message: String(e) }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const m = /^\/2015-03-31\/functions\/([^/]+)\/invocations/.exec(req.url ?? '');
    const body = await readBody(req);
    if (req.method !== 'POST' || !m) {
      res.writeHead(404, { 'content-type': 'application/json', 'x-amzn-errortype': 'UnknownOperationException' });
      res.end(JSON.stringify({ message: `not implemented: ${req.method} ${req.url}` }));
      return;
    }
    const raw = decodeURIComponent(m[1]!);
    const name = raw.includes(':function:') ? raw.split(':function:')[1]!.split(':')[0]! : raw;
    const fn = functions.get(name);
    if (!fn) {
      res.writeHead(404, { 'content-type': 'application/json', 'x-amzn-errortype': 'ResourceNotFoundException' });
      res.end(JSON.stringify({ Type: 'User', message: `Function not found: ${raw}` }));
      return;
    }
    if ((req.headers['x-amz-invocation-type'] ?? 'RequestResponse') !== 'RequestResponse') {
      res.writeHead(400, { 'content-type': 'application/json', 'x-amzn-errortype': 'InvalidParameterValueException' });
      res.end(JSON.stringify({ message: 'the stub only implements RequestResponse' }));
      return;
    }
    const event = JSON.parse(body.length ? body.toString('utf8') : '{}') as Record<string, unknown>;
    const { outcome, payload } = await invoke(name, fn, event);
    invocations.push({ functionName: name, event, outcome, payload });
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-amz-executed-version': '$LATEST' };
    if (outcome !== 'ok') headers['x-amz-function-error'] = 'Unhandled';
    res.writeHead(200, headers);
    res.end(JSON.stringify(payload ?? null));
  }

  async function invoke(
    name: string,
    fn: StubFunction,
    event: Record<string, unknown>,
  ): Promise<{ outcome: Invocation['outcome']; payload: unknown }> {
    const requestId = randomUUID();
    const candidates = kills.filter((k) => k.when(event));
    let entry: string;
    try {
      // Built before the process starts: like loading the code, not part of the time limit.
      entry = await handlerBundle(fn.module);
    } catch (e) {
      // As Lambda reports a function whose code cannot be loaded.
      const errorMessage = `${fn.module} cannot be built: ${e instanceof Error ? e.message : String(e)}`;
      process.stderr.write(`[${name}] ${errorMessage}\n`);
      return { outcome: 'error', payload: { errorType: 'Runtime.ImportModuleError', errorMessage, trace: [] } };
    }
    return new Promise((resolve) => {
      const child = fork(CHILD, [entry, fn.export ?? 'handler', fn.module], {
        // Plain node (not the test worker's flags); source-mapped stacks only when debugging, as they cost start-up time.
        execArgv: process.env.LAMBDA_STUB_DEBUG ? ['--enable-source-maps'] : [],
        env: { ...process.env, ...defaults.env, ...fn.env, AWS_LAMBDA_FUNCTION_NAME: name },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      });
      children.add(child);
      let settled = false;
      let timer: NodeJS.Timeout | undefined;
      const finish = (outcome: Invocation['outcome'], payload: unknown) => {
        if (settled) return;
        settled = true;
        if (timer) clearTimeout(timer);
        if (child.exitCode === null) child.kill('SIGKILL');
        children.delete(child);
        resolve({ outcome, payload });
      };
      const watch = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        if (process.env.LAMBDA_STUB_DEBUG) process.stderr.write(`[${name}] ${text}`);
        const kill = candidates.find((k) => !k.used && text.includes(k.marker));
        if (kill) {
          kill.used = true;
          child.kill('SIGKILL');
          finish('killed', {
            errorType: 'Runtime.ExitError',
            errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: signal: killed`,
          });
        }
      };
      child.stdout!.on('data', watch);
      child.stderr!.on('data', watch);
      child.on('message', (msg: { ready?: boolean; ok?: boolean; result?: unknown; error?: unknown }) => {
        if (msg.ready) {
          // The time limit counts from the invocation, not from loading the code (Lambda's init phase).
          const deadline = Date.now() + fn.timeoutMs;
          timer = setTimeout(() => {
            finish('timeout', {
              errorMessage: `${new Date().toISOString()} ${requestId} Task timed out after ${(fn.timeoutMs / 1000).toFixed(2)} seconds`,
            });
          }, fn.timeoutMs);
          child.send({ event, deadline, requestId, functionName: name });
          return;
        }
        finish(msg.ok ? 'ok' : 'error', msg.ok ? msg.result : msg.error);
      });
      child.on('exit', (code, signal) => {
        // A reply sent just before exiting may still be in flight on the IPC channel.
        setTimeout(
          () =>
            finish('killed', {
              errorType: 'Runtime.ExitError',
              errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: ${signal ? `signal: ${signal}` : `exit status ${code}`}`,
            }),
          200,
        );
      });
    });
  }

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    invocations,
    define: (name, fn) => {
      functions.set(name, fn);
      // Start building now, so the first invocation need not wait for it (a failure shows when invoked).
      handlerBundle(fn.module).catch(() => undefined);
    },
    killOnce: (when, marker) => void kills.push({ when, marker, used: false }),
    stop: async () => {
      for (const c of children) c.kill('SIGKILL');
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
