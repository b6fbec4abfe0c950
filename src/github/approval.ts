import type { GitHubApi } from './rest';

interface PullRequest {
  number: number;
  merged_at?: string | null;
  merge_commit_sha?: string | null;
  html_url?: string;
  user?: { login?: string } | null;
}

interface Review {
  user?: { login?: string } | null;
  state: string;
  submitted_at?: string;
}

/** The pull request a push to the default branch came from. */
export interface MergedPullRequest {
  number: number;
  url?: string | undefined;
  author?: string | undefined;
}

/** Whether a merged pull request had the approval `require-approval` asks for. */
export type ApprovalResult = { approved: true; by: string[] } | { approved: false; reason: string; next: string };

const WRITE = new Set(['admin', 'maintain', 'write']);

/**
 * The pull request merged as `sha` (GET /repos/{o}/{r}/commits/{sha}/pulls). A merge, squash
 * or rebase commit lists the pull request it came from; a direct push lists none.
 */
export async function findMergedPullRequest(
  api: GitHubApi,
  owner: string,
  repo: string,
  sha: string,
): Promise<MergedPullRequest | undefined> {
  const pulls = await api.paginate<PullRequest>(`/repos/${enc(owner)}/${enc(repo)}/commits/${enc(sha)}/pulls`);
  const merged = pulls.filter((p) => p.merged_at);
  const exact = merged.find((p) => p.merge_commit_sha === sha) ?? merged[0];
  return exact ? { number: exact.number, url: exact.html_url, author: exact.user?.login } : undefined;
}

/**
 * Checks that the pull request has an approving review from someone with write access.
 * Each reviewer's latest decisive review counts (a later "changes requested" or a dismissal
 * withdraws an approval), and write access is checked through the API rather than trusted
 * from the review's author association.
 */
export async function checkApproval(
  api: GitHubApi,
  owner: string,
  repo: string,
  pr: MergedPullRequest,
): Promise<ApprovalResult> {
  const reviews = await api.paginate<Review>(`/repos/${enc(owner)}/${enc(repo)}/pulls/${pr.number}/reviews`);
  const latest = new Map<string, string>();
  for (const r of reviews) {
    const login = r.user?.login;
    // COMMENTED and PENDING reviews do not change a reviewer's decision.
    if (!login || (r.state !== 'APPROVED' && r.state !== 'CHANGES_REQUESTED' && r.state !== 'DISMISSED')) continue;
    latest.set(login, r.state);
  }
  const approvers = [...latest]
    .filter(([login, state]) => state === 'APPROVED' && login !== pr.author)
    .map(([login]) => login);
  const withWrite: string[] = [];
  for (const login of approvers) {
    const p = await api.request<{ permission?: string; role_name?: string }>(
      'GET',
      `/repos/${enc(owner)}/${enc(repo)}/collaborators/${enc(login)}/permission`,
    );
    if (WRITE.has(p.permission ?? '') || WRITE.has(p.role_name ?? '')) withWrite.push(login);
  }
  if (withWrite.length) return { approved: true, by: withWrite };
  const reason = approvers.length
    ? `Pull request #${pr.number} was approved by ${approvers.join(', ')}, but none of them has write access to ${owner}/${repo}.`
    : `Pull request #${pr.number} has no approving review (require-approval is true).`;
  return {
    approved: false,
    reason,
    next: `Have a maintainer with write access approve #${pr.number}, then re-run this job; or apply with a workflow_dispatch (command: apply) through the protected environment.`,
  };
}

function enc(s: string): string {
  return encodeURIComponent(s);
}
