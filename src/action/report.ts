import { EXIT, MigrateError, messageOf, type ExitCode } from '../core/errors';
import { exitCodeOf, exitCodeOfEnvironments, statusOfError } from '../core/outcome';
import { codeBlock } from '../core/render/escape';
import { STATUS_LABEL, renderMarkdown, type EnvironmentSection } from '../core/render/markdown';
import { Outputs } from '../github/constants';
import { outputsOf, overallStatus } from '../github/outputs';
import type { ActionContext } from './context';
import type { ActionIo } from './io';
import type { ModeResult, Outcome } from './outcome';

/**
 * The end of every run that got as far as a mode: the comment's last update, the job summary
 * (the same markdown, never cut), the outputs, and the failure, once. Returns the exit code.
 */
export async function report(run: Pick<ActionContext, 'io' | 'markdown'>, result: ModeResult): Promise<ExitCode> {
  const { io } = run;
  const sections = result.outcomes.map((o) => o.section);
  await result.comment?.show(sections, { notes: result.notes, planHashes: result.planHashes });

  const notes = [...result.notes, ...(result.comment?.warnings ?? [])];
  try {
    await io.writeSummary(renderMarkdown({ ...run.markdown, notes, sections, maxLength: 1_000_000 }));
  } catch (e) {
    io.warning(`Could not write the job summary: ${messageOf(e)}`);
  }

  for (const [name, value] of Object.entries(outputsOf(sections, { commentUrl: result.comment?.url })))
    io.setOutput(name, value);

  const failure = failureOf(result.outcomes);
  if (failure) io.setFailed(failure);
  return exitCodeOfOutcomes(result.outcomes);
}

/** The run's exit code: that of the first environment that did not succeed. */
export function exitCodeOfOutcomes(outcomes: readonly Outcome[]): ExitCode {
  return exitCodeOfEnvironments(outcomes.map((o) => o.exitCode));
}

/** The one-line reason the step failed, naming each environment that did; undefined when none did. */
export function failureOf(outcomes: readonly Outcome[]): string | undefined {
  const failing = outcomes.filter((o) => o.exitCode !== EXIT.ok);
  if (!failing.length) return undefined;
  const why = failing.map(
    ({ section: s }) => `${s.plan.environment}: ${s.error ?? s.report?.error ?? firstBlocker(s) ?? s.phase}`,
  );
  return `dynamodb-migrate ${overallStatus(outcomes.map((o) => o.section))}. ${why.join(' | ')}`;
}

/**
 * Bad input and refusals (inputs, event, manifest, migration files, a gate before any
 * environment ran) end here: nothing was written to any table.
 */
export async function reportError(io: ActionIo, e: unknown): Promise<ExitCode> {
  const status = statusOfError(e);
  io.setOutput(Outputs.Status, status);
  io.setFailed(messageOf(e));
  await io
    .writeSummary(
      `## dynamodb-migrate: ${STATUS_LABEL[status]}\n\n${codeBlock(messageOf(e))}\n\nNothing was written to any table.\n`,
    )
    .catch(() => undefined);
  if (!(e instanceof MigrateError) && e instanceof Error && e.stack) io.debug(e.stack);
  return exitCodeOf(e);
}

function firstBlocker(s: EnvironmentSection): string | undefined {
  return s.plan.blockers[0]?.message ?? s.findings?.[0]?.message;
}
