import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { RefusedError } from '../../src/core/errors';
import { decideIntent, describeIntent, readRunContext, type RunContext } from '../../src/github/event';

const base = { GITHUB_REPOSITORY: 'acme/shop', GITHUB_SHA: 'abc123', GITHUB_RUN_ID: '42', GITHUB_ACTOR: 'octo' };

function ctx(eventName: string, payload: object, ref = 'refs/heads/main'): RunContext {
  return readRunContext(
    { ...base, GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: '/event.json', GITHUB_REF: ref },
    () => JSON.stringify(payload),
  );
}
const pr = (head: string | null) => ({
  pull_request: {
    number: 7,
    head: { sha: 'h1', repo: head ? { full_name: head } : null },
    base: { repo: { full_name: 'acme/shop' } },
  },
});

describe('readRunContext', () => {
  test('builds the run URL and API URL from the runner variables', () => {
    const c = readRunContext({ ...base, GITHUB_RUN_ATTEMPT: '2', GITHUB_API_URL: 'http://127.0.0.1:9/' });
    expect(c).toMatchObject({
      owner: 'acme',
      repo: 'shop',
      runUrl: 'https://github.com/acme/shop/actions/runs/42/attempts/2',
      apiUrl: 'http://127.0.0.1:9',
    });
  });
  test('no GITHUB_REPOSITORY is a clear error', () => {
    expect(() => readRunContext({})).toThrow('GITHUB_REPOSITORY is not set');
  });
});

describe('decideIntent with command auto', () => {
  test('pull_request: plan, reading state', () => {
    expect(decideIntent({ command: 'auto' }, ctx('pull_request', pr('acme/shop')), 'main')).toEqual({
      mode: 'plan',
      trigger: 'pull_request',
      pullRequest: { number: 7, fork: false, headSha: 'h1' },
      readState: true,
    });
  });
  test('a fork pull request (or a deleted fork) plans without reading the table', () => {
    expect(decideIntent({ command: 'auto' }, ctx('pull_request', pr('mallory/shop')), 'main')).toMatchObject({
      mode: 'plan',
      readState: false,
      pullRequest: { fork: true },
    });
    expect(decideIntent({ command: 'auto' }, ctx('pull_request', pr(null)), 'main')).toMatchObject({
      readState: false,
    });
  });
  test('push to the default branch applies; to another branch it only plans', () => {
    expect(decideIntent({ command: 'auto' }, ctx('push', {}), 'main')).toEqual({
      mode: 'apply',
      trigger: 'push',
      command: 'apply',
    });
    expect(decideIntent({ command: 'auto' }, ctx('push', {}, 'refs/heads/feature'), 'main')).toMatchObject({
      mode: 'plan',
      trigger: 'other',
    });
  });
  test('schedule checks drift; dispatch reconciles to the manifest', () => {
    expect(decideIntent({ command: 'auto' }, ctx('schedule', {}), 'main')).toEqual({
      mode: 'drift',
      trigger: 'schedule',
    });
    expect(decideIntent({ command: 'auto' }, ctx('workflow_dispatch', {}), 'main')).toEqual({
      mode: 'apply',
      trigger: 'dispatch',
      command: 'apply',
    });
  });
});

