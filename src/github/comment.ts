import type { GitHubApi } from './rest';
import { GitHubApiError } from './rest';

/** An issue comment as the API returns it (the fields we read). */
interface IssueComment {
  id: number;
  body?: string | null;
  html_url: string;
}

/** Where the sticky comment lives. */
export interface CommentTarget {
  owner: string;
  repo: string;
  /** Pull request number (pull requests are issues for comments). */
  issue: number;
}

/** The comment, found by its marker. */
export interface FoundComment {
  id: number;
  url: string;
  body: string;
}

export type CommentResult =
  | { ok: true; action: 'created' | 'updated'; id: number; url: string }
  | { ok: false; warning: string };

/**
 * The pull request's comment whose first line is `marker`. Only the first line counts: text
 * quoted from migration files further down cannot impersonate the marker.
 */
export async function findComment(
  api: GitHubApi,
  target: CommentTarget,
  marker: string,
): Promise<FoundComment | undefined> {
  const comments = await api.paginate<IssueComment>(
    `/repos/${enc(target.owner)}/${enc(target.repo)}/issues/${target.issue}/comments`,
  );
  const mine = comments.filter((c) => (c.body ?? '').split('\n', 1)[0]?.trim() === marker);
  // Should there ever be two (a race of two runs), keep updating the oldest, as it is the one linked from notifications.
  const c = mine[0];
  return c ? { id: c.id, url: c.html_url, body: c.body ?? '' } : undefined;
}

/** A POST that failed on GitHub's side is tried this many times in all, looking for the comment before each new try. */
const POST_ATTEMPTS = 3;

/**
 * Creates the sticky comment, or updates it in place when one with the same marker exists.
 * A token that may not read or write comments (403, 404 for a token without access) is not a
 * failure of the run: the caller gets a warning to print, and the job summary still has it all.
 * Nor is a rate limit that outlasts the client's patience: the next run writes the comment.
 */
export async function upsertComment(
  api: GitHubApi,
  target: CommentTarget,
  marker: string,
  body: string,
  known?: FoundComment,
): Promise<CommentResult> {
  try {
    const base = `/repos/${enc(target.owner)}/${enc(target.repo)}/issues`;
    const update = async (c: FoundComment): Promise<CommentResult> => {
      const res = await api.request<IssueComment>('PATCH', `${base}/comments/${c.id}`, { body });
      return { ok: true, action: 'updated', id: res.id, url: res.html_url };
    };
    const existing = known ?? (await findComment(api, target, marker));
    if (existing) return await update(existing);
    for (let attempt = 1; ; attempt++) {
      try {
        const c = await api.request<IssueComment>('POST', `${base}/${target.issue}/comments`, { body });
        return { ok: true, action: 'created', id: c.id, url: c.html_url };
      } catch (e) {
        // A 502 or a lost answer may come after GitHub made the comment: posting again blindly would make two.
        if (!(e instanceof GitHubApiError && e.transient) || attempt >= POST_ATTEMPTS) throw e;
        const made = await findComment(api, target, marker);
        if (made)
          return made.body === body ? { ok: true, action: 'created', id: made.id, url: made.url } : await update(made);
      }
    }
  } catch (e) {
    if (e instanceof GitHubApiError && e.rateLimit) {
      return {
        ok: false,
        warning: `Could not write the pull request comment: ${e.message}. GitHub's ${e.rateLimit.kind} rate limit stopped it; the next run brings the comment up to date. The plan is in the job summary.`,
      };
    }
    if (e instanceof GitHubApiError && (e.status === 401 || e.status === 403 || e.status === 404)) {
      return {
        ok: false,
        warning: `Could not write the pull request comment (${e.message}). Give the job \`permissions: pull-requests: write\` (and issues: write), or set comment: false. The plan is in the job summary.`,
      };
    }
    throw e;
  }
}

function enc(s: string): string {
  return encodeURIComponent(s);
}
