import { describe, expect, test } from 'vitest';
import { overallPhase, renderMarkdown } from '../../../src/core/render/markdown';
import { commentBody, commentMarker } from '../../../src/github/comment-protocol';
import { expectGolden } from '../../support/golden';
import { applied, plan, step } from './fixtures';

const ctx = {
  manifest: 'migrations/manifest.yaml',
  sha: '9fceb02d0ae598e95dc970b74767f19372d61af8',
  runUrl: 'https://github.com/acme/shop/actions/runs/42',
};

const prod = plan({
  environment: 'production',
  table: 'orders-prod',
  currentVersion: '1.0.0',
  targetVersion: '1.1.0',
  steps: [step('1.1.0', { description: 'Add status to orders', reversible: false })],
  warnings: [
    {
      code: 'irreversible',
      version: '1.1.0',
      message: '1.1.0 is irreversible: once applied, rolling back past it is refused.',
    },
    {
      code: 'lock-held',
      message:
        'The table is locked by ci@runner (lock id 5d1e, apply, https://github.com/acme/shop/actions/runs/41) until 2025-06-15T15:06:40.000Z.',
    },
  ],
  rollback: undefined,
  estimate: {
    items: 125000,
    sizeBytes: 250_000_000,
    readUnits: 30518,
    writeUnits: 250000,
    rate: 500,
    secondsAtRate: 500,
  },
  hash: 'ffee001122334455',
});

