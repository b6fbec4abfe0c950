import { CorruptStateError } from '../../core/errors';
import { SUCCESS } from '../../core/history';
import type { MigrationRecord } from '../../core/types';
import { isVersion, LEGACY_RESET, RESET } from '../../core/version';
import { type TableKeys, withoutKeys } from './table-description';

/**
 * The one codec of a `_migration` record, in OneTable Migrate's format: to the item this tool
 * writes, from an item in the table, and from OneTable's `getPastMigrations` answer (over
 * JSON). OneTable reads these items too, so their shape is a contract.
 */

/** Hash key value of the records (OneTable's). */
export const MIGRATION_HASH = '_migration';

/** A record's sort key value: `_migration:<version>:<date in ms>`. */
export function recordKey(version: string, date: number): string {
  return `${MIGRATION_HASH}:${version}:${date}`;
}

/**
 * The item of a record (unmarshalled; an undefined attribute is not written). The sort key is
 * the record's key; `_type` is OneTable's model name.
 */
export function recordToItem(rec: MigrationRecord, k: TableKeys): Record<string, unknown> {
  return {
    [k.hash]: MIGRATION_HASH,
    [k.sort]: rec.key,
    version: rec.version,
    date: rec.date,
    path: rec.path,
    description: rec.description,
    status: rec.status,
    _type: '_Migration',
    checksum: rec.checksum,
    sources: rec.sources,
    direction: rec.direction,
    actor: rec.actor,
    runUrl: rec.runUrl,
    gitSha: rec.gitSha,
    durationMs: rec.durationMs,
    counts: rec.counts,
    checkpointed: rec.checkpointed === true ? true : undefined,
    repairedReason: rec.repairedReason,
  };
}

/**
 * The record of a `_migration` item (unmarshalled), or CorruptStateError naming the item and
 * what to do when it cannot be one: planning on a history that was read wrong would run or
 * skip the wrong steps. OneTable's own items are read too (date as an ISO string, no status).
 */
export function recordFromItem(i: Record<string, unknown>, k: TableKeys, table: string): MigrationRecord {
  const key = String(i[k.sort] ?? '');
  const version = typeof i.version === 'string' ? i.version : (key.split(':')[1] ?? '');
  const date =
    typeof i.date === 'number'
      ? i.date
      : typeof i.date === 'string'
        ? Date.parse(i.date) || 0
        : Number(key.split(':')[2] ?? 0);
  const r = withFields(i, version, date, key);
  const problem = !r.key.startsWith(`${MIGRATION_HASH}:`)
    ? `its sort key is not ${MIGRATION_HASH}:<version>:<date>`
    : i.version !== undefined && typeof i.version !== 'string'
      ? `"version" is a ${typeof i.version}, not a string`
      : !isVersion(r.version) && r.version !== RESET && r.version !== LEGACY_RESET
        ? `version "${r.version}" is not a semver version`
        : i.status !== undefined && typeof i.status !== 'string'
          ? `"status" is a ${typeof i.status}, not a string`
          : !Number.isFinite(r.date)
            ? '"date" is not a time'
            : undefined;
  if (!problem) return r;
  const itemKey = JSON.stringify({ [k.hash]: { S: MIGRATION_HASH }, [k.sort]: { S: r.key } });
  throw new CorruptStateError(
    `${table}: the migration record ${k.hash}=${MIGRATION_HASH}, ${k.sort}=${r.key} is corrupt (${problem}): ${JSON.stringify(withoutKeys(i, k)).slice(0, 200)}. ` +
      `Nothing was run: the history cannot be read past it. Fix that item, or delete it ` +
      `(aws dynamodb delete-item --table-name ${table} --key '${itemKey}'), then check the history with dynamodb-migrate status; ` +
      `if that record stood for an applied version, record it again with dynamodb-migrate repair --version <version> --mark applied --reason "...".`,
  );
}

/**
 * A record as OneTable's `getPastMigrations` answers it through a Lambda (JSON: the date an ISO
 * string, no key, no status before OneTable 2023-09). The key is made from version and date.
 */
export function recordFromOneTableAnswer(r: Record<string, unknown>): MigrationRecord {
  const version = String(r.version ?? '');
  const date = typeof r.date === 'number' ? r.date : Date.parse(String(r.date ?? '')) || 0;
  return withFields(r, version, date, recordKey(version, date));
}

function withFields(i: Record<string, unknown>, version: string, date: number, key: string): MigrationRecord {
  return {
    version,
    date,
    key,
    path: String(i.path ?? ''),
    description: String(i.description ?? ''),
    // OneTable before 2023-09 wrote no status: those records are successes.
    status: typeof i.status === 'string' ? i.status : SUCCESS,
    checksum: i.checksum as string | undefined,
    // Only on records that carry them (a tree checksum's per-file checksums), as an absent key.
    ...withSources(sourcesOf(i.sources)),
    direction: i.direction as MigrationRecord['direction'],
    actor: i.actor as string | undefined,
    runUrl: i.runUrl as string | undefined,
    gitSha: i.gitSha as string | undefined,
    durationMs: i.durationMs as number | undefined,
    counts: i.counts as MigrationRecord['counts'],
    // Only on a failed step's record that stopped at its checkpoints, as an absent key elsewhere.
    ...(i.checkpointed === true ? { checkpointed: true } : {}),
    repairedReason: i.repairedReason as string | undefined,
  };
}

/** The per-file checksums of a record, when it holds a map of strings (anything else is ignored). */
function sourcesOf(v: unknown): Record<string, string> | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const entries = Object.entries(v as Record<string, unknown>).filter(
    (e): e is [string, string] => typeof e[1] === 'string',
  );
  return entries.length ? Object.fromEntries(entries) : undefined;
}

function withSources(sources: Record<string, string> | undefined): { sources?: Record<string, string> } {
  return sources ? { sources } : {};
}
