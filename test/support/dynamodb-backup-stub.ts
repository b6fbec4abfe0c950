import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for the two DynamoDB operations DynamoDB Local does not implement:
 * DescribeContinuousBackups and CreateBackup. Every other request is forwarded unchanged to
 * `forwardTo` (a DynamoDB Local), so a client pointed here sees one complete DynamoDB.
 */
export interface BackupStub {
  endpoint: string;
  /** Tables whose point-in-time recovery reports ENABLED. */
  pitr: Set<string>;
  /** Backups taken, in order. */
  backups: { table: string; name: string }[];
  /** Operations answered or forwarded, in order (X-Amz-Target without the prefix). */
  operations: string[];
  close(): Promise<void>;
}

export async function startBackupStub(forwardTo?: string): Promise<BackupStub> {
  const pitr = new Set<string>();
  const backups: BackupStub['backups'] = [];
  const operations: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const op =
      String(req.headers['x-amz-target'] ?? '')
        .split('.')
        .pop() ?? '';
    operations.push(op);
    const reply = (status: number, json: unknown) => {
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(JSON.stringify(json));
    };
    const input = JSON.parse(body.toString('utf8') || '{}') as { TableName?: string; BackupName?: string };
    if (op === 'DescribeContinuousBackups') {
      const on = pitr.has(input.TableName ?? '');
      return reply(200, {
        ContinuousBackupsDescription: {
          ContinuousBackupsStatus: 'ENABLED',
          PointInTimeRecoveryDescription: on
            ? { PointInTimeRecoveryStatus: 'ENABLED', EarliestRestorableDateTime: 1_750_000_000 }
            : { PointInTimeRecoveryStatus: 'DISABLED' },
        },
      });
    }
    if (op === 'CreateBackup') {
      backups.push({ table: input.TableName ?? '', name: input.BackupName ?? '' });
      return reply(200, {
        BackupDetails: {
          BackupArn: `arn:aws:dynamodb:us-east-1:000000000000:table/${input.TableName}/backup/0${backups.length}`,
          BackupName: input.BackupName,
          BackupStatus: 'CREATING',
          BackupType: 'USER',
          BackupCreationDateTime: 1_750_000_000,
        },
      });
    }
    if (!forwardTo)
      return reply(400, {
        __type: 'com.amazonaws.dynamodb.v20120810#UnknownOperationException',
        message: `stub: ${op} not handled`,
      });
    const target = new URL(forwardTo);
    const fwd = request(
      {
        host: target.hostname,
        port: target.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, host: target.host },
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    fwd.on('error', (e) => reply(502, { message: String(e) }));
    fwd.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    pitr,
    backups,
    operations,
    close: () => new Promise((resolve) => server.close(() => resolve())),
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
