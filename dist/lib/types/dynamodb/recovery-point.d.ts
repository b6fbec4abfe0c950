import { type DynamoDBClient } from '@aws-sdk/client-dynamodb';
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
export declare function ensureRecoveryPoint(client: DynamoDBClient, table: string, mode: RecoveryPointMode, opts: {
    backupName: string;
    now?: () => number;
}): Promise<string>;