// The goldens are the pull request comment as GitHub receives it: the renderer's body behind the
// comment protocol's hidden lines (github/comment-protocol.ts, tested in test/github/).
describe('renderMarkdown', () => {
  test('a plan for two environments: steps, warnings, estimate, approval, rollback, hash', () => {
    const devPlan = plan({ estimate: { items: 1000, sizeBytes: 512_000, readUnits: 63, writeUnits: 1000 } });
    const md = commentBody({
      ...ctx,
      sections: [
        { plan: devPlan, phase: 'planned', approvalRequired: false },
        { plan: prod, phase: 'planned', approvalRequired: true, protected: true },
      ],
    });
    expectGolden('markdown/planned.md', md);
    expect(md.split('\n')[0]).toBe(commentMarker());
    expect(md).toContain('-f command=to -f version=1.0.0');
  });

  test('a rehearsal that found errors: status rehearsal-failed, the Checks section with codes and counts, suppressed findings with their reason', async () => {
    const { checksReport } = await import('../../../src/core/analyzers/findings');
    const f = (
      code: 'DM102' | 'DM205' | 'DM206' | 'DM203',
      severity: 'error' | 'warning',
      message: string,
      extra = {},
    ) => ({
      code,
      severity,
      version: '1.1.0',
      file: 'migrations/1.1.0-cents.ts',
      message,
      ...extra,
    });
    const findings = [
      f('DM206', 'error', 'up then down does not give back the items: total (6) differ', {
        count: 6,
        examples: [{ pk: 'ORG#1', sk: 'ORDER#0' }],
      }),
      f('DM203', 'warning', 'up removes total from 6 item(s) and no down gives them back', { count: 6 }),
      f('DM102', 'warning', 'PutItemCommand writes with the raw client', {
        line: 12,
        suppressed: 'one feature flag item',
      }),
    ];
    const rehearsed = plan({
      steps: [step('1.1.0', { description: 'Totals in cents' })],
      blockers: [
        {
          kind: 'rehearsal',
          version: '1.1.0',
          message:
            'DM206 error: migrations/1.1.0-cents.ts (1.1.0): up then down does not give back the items: total (6) differ (6 items)',
          next: "Fix it (docs/analyzers.md#dm206-round-trip), or accept it in migrations/1.1.0-cents.ts with suppress: { DM206: '<why this is fine>' }.",
        },
      ],
      checks: checksReport(findings, {
        samplePercent: 1,
        steps: [
          {
            version: '1.1.0',
            file: 'migrations/1.1.0-cents.ts',
            sampled: 6,
            changed: 6,
            roundTrip: 'checked',
            idempotence: 'not-declared',
            unrehearsedWrites: 0,
          },
        ],
      }),
    });
    const md = commentBody({
      ...ctx,
      sections: [{ plan: rehearsed, phase: 'rehearsal-failed', approvalRequired: false }],
    });
    expectGolden('markdown/rehearsal-failed.md', md);
    expect(md).toContain('| `DM206` | round-trip | error | 1 | 0 |');
    expect(md).toContain('suppressed: one feature flag item');
  });

  test('a fork pull request: plan from files only, with a note', () => {
    const p = plan({
      currentVersion: '0.0.0',
      stateUnknown: true,
      rollback: { command: 'to', version: '0.0.0' },
      warnings: [{ code: 'state-unknown', message: 'The table state could not be read.' }],
    });
    const md = commentBody({
      ...ctx,
      sections: [{ plan: p, phase: 'planned' }],
      notes: [
        'This pull request comes from a fork: the workflow has no access to the tables, so nothing was read or written.',
      ],
    });
    expectGolden('markdown/fork.md', md);
  });

  test('applying, then applied with durations and item counts', () => {
    const p = plan();
    expectGolden(
      'markdown/applying.md',
      commentBody({ ...ctx, sections: [{ plan: p, phase: 'applying', approvalRequired: true }] }),
    );
    const md = commentBody({
      ...ctx,
      sections: [
        {
          plan: p,
          phase: 'applied',
          report: applied(p),
          recoveryPoint: 'point-in-time recovery is on (earliest restore 2025-06-14T00:00:00.000Z)',
        },
      ],
    });
    expectGolden('markdown/applied.md', md);
    expect(md).toContain('2,400 items scanned, 1,500 changed');
  });

  test('applying a fanned-out step: its execution linked, then its progress as of when it was read', () => {
    const p = plan();
    const live = {
      version: '1.2.0',
      direction: 'up' as const,
      name: 'dm-orders-dev-1a2b3c-1_2_0-up-0123456789ab',
      url: 'https://us-east-1.console.aws.amazon.com/states/home?region=us-east-1#/v2/executions/details/arn:aws:states:us-east-1:123456789012:execution:steps:dm-orders-dev-1a2b3c-1_2_0-up-0123456789ab',
      attached: false,
      at: Date.UTC(2026, 11, 4, 18, 40, 12),
    };
    const started = commentBody({ ...ctx, sections: [{ plan: p, phase: 'applying', live }] });
    expect(started).toContain(`[dm-orders-dev-1a2b3c-1\\_2\\_0-up-0123456789ab](${live.url})`);
    expect(started).toContain('Started at 18:40:12 UTC; its progress shows here once');
    const moving = commentBody({
      ...ctx,
      sections: [
        {
          plan: p,
          phase: 'applying',
          live: {
            ...live,
            at: live.at + 60_000,
            progress: {
              pass: 1,
              segmentsDone: 5,
              segments: 8,
              scanned: 12_345,
              changed: 3_456,
              skipped: 0,
              failed: 2,
              rate: 1234,
              etaSeconds: 120,
            },
          },
        },
      ],
    });
    expectGolden('markdown/applying-execution.md', moving);
    expect(moving).toContain(
      'pass 1: 5/8 segments, 12,345 items scanned (3,456 changed, 2 failed), 1,234/s, about 2 min left (as of 18:41:12 UTC)',
    );
    // Once the report is in, the live line goes: the report links the execution.
    const done = commentBody({ ...ctx, sections: [{ plan: p, phase: 'applied', report: applied(p), live }] });
    expect(done).not.toContain('runs in its Step Functions execution');
  });

  test('failed: the error in a code block and the next step', () => {
    const p = plan();
    const r = applied(p, {
      status: 'failed',
      error:
        "up 1.2.0 (migrations/1.2.0.ts) failed: Cannot read properties of undefined (reading 'name')\n```\n</details> <!-- dynamodb-migrate -->",
      next: 'Check the data 1.2.0 touched, then repair --version 1.2.0 --mark applied|reverted --reason "...".',
    });
    r.steps[1] = { ...r.steps[1]!, status: 'failed', error: 'boom' };
    const md = commentBody({ ...ctx, sections: [{ plan: p, phase: 'failed', report: r }] });
    expectGolden('markdown/failed.md', md);
    // The hostile error stays inside a fence longer than its own backticks.
    expect(md).toContain('````\nup 1.2.0');
  });

  test('a report does not show its own, since released, lock as held', () => {
    const lock = {
      lockId: 'lock-7f3a',
      owner: 'ci',
      command: 'apply',
      acquiredAt: 0,
      leaseExpiresAt: 1,
      heartbeatAt: 0,
    };
    const p = plan({
      lock,
      warnings: [{ code: 'lock-held', message: 'The table is locked by ci (lock id lock-7f3a).' }],
    });
    expect(renderMarkdown({ sections: [{ plan: p, phase: 'applied', report: applied(p) }] })).not.toContain(
      'locked by ci',
    );
    expect(renderMarkdown({ sections: [{ plan: p, phase: 'planned' }] })).toContain('locked by ci');
  });

  test('blocked: the plan changed since review, the new plan shown', () => {
    const now = plan({ currentVersion: '1.1.0', steps: [step('1.2.0')], hash: '9999aaaabbbbcccc' });
    const r = {
      ...applied(now),
      status: 'blocked' as const,
      steps: [],
      error: 'The plan changed since it was reviewed (reviewed a1b2c3d4e5f60718, now 9999aaaabbbbcccc).',
      next: 'Review the new plan below, then re-run.',
    };
    expectGolden(
      'markdown/blocked.md',
      commentBody({ ...ctx, sections: [{ plan: now, phase: 'blocked', report: r }] }),
    );
  });

  test('blocked by a gate before the run: the error and what to do', () => {
    const md = commentBody({
      ...ctx,
      sections: [
        {
          plan: plan(),
          phase: 'blocked',
          approvalRequired: true,
          error: 'Pull request #7 has no approving review from a user with write access.',
          next: 'Approve the pull request, then re-run this job.',
        },
      ],
    });
    expectGolden('markdown/blocked-approval.md', md);
  });

  test("precondition failed: a step's before hook refused it, named apart from a plan's blockers", () => {
    const p = plan({ steps: [step('1.0.0'), step('1.1.0', { checks: ['before'] })] });
    const message = 'before found 1 problem on the table: Orders without a customerId (2)';
    const r = applied(p, {
      status: 'blocked',
      blockedBy: 'precondition',
      steps: [
        applied(p).steps[0]!,
        {
          version: '1.1.0',
          direction: 'up',
          kind: 'migrate',
          status: 'skipped',
          durationMs: 300,
          error: message,
          checks: [
            {
              hook: 'before',
              scope: 'all',
              passed: false,
              findings: [
                { message: 'Orders without a customerId', count: 2, examples: [{ pk: 'ORG#1', sk: 'Order#7' }] },
              ],
            },
          ],
        },
      ],
      error: `up 1.1.0 (1.1.0-step.ts) was not run: ${message}. Nothing was written.`,
      next: "Fix the data (or 1.1.0-step.ts's before), then run again.",
      exitCode: 1,
    });
    const md = commentBody({ ...ctx, sections: [{ plan: p, phase: 'precondition-failed', report: r }] });
    expectGolden('markdown/precondition-failed.md', md);
    expect(md).toContain('## dynamodb-migrate: ⛔ precondition failed');
    expect(md).toContain("**Not applied: a step's precondition (its `before` hook) failed**");
    expect(md).not.toContain('⛔ blocked');
    expect(
      overallPhase([
        { plan: p, phase: 'blocked' },
        { plan: p, phase: 'precondition-failed' },
      ]),
    ).toBe('precondition-failed');
  });

  test('drift: findings of the scheduled check', () => {
    const p = plan({
      currentVersion: '1.1.0',
      steps: [step('1.2.0')],
      drift: [
        {
          version: '1.1.0',
          file: 'migrations/1.1.0.ts',
          recorded: `sha256:${'1'.repeat(64)}`,
          current: `sha256:${'2'.repeat(64)}`,
        },
      ],
      blockers: [
        {
          kind: 'drift',
          version: '1.1.0',
          message: 'migrations/1.1.0.ts changed after version 1.1.0 was applied.',
          next: 'repair --version 1.1.0 --mark applied --reason "..."',
        },
      ],
    });
    const md = commentBody({
      ...ctx,
      sections: [
        {
          plan: p,
          phase: 'drift',
          findings: [
            { kind: 'version', message: 'orders-dev is at 1.1.0; the manifest target is 1.2.0.' },
            { kind: 'checksum', message: 'migrations/1.1.0.ts changed after 1.1.0 was applied.' },
          ],
        },
        {
          plan: plan({
            environment: 'staging',
            table: 'orders-stg',
            currentVersion: '1.2.0',
            steps: [],
            direction: 'none',
            rollback: undefined,
          }),
          phase: 'no-op',
          findings: [],
        },
      ],
    });
    expectGolden('markdown/drift.md', md);
    expect(
      overallPhase([
        { plan: p, phase: 'no-op' },
        { plan: p, phase: 'drift' },
      ]),
    ).toBe('drift');
  });

  test('text from migration files cannot inject markup, mentions or a second marker', () => {
    const p = plan({
      environment: 'dev',
      steps: [
        step('1.1.0', {
          description:
            '<!-- dynamodb-migrate --> </details><img src=x onerror=alert(1)> | cell [link](javascript:alert(1)) @acme/admins **bold**\n# heading',
        }),
      ],
    });
    const md = commentBody({ ...ctx, sections: [{ plan: p, phase: 'planned' }] });
    expectGolden('markdown/escaping.md', md);
    // No HTML comment anywhere but the marker and plan-hash lines at the top.
    expect(md.split('\n').slice(2).join('\n')).not.toContain('<!--');
    expect(md).not.toContain('<img');
    expect(md).not.toContain('</details><');
    expect(md).not.toContain('@acme');
    expect(md).not.toMatch(/[^\\]\]\(javascript/);
    // The step row still has exactly its 7 cell separators.
    const row = md.split('\n').find((l) => l.includes('1.1.0') && l.includes('img'))!;
    expect(row.replace(/\\\|/g, '').split('|').length).toBe(8);
  });
});

describe('fanned-out steps in the comment', () => {
  test("each step's Step Functions execution is linked; a detached run reads running", () => {
    const p = plan();
    const url =
      'https://us-east-1.console.aws.amazon.com/states/home?region=us-east-1#/v2/executions/details/arn:aws:states:us-east-1:123456789012:execution:steps:dm-x';
    const done = applied(p);
    done.steps[1] = { ...done.steps[1]!, execution: url };
    const md = renderMarkdown({ sections: [{ plan: p, phase: 'applied', report: done }] });
    expect(md).toContain(`**Step Functions:** [up ${done.steps[1]!.version}](${url})`);
    expect(renderMarkdown({ sections: [{ plan: p, phase: 'applied', report: applied(p) }] })).not.toContain(
      'Step Functions',
    );
    const running = applied(p, { status: 'running', steps: [{ ...done.steps[1]!, status: 'running' }] });
    const md2 = renderMarkdown({ sections: [{ plan: p, phase: 'running', report: running }] });
    expect(md2).toContain('🔄 running in Step Functions');
    expect(md2).toContain('Running in its Step Functions execution');
  });
});