describe('decideIntent gates', () => {
  test.each(['apply', 'down', 'to', 'reset', 'unlock', 'repair', 'stop'] as const)(
    '%s is refused on a pull_request event',
    (command) => {
      expect(() => decideIntent({ command }, ctx('pull_request', pr('acme/shop')), 'main')).toThrow(RefusedError);
      expect(() => decideIntent({ command }, ctx('pull_request_target', pr('acme/shop')), 'main')).toThrow(
        'pull requests only plan',
      );
    },
  );
  test('apply on a push to another branch or on a schedule is refused', () => {
    expect(() => decideIntent({ command: 'apply' }, ctx('push', {}, 'refs/heads/dev'), 'main')).toThrow(
      'not on a push to refs/heads/dev (the default branch is main)',
    );
    expect(() => decideIntent({ command: 'down' }, ctx('schedule', {}), 'main')).toThrow('not on a schedule event');
  });
  test('dispatch runs the named command', () => {
    expect(decideIntent({ command: 'down' }, ctx('workflow_dispatch', {}), 'main')).toEqual({
      mode: 'apply',
      trigger: 'dispatch',
      command: 'down',
    });
    expect(decideIntent({ command: 'unlock' }, ctx('workflow_dispatch', {}), 'main')).toEqual({
      mode: 'unlock',
      trigger: 'dispatch',
    });
    expect(decideIntent({ command: 'stop' }, ctx('workflow_dispatch', {}), 'main')).toEqual({
      mode: 'stop',
      trigger: 'dispatch',
    });
    expect(decideIntent({ command: 'plan' }, ctx('workflow_dispatch', {}), 'main')).toMatchObject({
      mode: 'plan',
      readState: true,
    });
  });
});

describe('describeIntent', () => {
  test('one log line naming the mode, the trigger and a fork', () => {
    expect(
      describeIntent({
        mode: 'plan',
        trigger: 'pull_request',
        pullRequest: { number: 7, fork: true },
        readState: false,
      }),
    ).toBe('plan (pull_request #7, fork: files only)');
    expect(describeIntent({ mode: 'plan', trigger: 'other', readState: true })).toBe('plan (other)');
    expect(describeIntent({ mode: 'apply', trigger: 'push', command: 'apply' })).toBe('apply (push)');
    expect(describeIntent({ mode: 'drift', trigger: 'schedule' })).toBe('drift (schedule)');
  });
});

/**
 * GitHub's own example webhook payloads (@octokit/webhooks-examples, through the committed subset
 * test/fixtures/github/webhook-examples.json: every example of these events, unchanged, made by
 * scripts/github-webhook-examples.mjs from the package named in its header), read the way the
 * runner hands them over: the payload in the file at GITHUB_EVENT_PATH, GITHUB_REF and
 * GITHUB_REPOSITORY set as GitHub Actions sets them for that event. The package has no
 * pull_request from a fork (every example is Codertocat/Hello-World's own branch), so the fork
 * cases are its `opened` example with the head moved to a fork as GitHub sends it; and
 * `schedule` is not a webhook at all, so it has no example (the runner's payload is `{schedule}`).
 */
