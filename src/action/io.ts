import * as core from '@actions/core';
import type { Logger } from '../core/logger';

/**
 * Everything the action says to the runner: log lines and annotations, outputs, the job
 * summary, the failure. The bundle uses @actions/core (coreIo); tests pass a recorder.
 */
export interface ActionIo {
  info(message: string): void;
  debug(message: string): void;
  /** A user-visible decision (approved by, recovery point taken): an annotation. */
  notice(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  /** Masks a value in every later line of the log. */
  setSecret(secret: string): void;
  setOutput(name: string, value: string): void;
  /** Marks the step failed, once, with the one-line reason. */
  setFailed(message: string): void;
  startGroup(name: string): void;
  endGroup(): void;
  /** Appends markdown to the job summary; rejects when the summary file cannot be written. */
  writeSummary(markdown: string): Promise<void>;
}

/** The runner's own: workflow commands on stdout, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY. */
export const coreIo: ActionIo = {
  info: (m) => core.info(m),
  debug: (m) => core.debug(m),
  notice: (m) => core.notice(m),
  warning: (m) => core.warning(m),
  error: (m) => core.error(m),
  setSecret: (s) => core.setSecret(s),
  setOutput: (name, value) => core.setOutput(name, value),
  setFailed: (m) => core.setFailed(m),
  startGroup: (name) => core.startGroup(name),
  endGroup: () => core.endGroup(),
  writeSummary: async (markdown) => {
    await core.summary.addRaw(markdown).write();
  },
};

/** The engine's logger, writing to the action's log. */
export function loggerOf(io: ActionIo): Logger {
  return {
    info: (m) => io.info(m),
    warn: (m) => io.warning(m),
    error: (m) => io.error(m),
    debug: (m) => io.debug(m),
  };
}
