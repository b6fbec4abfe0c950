import type { Environment } from './manifest';
import { schemaDriftOf } from './schema-diff';
import type { OneTableSchema, Plan, TableState } from './types';
import type { ValidationReport } from './validate';

/**
 * The scheduled drift check's rules: how a table differs from what the manifest and the
 * migration files say it should be. Pure: the session reads the table, plans, validates when
 * asked, and hands the results here.
 */

/** What a drift finding is about. */
export type DriftKind = 'version' | 'failed-state' | 'stale-lock' | 'schema' | 'checksum' | 'data';

/** One way the table differs from the manifest and the files (not a `before`/`verify` hook's finding). */
export interface DriftFinding {
  kind: DriftKind;
  message: string;
}

/** What the drift check of one environment found. */
export interface DriftReport {
  environment: string;
  table: string;
  currentVersion: string;
  targetVersion: string;
  drifted: boolean;
  findings: DriftFinding[];
  plan: Plan;
  /** The data checked against the schema, when the environment asks for it (`validate:`). */
  validation?: ValidationReport | undefined;
}

/** What the rules look at. */
export interface DriftInput {
  /** The table's state as read (lock, stored `_schema` item). */
  state: Pick<TableState, 'lock' | 'schema'>;
  /** The apply plan from that state to the manifest target (versions, failed state, checksum drift). */
  plan: Pick<Plan, 'table' | 'currentVersion' | 'targetVersion' | 'failed' | 'drift'>;
  /** The schema the current version's migration declares; undefined: nothing to compare the stored one with. */
  schema: OneTableSchema | undefined;
  /** Epoch ms: a lock whose lease ended before this is stale. */
  now: number;
  /** The data checked against the schema, when the environment asked for it. */
  validation?: ValidationReport | undefined;
}

/**
 * Whether the drift check also validates the data, and on what sample: when the environment
 * asks for it (`validate:`) and the table has a schema item to check against.
 */
export function driftValidation(
  validate: Environment['validate'],
  state: Pick<TableState, 'schema'>,
): { samplePercent: number | undefined } | undefined {
  if (!validate || !state.schema) return undefined;
  return { samplePercent: typeof validate === 'object' ? validate.sample : undefined };
}

/**
 * The drift findings, in the order users read them: the version against the target, a failed
 * step, a stale lock, the stored schema against the current version's, changed files of
 * applied versions, and data that does not fit the schema.
 */
export function driftFindings(input: DriftInput): DriftFinding[] {
  const { state, plan, now, validation } = input;
  const table = plan.table;
  const findings: DriftFinding[] = [];
  if (plan.currentVersion !== plan.targetVersion) {
    findings.push({
      kind: 'version',
      message: `${table} is at ${plan.currentVersion}; the manifest target is ${plan.targetVersion}.`,
    });
  }
  if (plan.failed)
    findings.push({
      kind: 'failed-state',
      message: `The ${plan.failed.direction} of ${plan.failed.version} failed: ${plan.failed.status}`,
    });
  if (state.lock && state.lock.leaseExpiresAt < now) {
    findings.push({
      kind: 'stale-lock',
      message: `A lock held by ${state.lock.owner} (id ${state.lock.lockId}) expired at ${new Date(state.lock.leaseExpiresAt).toISOString()}.`,
    });
  }
  const schemaDrift = schemaDriftOf(state.schema, input.schema);
  if (schemaDrift) findings.push({ kind: 'schema', message: `${table}: ${schemaDrift}.` });
  for (const d of plan.drift)
    findings.push({
      kind: 'checksum',
      message: `${d.changed?.length ? d.changed.join(', ') : d.file} changed after ${d.version} was applied (recorded ${d.recorded}, now ${d.current}).`,
    });
  if (validation?.invalid) {
    const sample = validation.samplePercent;
    const worst = Object.entries(validation.models)
      .filter(([, m]) => m.invalid)
      .map(([name, m]) => `${name} ${m.invalid.toLocaleString('en-US')}`)
      .join(', ');
    findings.push({
      kind: 'data',
      message: `${table}: ${validation.invalid.toLocaleString('en-US')} of ${validation.scanned.toLocaleString('en-US')} items${sample ? ` (a ${sample}% sample)` : ''} do not fit the schema ${validation.version} (${worst}): run dynamodb-migrate validate for details.`,
    });
  }
  return findings;
}

/** The drift report of an environment from its findings. */
export function driftReport(
  environment: string,
  plan: Plan,
  findings: DriftFinding[],
  validation?: ValidationReport | undefined,
): DriftReport {
  return {
    environment,
    table: plan.table,
    currentVersion: plan.currentVersion,
    targetVersion: plan.targetVersion,
    drifted: findings.length > 0,
    findings,
    plan,
    ...(validation ? { validation } : {}),
  };
}
