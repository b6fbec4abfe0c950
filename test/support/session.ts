import { silentLogger, type Logger } from '../../src/core/logger';
import { openSession, type Session, type SessionOptions } from '../../src/runner/engine';
import { createTestTable, localClient } from './dynamodb-local';
import { loadCopy } from './project';

/** A fresh table in the shared DynamoDB Local and a session on a copy of a fixture project. */
export async function freshSession(
  fixture = 'basic',
  opts: Partial<SessionOptions> & { env?: string } = {},
): Promise<{ session: Session; table: string; dir: string; client: ReturnType<typeof localClient>; log: string[] }> {
  const client = localClient();
  const table = await createTestTable(client);
  const project = await loadCopy(fixture, table);
  const lines: string[] = [];
  const log: Logger = {
    info: (m) => lines.push(m),
    warn: (m) => lines.push(`warn: ${m}`),
    error: (m) => lines.push(`error: ${m}`),
    debug: () => undefined,
  };
  const session = openSession(project, opts.env, { client, log: opts.log ?? log ?? silentLogger, actor: 'test', ...opts });
  return { session, table, dir: project.copyDir, client, log: lines };
}
