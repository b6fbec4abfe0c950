import { InputError } from '../core/errors';
import { COMMANDS, Inputs, type Command } from './constants';

/** The action's inputs, validated: what every later decision reads. */
export interface ActionSettings {
  /** Path of the manifest, relative to the workspace. */
  manifest: string;
  /** Environment names; empty means every environment in the manifest. */
  environments: string[];
  command: Command;
  /** Target version for `to`, the version for `repair`. */
  version?: string | undefined;
  /** `repair`: mark the version applied or reverted. */
  mark: 'applied' | 'reverted';
  lockId?: string | undefined;
  reason?: string | undefined;
  confirm?: string | undefined;
  /** Token for the GitHub API; may be empty (then no comment and no approval check). */
  token: string;
  comment: boolean;
  /** Distinguishes the sticky comments of several manifests on one pull request. */
  commentKey: string;
  requireApproval: boolean;
  onPlanChange: 'fail' | 'replan';
  dryRun: boolean;
  /**
   * false: a fanned-out step's apply returns (status `running`) once its Step Functions execution
   * started; the execution records the step and releases the lock.
   */
  wait: boolean;
  /**
   * Re-run the failed or stopped step first (the CLI's apply --resume): a step stopped at its
   * checkpoints (time budget, stop) continues from them; a failed one is re-run when idempotent.
   */
  resume: boolean;
}

export const DEFAULT_MANIFEST = 'migrations/manifest.yaml';

/**
 * Reads and validates the inputs from the environment as the runner passes them
 * (`INPUT_<NAME>`, name upper-cased, hyphens kept). Pure: takes the env object, so tests need
 * no process state. Every error names the input and what it accepts.
 */
export function readSettings(env: Readonly<Record<string, string | undefined>>): ActionSettings {
  const get = (name: string): string => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
  const optional = (name: string): string | undefined => get(name) || undefined;

  const command = (get(Inputs.Command) || 'auto').toLowerCase();
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new InputError(
      `Input "${Inputs.Command}": "${command}" is not a command; use one of ${COMMANDS.join(', ')}.`,
    );
  }
  const settings: ActionSettings = {
    manifest: get(Inputs.Manifest) || DEFAULT_MANIFEST,
    environments: get(Inputs.Environment)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    command: command as Command,
    version: optional(Inputs.Version),
    mark: oneOf(get(Inputs.Mark) || 'applied', Inputs.Mark, ['applied', 'reverted'] as const),
    lockId: optional(Inputs.LockId),
    reason: optional(Inputs.Reason),
    confirm: optional(Inputs.Confirm),
    token: get(Inputs.GitHubToken),
    comment: bool(get(Inputs.Comment), Inputs.Comment, true),
    commentKey: get(Inputs.CommentKey),
    requireApproval: bool(get(Inputs.RequireApproval), Inputs.RequireApproval, false),
    onPlanChange: oneOf(get(Inputs.OnPlanChange) || 'fail', Inputs.OnPlanChange, ['fail', 'replan'] as const),
    dryRun: bool(get(Inputs.DryRun), Inputs.DryRun, false),
    wait: bool(get(Inputs.Wait), Inputs.Wait, true),
    resume: bool(get(Inputs.Resume), Inputs.Resume, false),
  };
  for (const name of settings.environments) {
    if (!/^[A-Za-z0-9_-]+$/.test(name)) {
      throw new InputError(
        `Input "${Inputs.Environment}": "${name}" is not an environment name (letters, digits, _ and -; several separated by commas).`,
      );
    }
  }
  if ((settings.command === 'to' || settings.command === 'repair') && !settings.version) {
    throw new InputError(
      `Input "${Inputs.Version}" is required with command "${settings.command}" (use 0.0.0 with "to" to roll everything back).`,
    );
  }
  if (settings.command === 'unlock' && !settings.lockId) {
    throw new InputError(
      `Input "${Inputs.LockId}" is required with command "unlock": it is shown in the PR comment, the job summary and the status command.`,
    );
  }
  if (settings.command === 'repair' && !settings.reason) {
    throw new InputError(
      `Input "${Inputs.Reason}" is required with command "repair": it is recorded in the audit log.`,
    );
  }
  if (settings.resume && ['unlock', 'repair', 'stop', 'drift', 'repeat', 'reset'].includes(settings.command)) {
    throw new InputError(
      `Input "${Inputs.Resume}": command "${settings.command}" does not re-run a step; resume goes with auto, apply, up, down or to.`,
    );
  }
  // Rolling back, resetting and repairing are deliberate acts on one table: no wildcards.
  const needsOne = ['up', 'down', 'repeat', 'reset', 'to', 'unlock', 'repair', 'stop'].includes(settings.command);
  if (needsOne && settings.environments.length !== 1) {
    throw new InputError(
      `Input "${Inputs.Environment}": command "${settings.command}" acts on exactly one environment; name it (got ${settings.environments.length ? settings.environments.join(', ') : 'none'}).`,
    );
  }
  return settings;
}

/** The `INPUT_*` variables for a settings-like object: for tests and the docs. */
export function inputEnv(
  inputs: Partial<Record<(typeof Inputs)[keyof typeof Inputs], string>>,
): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v ?? '']));
}

function bool(value: string, name: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  // The YAML 1.2 core schema's booleans, as @actions/core's getBooleanInput accepts them.
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(`Input "${name}": "${value}" is not a boolean; use true or false.`);
}

function oneOf<T extends string>(value: string, name: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`Input "${name}": "${value}" is not allowed; use one of ${allowed.join(', ')}.`);
}