describe("decideIntent with GitHub's example payloads", () => {
  type Payload = Record<string, unknown> & {
    ref?: string;
    number?: number;
    action?: string;
    repository: { full_name: string; default_branch: string; owner: { login: string } };
    pull_request?: { number: number; head: { sha: string; label: string; repo: Record<string, unknown> | null } };
  };
  const subset = JSON.parse(
    readFileSync(new URL('../fixtures/github/webhook-examples.json', import.meta.url), 'utf8'),
  ) as {
    'x-subset': { names: string[] };
    examples: Record<string, Payload[]>;
  };
  const examples = new Map(Object.entries(subset.examples));
  /** Every event the package has examples of, including those the subset leaves out. */
  const named = new Set(subset['x-subset'].names);
  const of = (name: string, action?: string): Payload[] =>
    (examples.get(name) ?? []).filter((x) => action === undefined || x.action === action);

  /** The run's context as the runner gives it for this event, and the intent main.ts decides from it. */
  function intentOf(eventName: string, payload: Payload, command: 'auto' | 'apply' = 'auto') {
    const ref = eventName.startsWith('pull_request')
      ? `refs/pull/${payload.number}/merge`
      : (payload.ref ?? 'refs/heads/main');
    const c = readRunContext(
      {
        ...base,
        GITHUB_REPOSITORY: payload.repository.full_name,
        GITHUB_EVENT_NAME: eventName,
        GITHUB_EVENT_PATH: '/github/workflow/event.json',
        GITHUB_REF: ref,
      },
      () => JSON.stringify(payload),
    );
    return decideIntent({ command }, c, c.payload.repository?.default_branch);
  }
  function fromFork(p: Payload, headRepo: 'fork' | 'deleted'): Payload {
    const pr = structuredClone(p.pull_request!);
    pr.head.label = 'mallory:patch-1';
    pr.head.repo =
      headRepo === 'deleted'
        ? null
        : {
            ...pr.head.repo,
            full_name: 'mallory/Hello-World',
            fork: true,
            owner: { ...(pr.head.repo?.owner as object), login: 'mallory' },
          };
    return { ...structuredClone(p), pull_request: pr };
  }

  test('the package has the events this test needs, and no schedule', () => {
    expect(of('pull_request', 'opened').length).toBeGreaterThan(0);
    expect(of('pull_request', 'synchronize').length).toBeGreaterThan(0);
    expect(of('push').length).toBeGreaterThan(0);
    expect(of('workflow_dispatch').length).toBeGreaterThan(0);
    expect(named.has('pull_request') && named.has('push') && named.has('workflow_dispatch')).toBe(true);
    expect(named.has('schedule')).toBe(false);
    // No example comes from a fork: the fork cases below are derived.
    expect(of('pull_request').every((p) => p.pull_request!.head.repo?.full_name === p.repository.full_name)).toBe(true);
  });

  test.each(['opened', 'synchronize'])('pull_request %s: plan that pull request, reading the table', (action) => {
    const payload = of('pull_request', action)[0]!;
    expect(intentOf('pull_request', payload)).toEqual({
      mode: 'plan',
      trigger: 'pull_request',
      pullRequest: { number: payload.number, fork: false, headSha: payload.pull_request!.head.sha },
      readState: true,
    });
  });

  test('every pull_request example (closed and merged too) only plans, and refuses apply', () => {
    for (const payload of of('pull_request')) {
      for (const event of ['pull_request', 'pull_request_target']) {
        expect(intentOf(event, payload), `${event} ${payload.action}`).toMatchObject({ mode: 'plan', readState: true });
        expect(() => intentOf(event, payload, 'apply')).toThrow('pull requests only plan');
      }
    }
  });

  test('pull_request from a fork, or from a fork since deleted: plan from the files only', () => {
    const opened = of('pull_request', 'opened')[0]!;
    for (const payload of [fromFork(opened, 'fork'), fromFork(opened, 'deleted')]) {
      expect(intentOf('pull_request', payload)).toEqual({
        mode: 'plan',
        trigger: 'pull_request',
        pullRequest: { number: opened.number, fork: true, headSha: opened.pull_request!.head.sha },
        readState: false,
      });
    }
  });

  test('push: to the default branch applies; a tag push (created or deleted) only plans and refuses apply', () => {
    const pushes = of('push');
    const toDefault = pushes.filter((p) => p.ref === `refs/heads/${p.repository.default_branch}`);
    const tags = pushes.filter((p) => p.ref?.startsWith('refs/tags/'));
    expect(toDefault.length).toBeGreaterThan(0);
    expect(tags.length).toBeGreaterThan(0);
    for (const p of toDefault)
      expect(intentOf('push', p)).toEqual({ mode: 'apply', trigger: 'push', command: 'apply' });
    for (const p of tags) {
      expect(intentOf('push', p)).toMatchObject({ mode: 'plan', trigger: 'other' });
      expect(() => intentOf('push', p, 'apply')).toThrow(
        'not on a push to refs/tags/simple-tag (the default branch is master)',
      );
    }
  });

  test('workflow_dispatch: reconcile to the manifest, whatever the branch', () => {
    for (const p of of('workflow_dispatch'))
      expect(intentOf('workflow_dispatch', p)).toEqual({ mode: 'apply', trigger: 'dispatch', command: 'apply' });
  });

  test('schedule (no webhook example: the payload the runner gives a scheduled run) checks drift', () => {
    const payload = { schedule: '17 3 * * *', repository: of('push')[0]!.repository } as Payload;
    expect(intentOf('schedule', payload)).toEqual({ mode: 'drift', trigger: 'schedule' });
  });
});
