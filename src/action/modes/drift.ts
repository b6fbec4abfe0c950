import type { DriftReport } from '../../core/drift';
import type { Environment } from '../../core/manifest';
import { exitCodeOfDrift, statusOfDrift } from '../../core/outcome';
import type { ActionContext } from '../context';
import { eachEnvironment, type ModeResult, type Outcome } from '../outcome';

/** A drift check's section; any finding fails the run with the exit code of drift. */
export function driftOutcome(d: DriftReport, env: Pick<Environment, 'protected'>): Outcome {
  return {
    section: { plan: d.plan, phase: statusOfDrift(d), findings: d.findings, protected: env.protected },
    exitCode: exitCodeOfDrift(d),
  };
}

/** schedule and `command: drift`: compare each table with the manifest, read-only. */
export async function driftMode(run: ActionContext): Promise<ModeResult> {
  const outcomes = await eachEnvironment(
    run,
    (env) => `drift ${env.name} (${env.table})`,
    async (env) => {
      const d = await run.openSession(env, 'read-only').drift();
      for (const f of d.findings) run.io.warning(`${env.name}: ${f.message}`);
      return driftOutcome(d, env);
    },
  );
  return { outcomes, notes: [] };
}
