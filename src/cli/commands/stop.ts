import type { Command } from 'commander';
import { InputError } from '../../core/errors';
import type { CommandContext } from '../command-context';
import { printText } from '../io';

/**
 * `stop`: stops the Step Functions execution running a fanned-out step of the environment's
 * table: the step is recorded incomplete (apply --resume continues it) and the lock released.
 */
export function registerStopCommand(program: Command, ctx: CommandContext): void {
  program
    .command('stop')
    .option('--reason <text>', "why (recorded as the execution's stop cause)")
    .description("stop a fanned-out step's execution: recorded incomplete, resumable, lock released")
    .action(async (o: { reason?: string }, cmd: Command) => {
      const s = await ctx.openSession(ctx.flags(cmd));
      if (!s.stop)
        throw new InputError(
          `environments.${s.environment.name} runs in this process (runner: local): stop it where it runs (Ctrl-C stops it at a checkpoint); stop is for steps fanned out by a state machine.`,
        );
      printText(await s.stop(o.reason));
    });
}
