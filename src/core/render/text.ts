import { shortChecksum } from '../checksum';
import { statusOfReport, type ReportStatus } from '../outcome';
import type { StatusReport } from '../status';
import { renderChecksText } from './checks';
import { renderSchemaDiffText } from './schema-diff';
import type { LogEntry, Plan, RunReport, StepProgress, StepReport } from '../types';

/** Terminal rendering of a plan: the same model as the markdown, as plain text. */
export function renderPlanText(plan: Plan): string {
  const out: string[] = [];
  out.push(
    `${plan.environment} (${plan.table}): ${plan.currentVersion} -> ${plan.targetVersion}  [${plan.command}${plan.direction === 'none' ? ', nothing to do' : `, ${plan.direction}`}]`,
  );
  if (plan.stateUnknown) out.push('  (table state not read: planned from the migration files only)');
  if (plan.global) out.push(`  ${describeReplication(plan.global)}`);
  for (const s of plan.steps) {
    const flags = [
      s.reversible ? 'reversible' : 'irreversible',
      s.idempotent ? 'idempotent' : undefined,
      s.kind !== 'migrate' ? s.kind : undefined,
      s.checks?.length ? `checks: ${s.checks.join(', ')}` : undefined,
      s.canaryPercent ? `canary ${s.canaryPercent}% then verify` : undefined,
    ]
      .filter(Boolean)
      .join(', ');
    out.push(
      `  ${s.direction === 'up' ? '▲ up  ' : '▼ down'} ${s.version.padEnd(10)} ${shortChecksum(s.checksum)}  ${s.description || '(no description)'}  (${flags})`,
    );
  }
  for (const b of plan.blockers) out.push(`  ✖ ${b.message}\n    next: ${b.next}`);
  for (const w of plan.warnings) out.push(`  ! ${w.message}`);
  out.push(...renderChecksText(plan.checks));
  if (plan.estimate) {
    const e = plan.estimate;
    out.push(
      `  estimate per full pass: ~${formatCount(e.items)} items, ${formatBytes(e.sizeBytes)}, ${formatCount(e.readUnits)} RCU to scan, ${formatCount(e.writeUnits)} WCU to rewrite${e.secondsAtRate !== undefined ? `, ~${formatDuration(e.secondsAtRate * 1000)} at ${e.rate} WCU/s` : ''}`,
    );
    if (e.replicas && e.totalWriteUnits !== undefined) out.push(`  replicated: ${describeReplicatedCost(e)}`);
  }
  if (plan.schemaDiff && plan.schemaDiff.status !== 'unchanged') {
    out.push(
      `  data model:\n${renderSchemaDiffText(plan.schemaDiff)
        .trimEnd()
        .split('\n')
        .map((l) => `    ${l}`)
        .join('\n')}`,
    );
  }
  if (plan.rollback) out.push(`  rollback: dynamodb-migrate to ${plan.rollback.version} --env ${plan.environment}`);
  out.push(`  plan hash: ${plan.hash}`);
  return out.join('\n');
}

export function renderReportText(r: RunReport): string {
  const out: string[] = [];
  const heads: Record<ReportStatus, string> = {
    applied: `applied ${r.steps.filter((s) => s.status === 'applied').length} step(s)`,
    'no-op': 'nothing to do: the table is at the target',
    failed: 'FAILED',
    'precondition-failed': "PRECONDITION FAILED (a step's before hook): nothing was written",
    blocked: 'BLOCKED',
    'dry-run': 'dry run: nothing was written',
    incomplete: 'INCOMPLETE: stopped at a checkpoint',
    running: 'RUNNING in its Step Functions execution (it records the step and releases the lock itself)',
  };
  const head = heads[statusOfReport(r)];
  out.push(`${r.plan.environment} (${r.plan.table}): ${head} in ${formatDuration(r.durationMs)}`);
  for (const s of r.steps) {
    out.push(`  ${stepLine(s)}`);
    for (const c of s.checks ?? []) {
      const scope = c.scope === 'canary' ? 'the canary' : 'every item';
      out.push(`    ${c.passed ? '✓' : '✖'} ${c.hook} on ${scope}${c.passed ? ': passed' : ':'}`);
      for (const f of c.findings) {
        const examples = f.examples?.length
          ? `  e.g. ${f.examples
              .slice(0, 3)
              .map((k) => Object.values(k).join(' / '))
              .join(', ')}`
          : '';
        out.push(`      - ${f.message}${f.count !== undefined ? ` (${formatCount(f.count)})` : ''}${examples}`);
      }
    }
    if (s.canaryReverted !== undefined)
      out.push(`    canary ${s.canaryReverted ? 'undone with down' : 'left in place (no down)'}`);
  }
  if (r.error) out.push(`  error: ${r.error.split('\n').join('\n         ')}`);
  if (r.next) out.push(`  next: ${r.next.split('\n').join('\n        ')}`);
  return out.join('\n');
}

function stepLine(s: StepReport): string {
  const c = s.counts;
  const counts = c
    ? `  scanned ${formatCount(c.scanned)}, changed ${formatCount(c.changed)}, skipped ${formatCount(c.skipped)}, failed ${formatCount(c.failed)}`
    : '';
  return `${s.status.padEnd(10)} ${s.direction.padEnd(4)} ${s.version.padEnd(10)} ${formatDuration(s.durationMs)}${counts}${s.error ? `  (${s.error})` : ''}${s.execution ? `  execution: ${s.execution}` : ''}`;
}

