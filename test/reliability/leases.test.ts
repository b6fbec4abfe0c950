import { afterAll, describe, expect, test } from 'vitest';
import { LockHeldError } from '../../src/core/errors';
import { StateStore } from '../../src/dynamodb/state/state-store';
import { runCli } from '../support/cli';
import { createTestTable, deleteTestTable, localClient, localEndpoint } from '../support/dynamodb-local';
import { isWriteOperation } from '../support/fault-proxy';
import { copyProject } from '../support/project';
import { auditLog, dataItems, lostKeys, migrationRecords, seedLines, sleep, startCli } from './support/harness';
import { startRecordingProxy, writtenHashKeys } from './support/recording-proxy';
import { recordFigures } from './support/results';

/**
 * Leases: a dead holder's lock is taken over only once its lease has expired; a live run's
 * heartbeat keeps its lock however long its step takes; and a run whose lease was taken over
 * (here: a process frozen with SIGSTOP past its lease) stops before writing again.
 */

const client = localClient();
const tables: string[] = [];
const SCENARIOS = 3;
let held = 0;
let lost = 0;
afterAll(async () => {
  recordFigures('leases', { leases: { scenarios: SCENARIOS, held }, itemsLost: lost });
  for (const t of tables) await deleteTestTable(client, t);
});

async function setup(lines = 0) {
  const table = await createTestTable(client);
  tables.push(table);
  if (lines) await seedLines(client, table, lines);
  const { manifest } = copyProject('reliability', table);
  return {
    table,
    base: (endpoint = localEndpoint()) => ['--manifest', manifest, '--endpoint', endpoint],
    store: new StateStore(client, table),
  };
}

