import { RefusedError } from './errors';
import type { Environment } from './manifest';
import type { PlanCommand } from './types';

/** Commands that move a table backwards or rewrite its history: confirmed by a person. */
export const DESTRUCTIVE: ReadonlySet<PlanCommand> = new Set(['down', 'to', 'reset']);

/**
 * On a protected environment, a down/to needs `confirm` equal to the table name (as a
 * dispatch input or --confirm), and reset is refused outright. Shared by CLI and action.
 */
export function checkConfirmation(
  env: Pick<Environment, 'name' | 'table' | 'protected'>,
  command: PlanCommand,
  confirm: string | undefined,
  inputName = '--confirm',
): void {
  if (!env.protected) return;
  if (command === 'reset') {
    throw new RefusedError(`reset is refused on ${env.name}: the environment is protected.`);
  }
  if ((command === 'down' || command === 'to') && confirm !== env.table) {
    throw new RefusedError(
      `${command} on protected environment ${env.name} needs ${inputName} ${env.table} (the table name) to confirm the rollback${confirm ? `; got "${confirm}"` : ''}.`,
    );
  }
}
