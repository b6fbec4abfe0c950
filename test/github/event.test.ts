import { describe, expect, test } from 'vitest';
import { RefusedError } from '../../src/core/errors';
import { decideIntent, describeIntent, readRunContext, type RunContext } from '../../src/github/event';

const base = { GITHUB_REPOSITORY: 'acme/shop', GITHUB_SHA: 'abc123', GITHUB_RUN_ID: '42', GITHUB_ACTOR: 'octo' };

function ctx(eventName: string, payload: object, ref = 'refs/heads/main'): RunContext {
  return readRunContext({ ...base, GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: '/event.json', GITHUB_REF: ref }, () => JSON.stringify(payload));
}
const pr = (head: string | null) => ({ pull_request: { number: 7, head: { sha: 'h1', repo: head ? { full_name: head } : null }, base: { repo: { full_name: 'acme/shop' } } } });

describe('readRunContext', () => {
  test('builds the run URL and API URL from the runner variables', () => {
    const c = readRunContext({ ...base, GITHUB_RUN_ATTEMPT: '2', GITHUB_API_URL: 'http://127.0.0.1:9/' });
    expect(c).toMatchObject({ owner: 'acme', repo: 'shop', runUrl: 'https://github.com/acme/shop/actions/runs/42/attempts/2', apiUrl: 'http://127.0.0.1:9' });
  });
  test('no GITHUB_REPOSITORY is a clear error', () => {
    expect(() => readRunContext({})).toThrow('GITHUB_REPOSITORY is not set');
  });
});

describe('decideIntent with command auto', () => {
  test('pull_request: plan, reading state', () => {
    expect(decideIntent({ command: 'auto' }, ctx('pull_request', pr('acme/shop')), 'main')).toEqual({ mode: 'plan', trigger: 'pull_request', pullRequest: { number: 7, fork: false, headSha: 'h1' }, readState: true });
  });
  test('a fork pull request (or a deleted fork) plans without reading the table', () => {
    expect(decideIntent({ command: 'auto' }, ctx('pull_request', pr('mallory/shop')), 'main')).toMatchObject({ mode: 'plan', readState: false, pullRequest: { fork: true } });
    expect(decideIntent({ command: 'auto' }, ctx('pull_request', pr(null)), 'main')).toMatchObject({ readState: false });
  });
  test('push to the default branch applies; to another branch it only plans', () => {
    expect(decideIntent({ command: 'auto' }, ctx('push', {}), 'main')).toEqual({ mode: 'apply', trigger: 'push', command: 'apply' });
    expect(decideIntent({ command: 'auto' }, ctx('push', {}, 'refs/heads/feature'), 'main')).toMatchObject({ mode: 'plan', trigger: 'other' });
  });
  test('schedule checks drift; dispatch reconciles to the manifest', () => {
    expect(decideIntent({ command: 'auto' }, ctx('schedule', {}), 'main')).toEqual({ mode: 'drift', trigger: 'schedule' });
    expect(decideIntent({ command: 'auto' }, ctx('workflow_dispatch', {}), 'main')).toEqual({ mode: 'apply', trigger: 'dispatch', command: 'apply' });
  });
});

describe('decideIntent gates', () => {
  test.each(['apply', 'down', 'to', 'reset', 'unlock', 'repair'] as const)('%s is refused on a pull_request event', (command) => {
    expect(() => decideIntent({ command }, ctx('pull_request', pr('acme/shop')), 'main')).toThrow(RefusedError);
    expect(() => decideIntent({ command }, ctx('pull_request_target', pr('acme/shop')), 'main')).toThrow('pull requests only plan');
  });
  test('apply on a push to another branch or on a schedule is refused', () => {
    expect(() => decideIntent({ command: 'apply' }, ctx('push', {}, 'refs/heads/dev'), 'main')).toThrow('not on a push to refs/heads/dev (the default branch is main)');
    expect(() => decideIntent({ command: 'down' }, ctx('schedule', {}), 'main')).toThrow('not on a schedule event');
  });
  test('dispatch runs the named command', () => {
    expect(decideIntent({ command: 'down' }, ctx('workflow_dispatch', {}), 'main')).toEqual({ mode: 'apply', trigger: 'dispatch', command: 'down' });
    expect(decideIntent({ command: 'unlock' }, ctx('workflow_dispatch', {}), 'main')).toEqual({ mode: 'unlock', trigger: 'dispatch' });
    expect(decideIntent({ command: 'plan' }, ctx('workflow_dispatch', {}), 'main')).toMatchObject({ mode: 'plan', readState: true });
  });
});

describe('describeIntent', () => {
  test('one log line naming the mode, the trigger and a fork', () => {
    expect(describeIntent({ mode: 'plan', trigger: 'pull_request', pullRequest: { number: 7, fork: true }, readState: false })).toBe('plan (pull_request #7, fork: files only)');
    expect(describeIntent({ mode: 'plan', trigger: 'other', readState: true })).toBe('plan (other)');
    expect(describeIntent({ mode: 'apply', trigger: 'push', command: 'apply' })).toBe('apply (push)');
    expect(describeIntent({ mode: 'drift', trigger: 'schedule' })).toBe('drift (schedule)');
  });
});