export function renderStatusText(s: StatusReport): string {
  const out: string[] = [];
  out.push(`${s.environment} (${s.table}): version ${s.currentVersion}, target ${s.targetVersion}`);
  out.push(s.applied.length ? 'applied:' : 'applied: none');
  for (const a of s.applied) {
    out.push(
      `  ${a.version.padEnd(10)} ${a.date}  ${a.checksum ? shortChecksum(a.checksum) : '--------'}  ${a.description}${a.drifted ? '  [FILE CHANGED]' : ''}${a.missingFile ? '  [no file]' : ''}`,
    );
  }
  out.push(s.outstanding.length ? 'outstanding:' : 'outstanding: none');
  for (const o of s.outstanding) out.push(`  ${o.version.padEnd(10)} ${o.description}  (${o.file})`);
  if (s.failed) out.push(`failed: the ${s.failed.direction} of ${s.failed.version} failed: ${s.failed.status}`);
  if (s.lock) {
    out.push(
      `lock: ${s.lock.expired ? 'EXPIRED ' : ''}held by ${s.lock.owner} (lock id ${s.lock.lockId}, ${s.lock.command}) until ${new Date(s.lock.leaseExpiresAt).toISOString()}${s.lock.runUrl ? ` ${s.lock.runUrl}` : ''}`,
    );
  } else out.push('lock: free');
  out.push(
    `schema: ${s.schema.version ?? 'none stored'}${s.schema.drift ? `  [DRIFT: ${s.schema.drift}]` : s.schema.version ? ' (matches the current version)' : ''}`,
  );
  if (s.global) {
    out.push(`replication: ${describeReplication(s.global)}`);
    for (const r of s.global.replicas) {
      const role = [
        r.region === s.global.home ? 'home' : undefined,
        r.region === s.global.region ? 'this run' : undefined,
      ]
        .filter(Boolean)
        .join(', ');
      out.push(
        `  ${r.region.padEnd(16)} ${r.status ?? 'status not reported'}${r.progress ? ` ${r.progress}%` : ''}${r.detail ? ` (${r.detail})` : ''}${role ? `  [${role}]` : ''}`,
      );
    }
    for (const w of s.global.witnesses)
      out.push(`  ${w.region.padEnd(16)} ${w.status ?? 'status not reported'}  [witness]`);
  }
  for (const b of s.blockers) out.push(`✖ ${b.message}\n  next: ${b.next}`);
  return out.join('\n');
}

/** Global tables, in one line: the consistency mode, the replicas, this run's region and the home of the migrations. */
export function describeReplication(g: NonNullable<Plan['global']>): string {
  const mode =
    g.consistency === 'STRONG' ? 'multi-Region strong consistency' : 'eventual consistency, last writer wins';
  const regions = g.replicas.map((r) => r.region).join(', ');
  const where = !g.home
    ? `no home region set; this run is in ${g.region}`
    : g.home === g.region
      ? `home region ${g.home} (this run): the lock, records and log are kept here`
      : `home region ${g.home}; this run is in ${g.region}, so it may plan and read but not apply`;
  return `global table (${mode}${g.version ? `, version ${g.version}` : ''}): replicas ${regions}${g.witnesses.length ? ` + witness ${g.witnesses.map((w) => w.region).join(', ')}` : ''}; ${where}`;
}

/** What replication adds to a plan's write estimate, and what the rate means. */
export function describeReplicatedCost(e: NonNullable<Plan['estimate']>): string {
  const rate = e.rate
    ? `the rate (${formatCount(e.rate)} WCU/s) and the time are the home region's, and every replica applies the same writes at the same rate`
    : "the rate is the home region's, and every replica applies the same writes at the same rate";
  return `each write is applied by all ${e.replicas} replicas: ~${formatCount(e.totalWriteUnits ?? e.writeUnits)} write units over all regions (${formatCount(e.writeUnits)} in each); ${rate}`;
}

export function renderLogText(entries: readonly LogEntry[]): string {
  if (!entries.length) return 'The audit log is empty.';
  return entries
    .map((e) => {
      const bits = [new Date(e.at).toISOString(), e.environment, e.event, e.outcome, e.actor];
      if (e.versions?.length) bits.push(e.versions.join(', '));
      if (e.reason) bits.push(`reason: ${e.reason}`);
      if (e.message) bits.push(e.message);
      if (e.runUrl) bits.push(e.runUrl);
      return bits.join('  ');
    })
    .join('\n');
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s % 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/**
 * A fanned-out step's progress in one line, the same in the log, the pull request comment and
 * the studio: `pass 2: 5/8 segments, 12,345 items scanned (3,456 changed), 1,234/s, about 2 min left`.
 */
export function describeStepProgress(p: StepProgress): string {
  const eta =
    p.etaSeconds === undefined
      ? ''
      : `, ${p.etaSeconds < 1 ? 'finishing' : `about ${roughDuration(p.etaSeconds)} left`}`;
  const failed = p.failed ? `, ${formatCount(p.failed)} failed` : '';
  return `pass ${p.pass}: ${p.segmentsDone}/${p.segments} segments, ${formatCount(p.scanned)} items scanned (${formatCount(p.changed)} changed${failed}), ${formatCount(Math.round(p.rate))}/s${eta}`;
}

/** A time left, as rough as an estimate is: `40 s`, `12 min`, `3.5 h`. */
function roughDuration(s: number): string {
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 90 * 60) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

/** 125000 → "125,000": counts and units read at a glance. */
export function formatCount(n: number): string {
  const r = Math.round(n);
  // The text toLocaleString('en-US') gives, without ICU's number formatter: its first use costs
  // ~15 ms, a twentieth of the CLI's whole `plan`. Numbers it would not write this way go to it.
  if (!Number.isFinite(r) || Math.abs(r) >= 1e21 || Object.is(r, -0)) return r.toLocaleString('en-US');
  return `${r < 0 ? '-' : ''}${String(Math.abs(r)).replace(/\B(?=(\d{3})+$)/g, ',')}`;
}

export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 && i ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}
