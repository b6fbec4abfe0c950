import { describe, expect, test } from 'vitest';
import { commentKey, runSettingsOf } from '../../src/action/context';
import {
  approvalGate,
  backupNameOf,
  followInComment,
  planChangeGate,
  previousGate,
  reasonOf,
} from '../../src/action/modes/apply';
import { driftOutcome } from '../../src/action/modes/drift';
import { FORK_NOTE, planOutcome, planSourceOf } from '../../src/action/modes/plan';
import { exitCodeOfOutcomes, failureOf } from '../../src/action/report';
import { commentWarning } from '../../src/action/sticky-comment';
import { EXIT, InputError, RefusedError } from '../../src/core/errors';
import type { Environment } from '../../src/core/manifest';
import { exitCodeOf, statusOfError } from '../../src/core/outcome';
import type { LiveExecution, Plan } from '../../src/core/types';
import { readPlanHashes } from '../../src/github/comment-protocol';
import { GitHubApiError } from '../../src/github/rest';
import { plan, step } from '../core/render/fixtures';
import { FakeGitHub, defaultPlan, fakeProject, prPayload, pushPayload, runInProcess, type TableScript } from './fakes';

/**
 * The whole action in this process, with a fake GitHub API and a fake migration session: the
 * decisions the entry point makes (comment lifecycle, gates, exit codes, outputs), each in
 * milliseconds. What only the bundle can show stays in action.e2e.test.ts.
 */

const MERGE = '1'.repeat(40);
/** A table whose plan hash is `hash` (as if its state revision moved). */
const tableAt = (hash: string, over: Partial<Plan> = {}): TableScript => ({
  plan: (i, s, env) => ({ ...defaultPlan(i, s, env), hash, ...over }),
});
const heading = (body: string) => body.split('\n').find((l) => l.startsWith('## '));