describe('leases', () => {
  test('a lock whose holder died is taken over only after its lease expires', async () => {
    const { table, base, store } = await setup(50);
    const dead = startCli([...base(), 'apply'], {
      DYNAMODB_MIGRATE_LEASE_MS: '8000',
      DYNAMODB_MIGRATE_ACTOR: 'doomed-run',
      REL_SLEEP_MS: '120000',
    });
    await dead.waitFor(/sleeping 120000 ms/);
    dead.child.kill('SIGKILL');
    await dead.done;
    const lock = (await store.readLock())!;
    expect(lock.owner).toBe('doomed-run');

    // While the lease runs, another run is refused and told who holds the lock.
    const early = await runCli([...base(), 'apply'], { env: { DYNAMODB_MIGRATE_ACTOR: 'early-run' } });
    const stillLeased = Date.now() < lock.leaseExpiresAt;
    if (stillLeased) {
      expect(early.code, early.stderr).toBe(3);
      expect(early.stderr).toContain('doomed-run');
      expect(early.stderr).toContain(lock.lockId);
    }
    await expect(
      store.acquireLock({ owner: 'probe', command: 'apply', leaseMs: 1000, now: lock.leaseExpiresAt - 1 }),
    ).rejects.toBeInstanceOf(LockHeldError);

    // A run that waits takes it over once the lease has run out, then resumes the interrupted step.
    const late = await runCli([...base(), '--lock-timeout', '60', 'apply', '--resume'], {
      env: { DYNAMODB_MIGRATE_ACTOR: 'late-run' },
    });
    expect(late.code, late.stderr).toBe(0);
    const starts = (await auditLog(client, table)).filter((e) => e.event === 'apply-start');
    expect(starts.map((e) => e.actor)).toEqual(['doomed-run', 'late-run']);
    expect(starts[1]!.at as number).toBeGreaterThanOrEqual(lock.leaseExpiresAt);
    expect((await migrationRecords(client, table)).filter((r) => r.status === 'success').map((r) => r.version)).toEqual(
      ['1.0.0', '1.1.0', '1.2.0', '1.3.0'],
    );
    held++;
  });

  test('a long step keeps its lock: the heartbeat renews the lease', async () => {
    const { table, base, store } = await setup();
    // Renewed every lease/3; 4 s leaves a loaded 2-core machine more than 2.5 s of slack per renewal
    // (1.5 s was once outrun while other jobs had the CPU).
    const leaseMs = 4000;
    const run = startCli([...base(), 'apply'], {
      DYNAMODB_MIGRATE_LEASE_MS: String(leaseMs),
      DYNAMODB_MIGRATE_ACTOR: 'long-run',
      REL_SLEEP_MS: String(leaseMs * 3),
    });
    await run.waitFor(/sleeping/);
    const first = (await store.readLock())!;
    let refused = 0;
    const renewals = new Set<number>();
    const lockIds = new Set<string>();
    while (run.child.exitCode === null) {
      const lock = await store.readLock();
      if (!lock) break;
      renewals.add(lock.heartbeatAt);
      lockIds.add(lock.lockId);
      try {
        const taken = await store.acquireLock({ owner: 'intruder', command: 'apply', leaseMs: 60_000 });
        await store.releaseLock(taken.lockId);
        throw new Error(`the lock of a live run was taken over (lease until ${lock.leaseExpiresAt})`);
      } catch (e) {
        if (!(e instanceof LockHeldError)) throw e;
        refused++;
      }
      await sleep(300);
    }
    const r = await run.done;
    expect(r.code, r.stderr).toBe(0);
    expect(refused).toBeGreaterThan(3);
    // The step ran for three leases: the lock lived through renewals, and the same lock id held throughout.
    expect(renewals.size).toBeGreaterThan(2);
    expect([...lockIds]).toEqual([first.lockId]);
    const starts = (await auditLog(client, table)).filter((e) => e.event === 'apply-start' || e.event === 'apply-end');
    expect(starts.map((e) => `${e.event}:${e.outcome}`)).toEqual(['apply-start:started', 'apply-end:applied']);
    held++;
  });

  test('a run whose lease was taken over stops before writing again (fencing)', async () => {
    const LINES = 600;
    const { table, base, store } = await setup(LINES);
    const before = await dataItems(client, table);
    const proxy = await startRecordingProxy(localEndpoint());
    try {
      // The 150th of 600 lines stalls its page for a moment and says so: the other segments go on
      // writing, so the freeze below lands mid-pass with writes in flight on any machine.
      const a = startCli([...base(proxy.endpoint), 'apply'], {
        DYNAMODB_MIGRATE_LEASE_MS: '6000',
        DYNAMODB_MIGRATE_ACTOR: 'frozen-run',
        REL_PAUSE: '1.2.0@150',
        REL_PAUSE_MS: '500',
      });
      await a.waitFor(/pause 1\.2\.0@150/);
      // Freeze it mid-pass (a long GC pause, a suspended VM) until its lease has run out.
      a.child.kill('SIGSTOP');
      // A renewal sent just before the freeze may still land: wait until the stored lease has run out.
      while (Date.now() <= ((await store.readLock())?.leaseExpiresAt ?? 0) + 200) await sleep(100);
      const b = await store.acquireLock({ owner: 'second-run', command: 'apply', leaseMs: 600_000 });
      const takeover = proxy.requests.length;
      a.child.kill('SIGCONT');
      const ra = await a.done;
      expect(ra.code, ra.stderr).toBe(3);
      expect(ra.stdout + ra.stderr).toMatch(/taken over|no longer held|ran out before it could be renewed/);

      // After the takeover the frozen run sent no unfenced write: no data, no checkpoint, no record.
      // Every write is checked against the lease right before it goes on the wire, including
      // those that were queued behind the socket pool or the rate limiter when the freeze came.
      const after = proxy.requests.slice(takeover).filter((q) => isWriteOperation(q.operation));
      const unfenced = after.filter((q) => {
        const keys = writtenHashKeys(q);
        if (q.operation === 'TransactWriteItems') return false; // carries the ConditionCheck on the lock
        return keys.some((k) => k !== '_migration_lock' && k !== '_migration_log');
      });
      expect(unfenced.map((q) => `${q.operation} ${writtenHashKeys(q).slice(0, 3).join(',')}`)).toEqual([]);
      expect((await store.readLock())?.lockId).toBe(b.lockId);
      const recs = await migrationRecords(client, table);
      expect(recs.some((r) => r.version === '1.2.0' && r.status === 'success')).toBe(false);

      // The second run finishes the job: resume from the checkpoints, every line bumped once.
      await store.releaseLock(b.lockId);
      const resume = await runCli([...base(), 'apply', '--resume'], { env: { DYNAMODB_MIGRATE_ACTOR: 'second-run' } });
      expect(resume.code, resume.stdout + resume.stderr).toBe(0);
      const data = await dataItems(client, table);
      const missing = lostKeys(before, data);
      lost += missing.length;
      expect(missing).toEqual([]);
      expect(data.filter((i) => i._type === 'Line' && i.rev !== 1)).toEqual([]);
    } finally {
      await proxy.stop();
    }
    held++;
  });
});
