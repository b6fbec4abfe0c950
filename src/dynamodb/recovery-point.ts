import { CreateBackupCommand, DescribeContinuousBackupsCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { RefusedError, messageOf } from '../core/errors';

/** How a protected environment gets a recovery point before apply (manifest `recovery-point`). */
export type RecoveryPointMode = 'pitr' | 'backup' | 'pitr-or-backup' | 'none';

/**
 * Makes sure the table can be restored to the moment before apply, and says how (the text
 * goes to the audit log and the PR comment):
 * - `pitr`: point-in-time recovery must be on (DescribeContinuousBackups); refused otherwise.
 * - `backup`: take an on-demand backup (CreateBackup) now.
 * - `pitr-or-backup` (default): PITR if it is on, else an on-demand backup.
 * - `none`: nothing is checked.
 */
export async function ensureRecoveryPoint(
  client: DynamoDBClient,
  table: string,
  mode: RecoveryPointMode,
  opts: { backupName: string; now?: () => number },
): Promise<string> {
  if (mode === 'none') return 'none (recovery-point: none)';
  if (mode !== 'backup') {
    const pitr = await describePitr(client, table);
    if (pitr.enabled) {
      const since = pitr.earliest ? ` (earliest restore ${pitr.earliest.toISOString()})` : '';
      return `point-in-time recovery is on for ${table}${since}`;
    }
    if (mode === 'pitr') {
      throw new RefusedError(
        `${table} is protected and requires point-in-time recovery (recovery-point: pitr), which is off. Turn it on (aws dynamodb update-continuous-backups --table-name ${table} --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true), or set recovery-point: backup.`,
      );
    }
  }
  const name = backupNameOf(opts.backupName);
  try {
    const res = await client.send(new CreateBackupCommand({ TableName: table, BackupName: name }));
    const arn = res.BackupDetails?.BackupArn ?? 'unknown ARN';
    return `on-demand backup ${name} of ${table} (${arn})`;
  } catch (e) {
    throw new RefusedError(
      `${table} is protected and needs a recovery point before apply, but the on-demand backup failed: ${messageOf(e)}. The role needs dynamodb:CreateBackup.`,
    );
  }
}

async function describePitr(
  client: DynamoDBClient,
  table: string,
): Promise<{ enabled: boolean; earliest?: Date | undefined }> {
  try {
    const res = await client.send(new DescribeContinuousBackupsCommand({ TableName: table }));
    const p = res.ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
    return { enabled: p?.PointInTimeRecoveryStatus === 'ENABLED', earliest: p?.EarliestRestorableDateTime };
  } catch (e) {
    throw new RefusedError(
      `${table} is protected: cannot check point-in-time recovery (DescribeContinuousBackups): ${messageOf(e)}. The role needs dynamodb:DescribeContinuousBackups.`,
    );
  }
}

/** Backup names allow 3-255 of [a-zA-Z0-9_.-]. */
function backupNameOf(name: string): string {
  const clean = name.replace(/[^a-zA-Z0-9_.-]/g, '-').slice(0, 255);
  return clean.length >= 3 ? clean : `${clean}-backup`;
}
