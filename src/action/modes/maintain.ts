import { EXIT, InputError } from '../../core/errors';
import type { ActionContext } from '../context';
import { failedOutcome, type ModeResult, type Outcome } from '../outcome';

/** unlock, repair and stop, by dispatch, on the one environment the inputs name. */
export async function maintainMode(run: ActionContext, mode: 'unlock' | 'repair' | 'stop'): Promise<ModeResult> {
  return { outcomes: [await maintainOne(run, mode)], notes: [] };
}

async function maintainOne(run: ActionContext, mode: 'unlock' | 'repair' | 'stop'): Promise<Outcome> {
  // readSettings requires exactly one environment for these commands.
  const env = run.environments[0]!;
  const { settings } = run;
  try {
    const session = run.openSession(env, 'write');
    let message: string;
    if (mode === 'unlock') {
      await session.unlock(settings.lockId!, settings.reason);
      message = `Removed lock ${settings.lockId} from ${env.table}.`;
    } else if (mode === 'stop') {
      // A fanned-out step's execution: recorded incomplete (resumable), the lock released.
      if (!session.stop)
        throw new InputError(
          `command "stop": ${env.name} has no state-machine, so no step of it runs in a Step Functions execution to stop.`,
        );
      message = await session.stop(settings.reason);
    } else {
      message = await session.repair({ version: settings.version!, mark: settings.mark, reason: settings.reason! });
    }
    run.io.notice(`${env.name}: ${message}`);
    const plan = await session.plan({ command: 'apply' });
    return { section: { plan, phase: 'applied', message, protected: env.protected }, exitCode: EXIT.ok };
  } catch (e) {
    return failedOutcome(run, env, e);
  }
}
