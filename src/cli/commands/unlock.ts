import type { Command } from 'commander';
import type { CommandContext } from '../command-context';
import { printText } from '../io';

/** `unlock <lock-id>`: removes a lock left by a dead run; the id proves the caller saw which one. */
export function registerUnlockCommand(program: Command, ctx: CommandContext): void {
  program
    .command('unlock')
    .argument('<lock-id>', 'the id of the lock to remove (shown by status)')
    .option('--reason <text>', 'why (recorded in the audit log)')
    .description('remove a lock left by a dead run')
    .action(async (lockId: string, o: { reason?: string }, cmd: Command) => {
      const s = await ctx.openSession(ctx.flags(cmd));
      await s.unlock(lockId, o.reason);
      printText(`unlocked ${s.environment.table} (lock ${lockId})`);
    });
}
