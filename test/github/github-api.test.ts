import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkApproval, findMergedPullRequest } from '../../src/github/approval';
import { findComment, upsertComment } from '../../src/github/comment';
import { createGitHubApi, GitHubApiError, nextLink } from '../../src/github/rest';
import { startGitHubStub, type GitHubStub } from '../support/github-api-stub';

let gh: GitHubStub;
beforeEach(async () => {
  gh = await startGitHubStub({ pageSize: 2 });
});
afterEach(() => gh.close());

const api = () => createGitHubApi(gh.url, gh.token);
const target = () => ({ owner: gh.owner, repo: gh.repo, issue: 7 });
const MARKER = '<!-- dynamodb-migrate -->';

describe('sticky comment', () => {
  test('created once, then found across pages and updated in place', async () => {
    for (let i = 0; i < 5; i++) gh.addComment(7, `noise ${i}`);
    gh.addComment(7, `quoted: ${MARKER} is not at the start`);
    const first = await upsertComment(api(), target(), MARKER, `${MARKER}\nv1`);
    expect(first).toMatchObject({ ok: true, action: 'created' });
    const second = await upsertComment(api(), target(), MARKER, `${MARKER}\nv2`);
    expect(second).toMatchObject({ ok: true, action: 'updated', id: (first as { id: number }).id });
    const mine = gh.comments.get(7)!.filter((c) => c.body.startsWith(MARKER));
    expect(mine.map((c) => c.body)).toEqual([`${MARKER}\nv2`]);
    // The comment sat on page 4 of 2-item pages: the Link header was followed.
    expect(gh.requests.filter((r) => r.method === 'GET' && r.path.includes('/issues/7/comments')).length).toBeGreaterThanOrEqual(4);
  });

  test('another manifest\'s marker is not ours', async () => {
    gh.addComment(7, '<!-- dynamodb-migrate: other/manifest.yaml -->\nx');
    expect(await findComment(api(), target(), MARKER)).toBeUndefined();
  });

  test('403 on writing is a warning, not an error', async () => {
    gh.commentWriteStatus = 403;
    const r = await upsertComment(api(), target(), MARKER, `${MARKER}\nv1`);
    expect(r.ok).toBe(false);
    expect((r as { warning: string }).warning).toContain('answered 403: Resource not accessible by integration');
    expect((r as { warning: string }).warning).toContain('pull-requests: write');
  });

  test('a bad token is rejected by the stand-in and reported with the status', async () => {
    const err = await createGitHubApi(gh.url, 'wrong').request('GET', `/repos/${gh.owner}/${gh.repo}`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubApiError);
    expect((err as GitHubApiError).status).toBe(401);
  });
});

describe('approval', () => {
  const merged = { number: 7, merged_at: '2025-01-01T00:00:00Z', merge_commit_sha: 'abc', user: { login: 'author' } };

  test('finds the merged pull request of a commit', async () => {
    gh.pullsByCommit.set('abc', [{ number: 3, merged_at: null, merge_commit_sha: null }, merged]);
    expect(await findMergedPullRequest(api(), gh.owner, gh.repo, 'abc')).toEqual({ number: 7, url: undefined, author: 'author' });
    expect(await findMergedPullRequest(api(), gh.owner, gh.repo, 'def')).toBeUndefined();
  });

  test('an approval from a user with write access passes', async () => {
    gh.reviews.set(7, [{ user: { login: 'reader' }, state: 'APPROVED' }, { user: { login: 'maint' }, state: 'COMMENTED' }, { user: { login: 'maint' }, state: 'APPROVED' }]);
    gh.permissions.set('maint', 'maintain');
    expect(await checkApproval(api(), gh.owner, gh.repo, { number: 7, author: 'author' })).toEqual({ approved: true, by: ['maint'] });
  });

  test('no approval, a read-only approver, or a withdrawn approval does not pass', async () => {
    expect(await checkApproval(api(), gh.owner, gh.repo, { number: 7 })).toMatchObject({ approved: false, reason: 'Pull request #7 has no approving review (require-approval is true).' });
    gh.reviews.set(7, [{ user: { login: 'reader' }, state: 'APPROVED' }]);
    expect(await checkApproval(api(), gh.owner, gh.repo, { number: 7 })).toMatchObject({ approved: false, reason: expect.stringContaining('none of them has write access') });
    gh.permissions.set('w', 'write');
    gh.reviews.set(7, [{ user: { login: 'w' }, state: 'APPROVED' }, { user: { login: 'w' }, state: 'CHANGES_REQUESTED' }]);
    expect(await checkApproval(api(), gh.owner, gh.repo, { number: 7 })).toMatchObject({ approved: false });
  });
});

test('nextLink reads rel="next" from a Link header', () => {
  expect(nextLink('<https://api.github.com/x?page=2>; rel="next", <https://api.github.com/x?page=5>; rel="last"')).toBe('https://api.github.com/x?page=2');
  expect(nextLink('<https://api.github.com/x?page=1>; rel="prev"')).toBeUndefined();
  expect(nextLink(null)).toBeUndefined();
});
