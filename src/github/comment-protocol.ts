import { renderMarkdown, type EnvironmentSection, type MarkdownInput } from '../core/render/markdown';

/**
 * The pull request comment as a protocol between runs: the hidden first line by which a run
 * finds its comment again (its identity), and the hidden second line recording the plan hashes
 * the reviewers saw, which the merge's apply reads back and must match. The body between is
 * the renderer's (core/render/markdown.ts), which knows nothing of either.
 */

/** GitHub's limit on a comment body. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** What the body may take: room is left for GitHub's own counting of characters. */
const COMMENT_BUDGET = GITHUB_COMMENT_LIMIT - 1_536;

/** The hidden first line by which the sticky comment is found again. */
export function commentMarker(key?: string): string {
  // Nothing in the key may end the HTML comment early.
  const safe = (key ?? '').replace(/[^A-Za-z0-9_./:-]/g, '-').replace(/-{2,}/g, '-');
  return safe ? `<!-- dynamodb-migrate: ${safe} -->` : '<!-- dynamodb-migrate -->';
}

const PLANS_PREFIX = '<!-- dynamodb-migrate-plans: ';
const ENV_NAME = /^[A-Za-z0-9_-]+$/;
const HASH = /^[0-9a-f]{8,64}$/;

/**
 * The plan hashes recorded in a comment body (second line), per environment: what the
 * reviewers saw, and what apply on merge must match.
 */
export function readPlanHashes(body: string): Record<string, string> {
  const line = body.split('\n', 2)[1] ?? '';
  if (!line.startsWith(PLANS_PREFIX) || !line.endsWith(' -->')) return {};
  const out: Record<string, string> = {};
  for (const pair of line.slice(PLANS_PREFIX.length, -4).split(' ')) {
    const [env, hash] = pair.split('=');
    if (env && hash && ENV_NAME.test(env) && HASH.test(hash)) out[env] = hash;
  }
  return out;
}

/** The hashes of the sections that show a plan for review (planned, or stopped with a new plan). */
export function reviewedHashes(sections: readonly EnvironmentSection[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of sections) {
    // A plan from the files alone (fork) says nothing about the table: nothing to match.
    const shown =
      s.phase === 'planned' ||
      s.phase === 'blocked' ||
      s.phase === 'precondition-failed' ||
      s.phase === 'rehearsal-failed';
    if (shown && !s.plan.stateUnknown) out[s.plan.environment] = s.plan.hash;
  }
  return out;
}

/** What one sticky comment shows, and what it records for the runs after it. */
export interface CommentInput extends Omit<MarkdownInput, 'preamble'> {
  /**
   * Distinguishes the comments of two manifests (or workflows) on one pull request; each
   * finds only its own comment again.
   */
  key?: string | undefined;
  /**
   * Plan hashes a merge must match, per environment. Default: the hashes of the sections that
   * show a plan for review (reviewedHashes).
   */
  planHashes?: Readonly<Record<string, string>> | undefined;
}

/**
 * The comment's body: the marker, the plan-hash line when there are hashes to record, then the
 * rendering of the sections, all within GitHub's limit (`maxLength` to say otherwise).
 */
export function commentBody(input: CommentInput): string {
  const { key, planHashes, ...markdown } = input;
  const pairs = Object.entries(planHashes ?? reviewedHashes(input.sections)).filter(
    ([env, hash]) => ENV_NAME.test(env) && HASH.test(hash),
  );
  const hidden = [commentMarker(key)];
  if (pairs.length) hidden.push(`${PLANS_PREFIX}${pairs.map(([env, hash]) => `${env}=${hash}`).join(' ')} -->`);
  return renderMarkdown({ ...markdown, maxLength: input.maxLength ?? COMMENT_BUDGET, preamble: hidden.join('\n') });
}
