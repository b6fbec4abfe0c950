import { messageOf } from '../core/errors';
import type { EnvironmentSection } from '../core/render/markdown';
import { upsertComment, type CommentTarget, type FoundComment } from '../github/comment';
import { commentBody, commentMarker } from '../github/comment-protocol';
import type { GitHubApi } from '../github/rest';
import type { ActionContext } from './context';

/**
 * What a comment write that did not go through leaves behind: this text as a warning in the
 * log and as a note in the job summary. The run goes on; later writes are skipped, as one
 * refusal is enough (a token without the permission will not get it mid-run).
 */
export function commentWarning(failure: { warning: string } | { error: unknown }): string {
  return 'warning' in failure
    ? failure.warning
    : `Could not write the pull request comment: ${messageOf(failure.error)}. The plan is in the job summary.`;
}

/**
 * The pull request's one comment of this run, found again by its hidden marker and updated in
 * place at every phase (planned, applying, applied). A refusal by GitHub is not a failure of
 * the run: see commentWarning.
 */
export class StickyComment {
  /** The comment's address once written; what the `comment-url` output says. */
  url: string | undefined;
  /** The warnings a refused write left, for the job summary. */
  readonly warnings: string[] = [];
  private refused = false;
  /** Writes go out one at a time, in the order asked: a progress update never lands after the final word. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly run: Pick<ActionContext, 'io' | 'markdown'>,
    private readonly api: GitHubApi,
    readonly target: CommentTarget,
    /** The comment as found when the run began; undefined: it is looked up on the first write. */
    private found?: FoundComment | undefined,
  ) {}

  get marker(): string {
    return commentMarker(this.run.markdown.key);
  }

  /**
   * Renders the sections as the comment body and writes it, unless a write was refused already;
   * after the writes asked for before it. Never rejects.
   */
  show(sections: readonly EnvironmentSection[], o: ShowOptions = {}): Promise<void> {
    const next = this.queue
      .then(() => this.write(sections, o))
      .catch((e: unknown) => this.run.io.warning(commentWarning({ error: e })));
    this.queue = next;
    return next;
  }

  private async write(sections: readonly EnvironmentSection[], o: ShowOptions): Promise<void> {
    if (this.refused) return;
    const body = commentBody({ ...this.run.markdown, sections, notes: o.notes, planHashes: o.planHashes });
    let failure: { warning: string } | { error: unknown };
    try {
      const res = await upsertComment(this.api, this.target, this.marker, body, this.found);
      if (res.ok) {
        this.found = { id: res.id, url: res.url, body };
        this.url = res.url;
        this.run.io.info(`Pull request comment ${res.action}: ${res.url}`);
        return;
      }
      failure = res;
    } catch (error) {
      failure = { error };
    }
    const warning = commentWarning(failure);
    this.run.io.warning(warning);
    this.warnings.push(warning);
    this.refused = true;
  }
}

interface ShowOptions {
  notes?: readonly string[] | undefined;
  planHashes?: Readonly<Record<string, string>> | undefined;
}

/** The sticky comment of pull request `issue`, when this run may write one (a token, and comment: true). */
export function stickyCommentFor(run: ActionContext, issue: number, found?: FoundComment): StickyComment | undefined {
  if (!run.api || !run.settings.comment) return undefined;
  return new StickyComment(run, run.api, { owner: run.ctx.owner, repo: run.ctx.repo, issue }, found);
}
