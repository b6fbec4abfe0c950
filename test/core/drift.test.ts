import { describe, expect, test } from 'vitest';
import { driftFindings, driftReport, driftValidation, type DriftInput } from '../../src/core/drift';
import { toSchemaItem } from '../../src/core/schema';
import type { LockInfo, OneTableSchema } from '../../src/core/types';
import type { ValidationReport } from '../../src/core/validate';
import { storeSchemas } from '../fixtures/schemas';
import { plan } from './render/fixtures';

/** The drift check's rules, without a table: state, plan, schema, clock and validation in; findings out. */

const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);
const schema = storeSchemas['1.0.0'] as OneTableSchema;
/** The schema item as the table holds it after the migration wrote it. */
const stored = JSON.parse(JSON.stringify(toSchemaItem(schema))) as OneTableSchema;

const atTarget = plan({ currentVersion: '1.0.0', targetVersion: '1.0.0', steps: [], direction: 'none' });
const clean: DriftInput = { state: { schema: stored }, plan: atTarget, schema, now: NOW };

const lock = (leaseExpiresAt: number): LockInfo => ({
  lockId: 'lock-7f3a',
  owner: 'ci@runner',
  command: 'apply',
  acquiredAt: leaseExpiresAt - 120_000,
  leaseExpiresAt,
  heartbeatAt: leaseExpiresAt - 120_000,
});

const validation = (over: Partial<ValidationReport> = {}): ValidationReport => ({
  version: '1.0.0',
  scanned: 12_000,
  invalid: 0,
  unknownType: 0,
  typeField: '_type',
  models: {},
  ...over,
});

describe('driftFindings', () => {
  test('a table at its target, with its schema item, no lock and no changed file: no finding', () => {
    expect(driftFindings(clean)).toEqual([]);
    expect(driftFindings({ ...clean, validation: validation() })).toEqual([]);
  });

  test('behind the target', () => {
    expect(driftFindings({ ...clean, plan: plan({ currentVersion: '1.0.0', targetVersion: '1.2.0' }) })).toEqual([
      { kind: 'version', message: 'orders-dev is at 1.0.0; the manifest target is 1.2.0.' },
    ]);
  });

  test('a failed step', () => {
    const failed = { version: '1.1.0', direction: 'up' as const, status: 'boom: ValidationException', date: NOW - 1 };
    expect(driftFindings({ ...clean, plan: { ...atTarget, failed } })).toEqual([
      { kind: 'failed-state', message: 'The up of 1.1.0 failed: boom: ValidationException' },
    ]);
  });

  test('a lock is stale once its lease ended before now, not while it lasts', () => {
    expect(driftFindings({ ...clean, state: { ...clean.state, lock: lock(NOW + 1) } })).toEqual([]);
    expect(driftFindings({ ...clean, state: { ...clean.state, lock: lock(NOW) } })).toEqual([]);
    expect(driftFindings({ ...clean, state: { ...clean.state, lock: lock(NOW - 1000) } })).toEqual([
      { kind: 'stale-lock', message: 'A lock held by ci@runner (id lock-7f3a) expired at 2025-06-15T11:59:59.000Z.' },
    ]);
  });

  test("the stored schema item against the current version's schema", () => {
    expect(driftFindings({ ...clean, state: {} })).toEqual([
      { kind: 'schema', message: 'orders-dev: the table has no _schema item; expected schema version 1.0.0.' },
    ]);
    // A current version without a schema expects nothing of the item.
    expect(driftFindings({ ...clean, state: {}, schema: undefined })).toEqual([]);
  });

  test('a file changed after its version was applied', () => {
    const drift = [{ version: '1.0.0', file: '1.0.0-init.ts', recorded: 'sha256:aaaa', current: 'sha256:bbbb' }];
    expect(driftFindings({ ...clean, plan: { ...atTarget, drift } })).toEqual([
      {
        kind: 'checksum',
        message: '1.0.0-init.ts changed after 1.0.0 was applied (recorded sha256:aaaa, now sha256:bbbb).',
      },
    ]);
  });

  test('data that does not fit the schema, with the sample it was found in', () => {
    const models = {
      Customer: { scanned: 4_000, invalid: 1_200, problems: [], examples: [] },
      Order: { scanned: 8_000, invalid: 34, problems: [], examples: [] },
      Review: { scanned: 0, invalid: 0, problems: [], examples: [] },
    };
    expect(driftFindings({ ...clean, validation: validation({ invalid: 1_234, models }) })).toEqual([
      {
        kind: 'data',
        message:
          'orders-dev: 1,234 of 12,000 items do not fit the schema 1.0.0 (Customer 1,200, Order 34): run dynamodb-migrate validate for details.',
      },
    ]);
    const sampled = driftFindings({ ...clean, validation: validation({ invalid: 34, models, samplePercent: 10 }) });
    expect(sampled[0]?.message).toMatch(/^orders-dev: 34 of 12,000 items \(a 10% sample\) do not fit/);
  });

  test('every rule at once, in reading order', () => {
    const findings = driftFindings({
      state: { lock: lock(NOW - 1) },
      plan: {
        ...plan({ currentVersion: '1.0.0', targetVersion: '1.2.0' }),
        failed: { version: '1.1.0', direction: 'up', status: 'boom', date: NOW },
        drift: [{ version: '1.0.0', file: 'a.ts', recorded: 'x', current: 'y' }],
      },
      schema,
      now: NOW,
      validation: validation({ invalid: 1, models: { Order: { scanned: 1, invalid: 1, problems: [], examples: [] } } }),
    });
    expect(findings.map((f) => f.kind)).toEqual([
      'version',
      'failed-state',
      'stale-lock',
      'schema',
      'checksum',
      'data',
    ]);
  });
});

describe('driftValidation', () => {
  test('validates only when the environment asks and the table has a schema item to check against', () => {
    expect(driftValidation(undefined, { schema: stored })).toBeUndefined();
    expect(driftValidation(false, { schema: stored })).toBeUndefined();
    expect(driftValidation(true, {})).toBeUndefined();
    expect(driftValidation(true, { schema: stored })).toEqual({ samplePercent: undefined });
    expect(driftValidation({ sample: 5 }, { schema: stored })).toEqual({ samplePercent: 5 });
  });
});

describe('driftReport', () => {
  test('drifted when anything was found; the validation kept when there was one', () => {
    const found = [{ kind: 'version' as const, message: 'behind' }];
    expect(driftReport('dev', atTarget, [])).toEqual({
      environment: 'dev',
      table: 'orders-dev',
      currentVersion: '1.0.0',
      targetVersion: '1.0.0',
      drifted: false,
      findings: [],
      plan: atTarget,
    });
    const v = validation();
    expect(driftReport('dev', atTarget, found, v)).toMatchObject({ drifted: true, findings: found, validation: v });
  });
});