describe('pull request', () => {
  test('the first push creates one comment and a second push updates that same comment', async () => {
    const gh = new FakeGitHub();
    gh.comments.set(7, [{ id: 1, body: 'unrelated', html_url: 'x' }]);
    const first = await runInProcess({ event: 'pull_request', payload: prPayload(7), github: gh });
    expect(first.code).toBe(0);
    expect(first.outputs).toMatchObject({
      status: 'planned',
      'current-version': '0.0.0',
      'previous-version': '0.0.0',
      'target-version': '1.2.0',
      'plan-hash': 'aaaaaaaaaaaaaaaa',
    });
    expect(gh.ours(7)).toHaveLength(1);
    const { id, body } = gh.ours(7)[0]!;
    expect(body).toContain('📋 planned · dev');
    expect(body).toContain('Seed the first order');
    expect(readPlanHashes(body)).toEqual({ dev: 'aaaaaaaaaaaaaaaa' });
    expect(first.outputs['comment-url']).toBe(gh.ours(7)[0]!.html_url);
    expect(first.summary).toContain('📋 planned · dev');

    const second = await runInProcess({
      event: 'pull_request',
      payload: prPayload(7, { headSha: 'b'.repeat(40) }),
      github: gh,
      table: tableAt('bbbbbbbbbbbbbbbb'),
    });
    expect(second.code).toBe(0);
    expect(gh.ours(7)).toHaveLength(1);
    expect(gh.ours(7)[0]!.id).toBe(id);
    expect(readPlanHashes(gh.ours(7)[0]!.body)).toEqual({ dev: 'bbbbbbbbbbbbbbbb' });
    expect(gh.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(gh.requests.filter((r) => r.method === 'PATCH').map((r) => r.path)).toEqual([
      `/repos/acme/shop/issues/comments/${id}`,
    ]);
  });

  test('plans read the table through a read-only session with the run settings of this workflow run', async () => {
    const r = await runInProcess({
      event: 'pull_request',
      payload: prPayload(8),
      github: new FakeGitHub(),
      inputs: { 'dry-run': 'true' },
      env: { AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000' },
    });
    expect(r.sessions).toHaveLength(1);
    const s = r.sessions[0]!;
    expect(s.connection).toMatchObject({ readOnly: true, endpoint: 'http://127.0.0.1:8000', region: 'us-east-1' });
    expect(s.settings).toMatchObject({
      actor: 'octocat (GitHub Actions)',
      gitSha: 'f'.repeat(40),
      runUrl: 'https://github.com/acme/shop/actions/runs/4242',
      dryRun: false,
    });
    expect(s.planCalls).toEqual([{ input: { command: 'apply' }, state: undefined, args: 2 }]);
  });

  test('a fork plans from the files alone and never opens a writable session', async () => {
    const gh = new FakeGitHub();
    const r = await runInProcess({
      event: 'pull_request',
      payload: prPayload(21, { fork: true }),
      github: gh,
      project: fakeProject({ dev: {}, production: { protected: true } }),
    });
    expect(r.code).toBe(0);
    expect(r.sessions.map((s) => s.environment.name)).toEqual(['dev', 'production']);
    for (const s of r.sessions) {
      expect(s.connection.readOnly).toBe(true);
      expect(s.planCalls.map((c) => c.state)).toEqual([null]);
      expect(s.applyCalls).toEqual([]);
    }
    expect(r.outputs['plan-hash']).toBe('');
    expect(gh.ours(21)[0]!.body).toContain('comes from a fork');
    expect(r.summary).toContain('comes from a fork');
    expect(r.log).toContain('dynamodb-migrate: plan (pull_request #21, fork: files only)');
  });

  test('a 403 on commenting is a warning; the summary still has the plan and says why there is no comment', async () => {
    const gh = new FakeGitHub();
    gh.commentWriteStatus = 403;
    const r = await runInProcess({ event: 'pull_request', payload: prPayload(50), github: gh });
    expect(r.code).toBe(0);
    expect(r.io.failed).toBeUndefined();
    expect(r.log).toMatch(/::warning::Could not write the pull request comment .*403/);
    expect(r.outputs).toMatchObject({ status: 'planned', 'comment-url': '' });
    expect(r.summary).toContain('📋 planned · dev');
    expect(r.summary).toContain('answered 403');
    expect(gh.ours(50)).toHaveLength(0);
  });

  test('a fanned-out step: the comment links its execution at once, follows its progress, and ends with the report', async () => {
    const gh = new FakeGitHub();
    await runInProcess({ event: 'pull_request', payload: prPayload(57), github: gh });
    gh.merge(57, MERGE);
    const bodies = () =>
      gh.requests.filter((q) => q.method === 'PATCH').map((q) => String((q.body as { body: string }).body));
    let clock = 1_750_000_000_000;
    const seen: string[] = [];
    const r = await runInProcess({
      event: 'push',
      payload: pushPayload,
      sha: MERGE,
      github: gh,
      env: { DYNAMODB_MIGRATE_COMMENT_EVERY_MS: '1000' },
      table: {
        apply: async (p, options, session) => {
          await session.start(p, options);
          const live = {
            version: '1.2.0',
            direction: 'up' as const,
            name: 'dm-orders-dev-abc123-1_2_0-up-0123456789ab',
            url: 'https://us-east-1.console.aws.amazon.com/states/home?region=us-east-1#/v2/executions/details/x',
            attached: false,
            at: clock,
          };
          const progress = (scanned: number) => ({
            pass: 1,
            segmentsDone: 1,
            segments: 4,
            scanned,
            changed: scanned,
            skipped: 0,
            failed: 0,
            rate: 100,
          });
          options?.onExecution?.(live);
          options?.onExecution?.({ ...live, progress: progress(10), at: (clock += 500) });
          options?.onExecution?.({ ...live, progress: progress(250), at: (clock += 1000) });
          // The writes are not awaited by the watch: let them land before the report.
          await new Promise((ok) => setTimeout(ok, 20));
          seen.push(...bodies());
          return {
            plan: p,
            status: 'applied',
            steps: p.steps.map((s) => ({
              version: s.version,
              direction: s.direction,
              kind: s.kind,
              status: 'applied',
              durationMs: 5,
            })),
            startedAt: 0,
            durationMs: 15,
            finalVersion: '1.2.0',
          };
        },
      },
    });
    expect(r.code, r.log).toBe(0);
    const during = seen.filter((b) => b.includes('runs in its Step Functions execution'));
    // Applying, the execution's link, then one progress update (the 10-item sighting came within the interval).
    expect(during).toHaveLength(2);
    expect(during[0]).toContain(
      '[dm-orders-dev-abc123-1\\_2\\_0-up-0123456789ab](https://us-east-1.console.aws.amazon.com/',
    );
    expect(during[1]).toContain('pass 1: 1/4 segments, 250 items scanned (250 changed), 100/s');
    expect(bodies().at(-1)).toContain('✅ applied');
    expect(bodies().at(-1)).not.toContain('runs in its Step Functions execution');
  });

  test('resume: the plan re-runs the failed or stopped step first; not with a command that runs no step', async () => {
    const r = await runInProcess({ event: 'workflow_dispatch', payload: {}, inputs: { resume: 'true' } });
    expect(r.code, r.log).toBe(0);
    expect(r.sessions[0]!.planCalls.map((c) => c.input.resume)).toContain(true);
    const refused = await runInProcess({
      event: 'workflow_dispatch',
      payload: {},
      inputs: { command: 'stop', environment: 'dev', resume: 'true' },
    });
    expect(refused.code).toBe(2);
    expect(refused.sessions).toEqual([]);
  });

  test('after a refused comment write, later phases of the run do not try again', async () => {
    const gh = new FakeGitHub();
    await runInProcess({ event: 'pull_request', payload: prPayload(54), github: gh });
    gh.merge(54, MERGE);
    gh.commentWriteStatus = 403;
    const r = await runInProcess({ event: 'push', payload: pushPayload, sha: MERGE, github: gh });
    expect(r.code).toBe(0);
    // "applying" was refused; "applied" is not attempted.
    expect(gh.requests.filter((q) => q.method === 'PATCH')).toHaveLength(1);
    expect(r.summary.match(/answered 403/g)).toHaveLength(1);
  });

  test('without a token the plan is in the job summary only, with a warning', async () => {
    const r = await runInProcess({ event: 'pull_request', payload: prPayload(52) });
    expect(r.code).toBe(0);
    expect(r.log).toContain('::warning::No github-token: the plan is in the job summary only.');
    expect(r.summary).toContain('📋 planned · dev');
  });

  test('the token is masked', async () => {
    const r = await runInProcess({ event: 'pull_request', payload: prPayload(53), github: new FakeGitHub() });
    expect(r.io.secrets).toEqual(['ghs_fake']);
  });

  test('a command that writes is refused on a pull_request event: blocked, exit 2, no session opened', async () => {
    const r = await runInProcess({
      event: 'pull_request',
      payload: prPayload(22),
      github: new FakeGitHub(),
      inputs: { command: 'apply' },
    });
    expect(r.code).toBe(2);
    expect(r.outputs.status).toBe('blocked');
    expect(r.io.failed).toContain('command "apply" writes to the table and is refused on a pull_request event');
    expect(r.summary).toContain('Nothing was written to any table.');
    expect(r.sessions).toEqual([]);
  });
});

describe('merge', () => {
  test('applies 0.0.0 -> 1.2.0: the comment goes applying -> applied; outputs say where the table ended', async () => {
    const gh = new FakeGitHub();
    await runInProcess({ event: 'pull_request', payload: prPayload(7), github: gh });
    gh.merge(7, MERGE, { approvedBy: 'maintainer' });
    let duringStart: string | undefined;
    const r = await runInProcess({
      event: 'push',
      payload: pushPayload,
      sha: MERGE,
      github: gh,
      inputs: { 'require-approval': 'true' },
      table: {
        apply: async (p, options, session) => {
          await session.start(p, options);
          duringStart = gh.ours(7)[0]!.body;
          return {
            plan: p,
            status: 'applied',
            steps: p.steps.map((s) => ({
              version: s.version,
              direction: s.direction,
              kind: s.kind,
              status: 'applied',
              durationMs: 5,
            })),
            startedAt: 0,
            durationMs: 15,
            finalVersion: '1.2.0',
          };
        },
      },
    });
    expect(r.code, r.log).toBe(0);
    expect(r.outputs).toMatchObject({
      status: 'applied',
      'current-version': '1.2.0',
      'previous-version': '0.0.0',
      'target-version': '1.2.0',
      changed: 'true',
    });
    expect(JSON.parse(r.outputs.applied!).map((a: { version: string }) => a.version)).toEqual([
      '1.0.0',
      '1.1.0',
      '1.2.0',
    ]);
    // "applying" was posted in onStart, right before the first step; then "applied".
    expect(heading(duringStart!)).toBe('## dynamodb-migrate: ⏳ applying · `migrations/manifest.yaml`');
    expect(gh.ours(7)).toHaveLength(1);
    expect(heading(gh.ours(7)[0]!.body)).toBe('## dynamodb-migrate: ✅ applied · `migrations/manifest.yaml`');
    expect(r.log).toContain('::notice::dev: approved by maintainer.');
    const s = r.sessions[0]!;
    expect(s.connection.readOnly).toBeUndefined();
    expect(s.applyCalls[0]!.options).toMatchObject({
      expectedHash: 'aaaaaaaaaaaaaaaa',
      onPlanChange: 'fail',
      reason: 'merge of #7 by octocat',
    });
  });

  test('a missing approval blocks the merge (exit 2) and the comment keeps the reviewed plan hashes', async () => {
    const gh = new FakeGitHub();
    await runInProcess({ event: 'pull_request', payload: prPayload(30), github: gh });
    gh.merge(30, MERGE, { approvedBy: 'reader', access: 'read' });
    // The table moved since review: a comment recording this plan would approve it unseen.
    const r = await runInProcess({
      event: 'push',
      payload: pushPayload,
      sha: MERGE,
      github: gh,
      inputs: { 'require-approval': 'true' },
      table: tableAt('cccccccccccccccc'),
    });
    expect(r.code).toBe(2);
    expect(r.outputs.status).toBe('blocked');
    expect(r.sessions.flatMap((s) => s.applyCalls)).toEqual([]);
    const body = gh.ours(30)[0]!.body;
    expect(body).toContain('⛔ blocked · dev');
    expect(body).toContain('none of them has write access');
    expect(readPlanHashes(body)).toEqual({ dev: 'aaaaaaaaaaaaaaaa' });
    expect(r.io.failed).toContain('dynamodb-migrate blocked. dev: Pull request #30 was approved by reader');
  });

  test('a stale plan hash blocks (exit 4) and posts the new plan; re-running applies it', async () => {
    const gh = new FakeGitHub();
    await runInProcess({ event: 'pull_request', payload: prPayload(40), github: gh });
    gh.merge(40, MERGE);
    const moved = tableAt('dddddddddddddddd', { currentVersion: '1.0.0', steps: [step('1.1.0'), step('1.2.0')] });
    const r = await runInProcess({ event: 'push', payload: pushPayload, sha: MERGE, github: gh, table: moved });
    expect(r.code).toBe(4);
    expect(r.outputs).toMatchObject({ status: 'blocked', 'plan-hash': 'dddddddddddddddd' });
    expect(r.sessions.flatMap((s) => s.applyCalls)).toEqual([]);
    const body = gh.ours(40)[0]!.body;
    expect(body).toContain('reviewed aaaaaaaaaaaaaaaa, now dddddddddddddddd');
    expect(readPlanHashes(body)).toEqual({ dev: 'dddddddddddddddd' });

    const again = await runInProcess({ event: 'push', payload: pushPayload, sha: MERGE, github: gh, table: moved });
    expect(again.code).toBe(0);
    expect(again.sessions[0]!.applyCalls[0]!.options?.expectedHash).toBe('dddddddddddddddd');
  });

  test('on-plan-change: replan applies the new plan, and the runner checks it under the lock', async () => {
    const gh = new FakeGitHub();
    await runInProcess({ event: 'pull_request', payload: prPayload(41), github: gh });
    gh.merge(41, MERGE);
    const r = await runInProcess({
      event: 'push',
      payload: pushPayload,
      sha: MERGE,
      github: gh,
      inputs: { 'on-plan-change': 'replan' },
      table: tableAt('eeeeeeeeeeeeeeee'),
    });
    expect(r.code).toBe(0);
    expect(r.outputs.status).toBe('applied');
    expect(r.sessions[0]!.applyCalls[0]!.options).toMatchObject({
      expectedHash: 'aaaaaaaaaaaaaaaa',
      onPlanChange: 'replan',
    });
  });

  test('a failed step exits 1 with the error in the summary and the comment', async () => {
    const gh = new FakeGitHub();
    await runInProcess({ event: 'pull_request', payload: prPayload(60), github: gh });
    gh.merge(60, MERGE);
    const r = await runInProcess({
      event: 'push',
      payload: pushPayload,
      sha: MERGE,
      github: gh,
      table: {
        apply: async (p, options, session) => {
          await session.start(p, options);
          return {
            plan: p,
            status: 'failed',
            startedAt: 0,
            durationMs: 20,
            exitCode: 1,
            finalVersion: '1.2.0',
            error: 'up 1.2.0 failed: cannot backfill order#1',
            next: 'Fix the migration, then run repair --version 1.2.0.',
            steps: [
              { version: '1.0.0', direction: 'up', kind: 'migrate', status: 'applied', durationMs: 5 },
              { version: '1.1.0', direction: 'up', kind: 'migrate', status: 'applied', durationMs: 5 },
              {
                version: '1.2.0',
                direction: 'up',
                kind: 'migrate',
                status: 'failed',
                durationMs: 5,
                error: 'cannot backfill order#1',
              },
            ],
          };
        },
      },
    });
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('failed');
    expect(JSON.parse(r.outputs.applied!).map((a: { version: string }) => a.version)).toEqual(['1.0.0', '1.1.0']);
    expect(r.summary).toContain('❌ failed · dev');
    expect(r.summary).toContain('cannot backfill order#1');
    expect(gh.ours(60)[0]!.body).toContain('cannot backfill order#1');
    expect(r.io.failed).toBe('dynamodb-migrate failed. dev: up 1.2.0 failed: cannot backfill order#1');
  });

  test("a step refused by its before hook: exit 1, 'precondition failed' in the comment, status output blocked", async () => {
    const gh = new FakeGitHub();
    await runInProcess({ event: 'pull_request', payload: prPayload(61), github: gh });
    gh.merge(61, MERGE);
    const r = await runInProcess({
      event: 'push',
      payload: pushPayload,
      sha: MERGE,
      github: gh,
      table: {
        apply: async (p, options, session) => {
          await session.start(p, options);
          return {
            plan: p,
            status: 'blocked',
            blockedBy: 'precondition',
            startedAt: 0,
            durationMs: 20,
            exitCode: 1,
            error: 'up 1.0.0 (1.0.0-a.ts) was not run: before found 1 problem. Nothing was written.',
            next: "Fix the data (or 1.0.0-a.ts's before), then run again.",
            steps: [{ version: '1.0.0', direction: 'up', kind: 'migrate', status: 'skipped', durationMs: 5 }],
          };
        },
      },
    });
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('blocked');
    expect(r.summary).toContain('⛔ precondition failed · dev');
    expect(r.summary).not.toContain('⛔ blocked');
    expect(gh.ours(61)[0]!.body).toContain('⛔ precondition failed · dev');
    expect(r.io.failed).toBe(
      'dynamodb-migrate blocked. dev: up 1.0.0 (1.0.0-a.ts) was not run: before found 1 problem. Nothing was written.',
    );
  });

  test('an environment that fails stops the next one; a throw becomes a failed section', async () => {
    const r = await runInProcess({
      event: 'workflow_dispatch',
      payload: {},
      project: fakeProject({ dev: {}, production: {} }),
      table: {
        apply: async (p) => {
          if (p.environment === 'dev') throw new Error('socket hang up');
          throw new Error('production must not run');
        },
      },
    });
    expect(r.code).toBe(1);
    expect(r.summary).toContain('socket hang up');
    expect(r.summary).toContain('Not applied: dev did not finish first.');
    expect(r.sessions.filter((s) => s.environment.name === 'production').flatMap((s) => s.applyCalls)).toEqual([]);
  });

  test('a protected environment takes its recovery point in onStart, before the first step', async () => {
    const r = await runInProcess({
      event: 'workflow_dispatch',
      payload: {},
      sha: MERGE,
      project: fakeProject({ dev: { protected: true } }),
    });
    expect(r.code, r.log).toBe(0);
    const s = r.sessions[0]!;
    expect(s.recoveryPoints).toEqual([
      { mode: 'pitr-or-backup', backupName: `dynamodb-migrate-orders-dev-${MERGE.slice(0, 12)}`, inOnStart: true },
    ]);
    expect(r.log).toContain('::notice::dev: recovery point: on-demand backup');
    expect(r.summary).toContain('Recovery point: on-demand backup');
  });

  test('a dry run takes no recovery point', async () => {
    const r = await runInProcess({
      event: 'workflow_dispatch',
      payload: {},
      inputs: { 'dry-run': 'true' },
      project: fakeProject({ dev: { protected: true } }),
    });
    expect(r.sessions[0]!.settings.dryRun).toBe(true);
    expect(r.sessions[0]!.recoveryPoints).toEqual([]);
  });
});

describe('schedule', () => {
  const drift = (drifted: boolean): TableScript => ({
    drift: (env) => ({
      environment: env.name,
      table: env.table,
      currentVersion: '0.0.0',
      targetVersion: '1.2.0',
      drifted,
      findings: drifted ? [{ kind: 'version', message: `${env.table} is at 0.0.0; the manifest target is 1.2.0` }] : [],
      plan: defaultPlan({ command: 'apply' }, undefined, env),
    }),
  });

  test('drift exits 4 with status drift, read-only', async () => {
    const r = await runInProcess({ event: 'schedule', payload: {}, table: drift(true) });
    expect(r.code).toBe(4);
    expect(r.outputs.status).toBe('drift');
    expect(r.log).toContain('::warning::dev: orders-dev is at 0.0.0; the manifest target is 1.2.0');
    expect(r.summary).toContain('⚠️ drift · dev');
    expect(r.sessions.every((s) => s.connection.readOnly)).toBe(true);
  });

  test('no drift exits 0', async () => {
    const r = await runInProcess({ event: 'schedule', payload: {}, table: drift(false) });
    expect(r.code).toBe(0);
    expect(r.io.failed).toBeUndefined();
  });
});

describe('pure decisions', () => {
  const env = { name: 'dev', table: 'orders-dev', protected: false, 'lock-timeout': 30 } as Environment;

  test('approval: approved or not required passes; refused is exit 2 with the next step', () => {
    expect(approvalGate(undefined)).toBeUndefined();
    expect(approvalGate({ approved: true, by: ['m'] })).toBeUndefined();
    const g = approvalGate({ approved: false, reason: 'no approving review', next: 'get one' })!;
    expect(g.error).toBeInstanceOf(RefusedError);
    expect(exitCodeOf(g.error)).toBe(EXIT.input);
    expect(g.next).toBe('get one');
  });

  test('plan change: same hash, no reviewed hash or replan pass; a different hash is exit 4', () => {
    const p = plan({ hash: 'bbbbbbbbbbbbbbbb' });
    expect(planChangeGate(p, 'bbbbbbbbbbbbbbbb', 'fail', 7)).toBeUndefined();
    expect(planChangeGate(p, undefined, 'fail', 7)).toBeUndefined();
    expect(planChangeGate(p, 'aaaaaaaaaaaaaaaa', 'replan', 7)).toBeUndefined();
    const g = planChangeGate(p, 'aaaaaaaaaaaaaaaa', 'fail', 7)!;
    expect(exitCodeOf(g.error)).toBe(EXIT.drift);
    expect(g.error.message).toBe(
      'The plan changed since it was reviewed on #7 (reviewed aaaaaaaaaaaaaaaa, now bbbbbbbbbbbbbbbb): 1.0.0 -> 1.2.0, 2 step(s).',
    );
  });

  test('an earlier environment that stopped blocks the later ones with exit 1', () => {
    expect(previousGate(undefined)).toBeUndefined();
    expect(exitCodeOf(previousGate('dev')!.error)).toBe(EXIT.failure);
  });

  test('a fork plans from the files alone, with a note', () => {
    expect(planSourceOf({ readState: true })).toEqual({ state: undefined, notes: [] });
    expect(planSourceOf({ readState: false })).toEqual({ state: null, notes: [FORK_NOTE] });
  });

  test('a plan with blockers is blocked with the exit code of its first blocker', () => {
    expect(planOutcome(plan(), env, false)).toMatchObject({ section: { phase: 'planned' }, exitCode: 0 });
    expect(planOutcome(plan({ blockers: [{ kind: 'drift', message: 'm', next: 'n' }] }), env, false)).toMatchObject({
      section: { phase: 'blocked' },
      exitCode: 4,
    });
    expect(
      planOutcome(plan({ blockers: [{ kind: 'failed-state', message: 'm', next: 'n' }] }), env, false).exitCode,
    ).toBe(1);
    expect(
      planOutcome(plan({ blockers: [{ kind: 'out-of-order', message: 'm', next: 'n' }] }), env, false).exitCode,
    ).toBe(2);
  });

  test('drift: findings fail with exit 4', () => {
    const d = {
      environment: 'dev',
      table: 'orders-dev',
      currentVersion: '1.0.0',
      targetVersion: '1.2.0',
      plan: plan(),
    };
    expect(driftOutcome({ ...d, drifted: false, findings: [] }, env)).toMatchObject({
      section: { phase: 'no-op' },
      exitCode: 0,
    });
    expect(
      driftOutcome({ ...d, drifted: true, findings: [{ kind: 'version', message: 'behind' }] }, env),
    ).toMatchObject({ section: { phase: 'drift' }, exitCode: 4 });
  });

  test('a refused comment write is a warning naming the permission; any other error says the plan is in the summary', () => {
    expect(commentWarning({ warning: 'Give the job permissions' })).toBe('Give the job permissions');
    expect(commentWarning({ error: new GitHubApiError(500, 'POST', '/x', 'boom') })).toBe(
      'Could not write the pull request comment: GitHub API POST /x answered 500: boom. The plan is in the job summary.',
    );
  });

  test('the exit code is the first failing environment’s; the failure names each', () => {
    const ok = { section: { plan: plan(), phase: 'applied' as const }, exitCode: EXIT.ok };
    const locked = {
      section: { plan: plan({ environment: 'prod' }), phase: 'failed' as const, error: 'locked' },
      exitCode: EXIT.locked,
    };
    const drifted = {
      section: { plan: plan({ environment: 'qa' }), phase: 'blocked' as const, error: 'changed' },
      exitCode: EXIT.drift,
    };
    expect(exitCodeOfOutcomes([ok])).toBe(0);
    expect(exitCodeOfOutcomes([ok, locked, drifted])).toBe(3);
    expect(failureOf([ok])).toBeUndefined();
    expect(failureOf([ok, locked, drifted])).toBe('dynamodb-migrate failed. prod: locked | qa: changed');
    expect(statusOfError(new RefusedError('x'))).toBe('blocked');
    expect(statusOfError(new InputError('x'))).toBe('failed');
  });

  test('run settings: who, where, which commit, dry run; the manifest’s lock timeout', () => {
    expect(
      runSettingsOf(env, { dryRun: true }, { actor: 'octocat', runUrl: 'https://run', sha: 'abc' }, 0),
    ).toMatchObject({
      actor: 'octocat (GitHub Actions)',
      runUrl: 'https://run',
      gitSha: 'abc',
      dryRun: true,
      lockTimeoutMs: 30_000,
    });
  });

  test('reason, backup name and comment key', () => {
    expect(reasonOf({}, { trigger: 'push' }, { sha: 'abcdef1234567890', actor: 'o' }, { number: 7 })).toBe(
      'merge of #7 by o',
    );
    expect(reasonOf({}, { trigger: 'push' }, { sha: 'abcdef1234567890', actor: 'o' }, undefined)).toBe(
      'merge of abcdef123456 by o',
    );
    expect(reasonOf({}, { trigger: 'dispatch' }, { sha: '', actor: 'o' }, undefined)).toBe('workflow_dispatch by o');
    expect(reasonOf({ reason: 'hotfix' }, { trigger: 'dispatch' }, { sha: '', actor: 'o' }, undefined)).toBe('hotfix');
    expect(backupNameOf(env, 'abcdef1234567890', 5)).toBe('dynamodb-migrate-orders-dev-abcdef123456');
    expect(backupNameOf(env, '', 5)).toBe('dynamodb-migrate-orders-dev-5');
    expect(commentKey({ commentKey: '', manifest: 'migrations/manifest.yaml' })).toBeUndefined();
    expect(commentKey({ commentKey: '', manifest: 'db/manifest.yaml' })).toBe('db/manifest.yaml');
    expect(commentKey({ commentKey: 'k', manifest: 'db/manifest.yaml' })).toBe('k');
  });
});

describe('a running execution in the comment', () => {
  test('each new execution at once, then its progress at most once a minute (by when it was read)', () => {
    let now = 0;
    const shown: string[] = [];
    const follow = followInComment(
      (l) => shown.push(`${l.name}@${l.at}${l.progress ? ` ${l.progress.scanned}` : ''}`),
      { everyMs: 60_000 },
    );
    const live = (name: string, scanned?: number): LiveExecution => ({
      version: '1.2.0',
      direction: 'up',
      name,
      url: 'https://example.com',
      attached: false,
      at: now,
      progress:
        scanned === undefined
          ? undefined
          : { pass: 1, segmentsDone: 0, segments: 8, scanned, changed: 0, skipped: 0, failed: 0, rate: 1 },
    });
    follow(live('a'));
    now = 5_000;
    follow(live('a', 10));
    now = 59_999;
    follow(live('a', 20));
    now = 60_000;
    follow(live('a', 30));
    now = 61_000;
    follow(live('b'));
    now = 62_000;
    follow(live('b', 5));
    now = 121_000;
    follow(live('b', 50));
    expect(shown).toEqual(['a@0', 'a@60000 30', 'b@61000', 'b@121000 50']);
  });
});
