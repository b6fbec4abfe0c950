import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, test } from 'vitest';
import { CorruptStateError, EXIT, messageOf } from '../../../src/core/errors';
import { exitCodeOf } from '../../../src/core/outcome';
import type { MigrationRecord } from '../../../src/core/types';
import {
  recordFromItem,
  recordFromOneTableAnswer,
  recordKey,
  recordToItem,
} from '../../../src/dynamodb/state/record-codec';

/**
 * The one codec of a `_migration` record (no DynamoDB): what the store writes, what it reads
 * back, and what a OneTable controller answers through a Lambda all mean the same record.
 */

const keys = { hash: 'PK', sort: 'SK' };
const wire = (item: Record<string, unknown>) => marshall(item, { removeUndefinedValues: true });

/** An item as this tool writes it, every attribute set, on a table whose keys are PK / SK. */
const ours = wire({
  PK: '_migration',
  SK: '_migration:1.2.0:1700000000123',
  version: '1.2.0',
  date: 1_700_000_000_123,
  path: '1.2.0-tag-users.ts',
  description: 'tag users',
  status: 'success',
  _type: '_Migration',
  checksum: 'sha256:abc',
  direction: 'up',
  actor: 'octocat',
  runUrl: 'https://github.com/o/r/actions/runs/1',
  gitSha: 'deadbeef',
  durationMs: 4200,
  counts: { scanned: 10, changed: 7, skipped: 3, failed: 0 },
  repairedReason: 'recorded by hand',
});

describe('item -> record -> item', () => {
  test('a failed record that stopped at its checkpoints keeps the mark; others have no checkpointed key', () => {
    const failed = unmarshall(ours);
    const marked = recordFromItem({ ...failed, status: 'boom', checkpointed: true }, keys, 't');
    expect(marked.checkpointed).toBe(true);
    expect(unmarshall(wire(recordToItem(marked, keys))).checkpointed).toBe(true);
    const plain = recordFromItem({ ...failed, status: 'boom' }, keys, 't');
    expect(plain).not.toHaveProperty('checkpointed');
    expect(unmarshall(wire(recordToItem(plain, keys)))).not.toHaveProperty('checkpointed');
    // Anything but true (a hand-edited item) is no mark.
    expect(recordFromItem({ ...failed, status: 'boom', checkpointed: 'yes' }, keys, 't')).not.toHaveProperty(
      'checkpointed',
    );
  });

  test('an item this tool wrote decodes to its record and encodes to the same attributes, byte for byte', () => {
    const rec = recordFromItem(unmarshall(ours), keys, 't');
    expect(rec).toStrictEqual({
      version: '1.2.0',
      date: 1_700_000_000_123,
      key: '_migration:1.2.0:1700000000123',
      path: '1.2.0-tag-users.ts',
      description: 'tag users',
      status: 'success',
      checksum: 'sha256:abc',
      direction: 'up',
      actor: 'octocat',
      runUrl: 'https://github.com/o/r/actions/runs/1',
      gitSha: 'deadbeef',
      durationMs: 4200,
      counts: { scanned: 10, changed: 7, skipped: 3, failed: 0 },
      repairedReason: 'recorded by hand',
    });
    const again = wire(recordToItem(rec, keys));
    expect(again).toStrictEqual(ours);
    // Attribute order too: the item is the same request body, not only the same set.
    expect(JSON.stringify(again)).toBe(JSON.stringify(ours));
  });

  test('a record with only the attributes OneTable knows writes no others (nothing undefined reaches the wire)', () => {
    const rec: MigrationRecord = {
      version: '1.0.0',
      date: 5,
      key: recordKey('1.0.0', 5),
      path: '1.0.0.ts',
      description: '',
      status: 'running: 1.0.0',
    };
    const item = wire(recordToItem(rec, { hash: 'pk', sort: 'sk' }));
    expect(Object.keys(item)).toEqual(['pk', 'sk', 'version', 'date', 'path', 'description', 'status', '_type']);
    expect(item.sk).toEqual({ S: '_migration:1.0.0:5' });
    expect(item._type).toEqual({ S: '_Migration' });
    expect(recordFromItem(unmarshall(item), { hash: 'pk', sort: 'sk' }, 't')).toEqual(rec);
  });

  test("an item OneTable's own Migrate wrote (date an ISO string, no status) is a success at that time", () => {
    const item = {
      pk: '_migration',
      sk: '_migration:0.0.1:2023-01-01T00:00:00.000Z',
      version: '0.0.1',
      date: '2023-01-01T00:00:00.000Z',
      path: '0.0.1.js',
      description: 'first',
      _type: '_Migration',
    };
    expect(recordFromItem(item, { hash: 'pk', sort: 'sk' }, 't')).toMatchObject({
      version: '0.0.1',
      date: Date.UTC(2023, 0, 1),
      key: '_migration:0.0.1:2023-01-01T00:00:00.000Z',
      status: 'success',
    });
  });

  test('an item that cannot be a record is a state error (exit 1) naming it, the table and what to do', () => {
    const bad = { PK: '_migration', SK: '_migration:1.0.0:1', version: 42 };
    let e: unknown;
    try {
      recordFromItem(bad, keys, 'orders');
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(CorruptStateError);
    expect(exitCodeOf(e)).toBe(EXIT.failure);
    expect(messageOf(e)).toContain(
      'orders: the migration record PK=_migration, SK=_migration:1.0.0:1 is corrupt ("version" is a number, not a string)',
    );
    expect(() => recordFromItem({ SK: '_migration:not-a-version:1' }, keys, 'orders')).toThrow(
      /version "not-a-version" is not a semver version/,
    );
    expect(() => recordFromItem({ SK: 'other:1.0.0:1' }, keys, 'orders')).toThrow(
      /its sort key is not _migration:<version>:<date>/,
    );
  });
});

describe("OneTable's getPastMigrations answer -> record", () => {
  test('an ISO date and no status (a OneTable controller, before 2023-09) decode to epoch ms and success, the key made from them', () => {
    const answer = JSON.parse(
      JSON.stringify({ version: '0.0.2', date: '2023-06-01T12:00:00.500Z', path: '0.0.2.js', description: 'second' }),
    ) as Record<string, unknown>;
    expect(recordFromOneTableAnswer(answer)).toEqual({
      version: '0.0.2',
      date: Date.UTC(2023, 5, 1, 12, 0, 0, 500),
      key: '_migration:0.0.2:1685620800500',
      path: '0.0.2.js',
      description: 'second',
      status: 'success',
    });
  });

  test('a record answered over JSON by our controller (ISO date, no key) comes back as the record the table holds', () => {
    const rec = recordFromItem(unmarshall(ours), keys, 't');
    const { key: _key, ...rest } = rec;
    const answer = JSON.parse(JSON.stringify({ ...rest, date: new Date(rec.date).toISOString() }));
    expect(recordFromOneTableAnswer(answer)).toStrictEqual(rec);
  });

  test('a failed step keeps its status; a missing date is 0 rather than NaN', () => {
    expect(recordFromOneTableAnswer({ version: '1.0.0', status: 'failed: boom' })).toMatchObject({
      status: 'failed: boom',
      date: 0,
      key: '_migration:1.0.0:0',
    });
  });
});
