import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { EOL } from 'node:os';
import type { Logger } from '../core/logger';

/**
 * Everything the action says to the runner: log lines and annotations, outputs, the job
 * summary, the failure. The bundle uses the runner's own protocol (runnerIo); tests pass a recorder.
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

/** A workflow command's text (`::name::data`): the data escaped as the runner unescapes it. */
export function workflowCommand(name: string, data: string): string {
  return `::${name}::${data.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')}`;
}

/**
 * One output in the GITHUB_OUTPUT file's format: `name<<DELIMITER`, the value's lines, the
 * delimiter, with a delimiter found in neither (a random one, as the runner expects).
 */
export function outputFileEntry(name: string, value: string, delimiter = `ghadelimiter_${randomUUID()}`): string {
  if (name.includes(delimiter) || value.includes(delimiter))
    throw new Error(`output ${name}: its name or value contains the delimiter ${delimiter}`);
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
}

/**
 * The runner's own protocol, written directly: workflow commands on stdout, outputs appended to
 * the GITHUB_OUTPUT file, the summary to GITHUB_STEP_SUMMARY, failure as exit code 1. The same
 * facts @actions/core writes by; it is not loaded, because loading it also loads its HTTP client
 * (undici, for OIDC tokens, which the action never asks for): ~45 ms of every cold start.
 */
export function runnerIo(
  env: NodeJS.ProcessEnv = process.env,
  write: (line: string) => void = (line) => process.stdout.write(line + EOL),
): ActionIo {
  const command = (name: string, data: string) => write(workflowCommand(name, data));
  return {
    info: (m) => write(m),
    debug: (m) => command('debug', m),
    notice: (m) => command('notice', m),
    warning: (m) => command('warning', m),
    error: (m) => command('error', m),
    setSecret: (s) => command('add-mask', s),
    setOutput: (name, value) => {
      const file = env.GITHUB_OUTPUT;
      if (file) appendFileSync(file, outputFileEntry(name, value), 'utf8');
      // A runner too old for output files reads the deprecated command.
      else command(`set-output name=${escapeProperty(name)}`, value);
    },
    setFailed: (m) => {
      process.exitCode = 1;
      command('error', m);
    },
    startGroup: (name) => command('group', name),
    endGroup: () => command('endgroup', ''),
    writeSummary: async (markdown) => {
      const file = env.GITHUB_STEP_SUMMARY;
      if (!file) throw new Error('GITHUB_STEP_SUMMARY is not set: this runner does not support job summaries');
      await appendFile(file, markdown, 'utf8');
    },
  };
}

function escapeProperty(s: string): string {
  return s
    .replaceAll('%', '%25')
    .replaceAll('\r', '%0D')
    .replaceAll('\n', '%0A')
    .replaceAll(':', '%3A')
    .replaceAll(',', '%2C');
}

/** The engine's logger, writing to the action's log. */
export function loggerOf(io: ActionIo): Logger {
  return {
    info: (m) => io.info(m),
    warn: (m) => io.warning(m),
    error: (m) => io.error(m),
    debug: (m) => io.debug(m),
  };
}
