import type { OutputStatus } from '../core/status-vocabulary';

/**
 * Names of the action's inputs and outputs, as action.yml declares them. Code refers to
 * these, never to loose strings, so a rename is one edit here and one in action.yml (a test
 * checks the two agree).
 */
export const Inputs = {
  Manifest: 'manifest',
  Environment: 'environment',
  Command: 'command',
  Version: 'version',
  Mark: 'mark',
  LockId: 'lock-id',
  Reason: 'reason',
  Confirm: 'confirm',
  GitHubToken: 'github-token',
  Comment: 'comment',
  CommentKey: 'comment-key',
  RequireApproval: 'require-approval',
  OnPlanChange: 'on-plan-change',
  DryRun: 'dry-run',
  Wait: 'wait',
  Resume: 'resume',
} as const;

export const Outputs = {
  CurrentVersion: 'current-version',
  PreviousVersion: 'previous-version',
  TargetVersion: 'target-version',
  Direction: 'direction',
  Steps: 'steps',
  PlanHash: 'plan-hash',
  Changed: 'changed',
  Applied: 'applied',
  Status: 'status',
  LockId: 'lock-id',
  CommentUrl: 'comment-url',
} as const;

/** Every value of the `command` input. */
export const COMMANDS = [
  'auto',
  'plan',
  'apply',
  'up',
  'down',
  'repeat',
  'reset',
  'to',
  'unlock',
  'repair',
  'stop',
  'drift',
] as const;
export type Command = (typeof COMMANDS)[number];

/** Every value of the `status` output (the documented subset of core/status-vocabulary.ts). */
export type ActionStatus = OutputStatus;
