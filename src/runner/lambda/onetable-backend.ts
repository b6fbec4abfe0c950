import type { Plan, PlanStep } from '../../core/types';
import type { PlanInput } from '../session';
import type { StepLedger } from '../step/ledger';
import type { DryRunBackend, RunBackend, RunLease } from '../step/run-plan';
import type { ControllerClient } from './controller-client';

/** OneTable's action for a step: its down reverts the version it names; its up runs every version up to it. */
function actionOf(step: PlanStep): 'up' | 'down' | 'reset' | 'repeat' {
  if (step.kind === 'reset') return 'reset';
  if (step.kind === 'repeat' || (step.kind === 'resume' && step.direction === 'up')) return 'repeat';
  return step.direction;
}

/**
 * A OneTable Controller's steps: one `apply` per step; the controller records the step itself
 * (OneTable's records, no ledger of ours), and a failure is the Lambda error it throws.
 */
export function oneTableSteps(controller: ControllerClient, dry: boolean): DryRunBackend<undefined> {
  const ledger: StepLedger<undefined> = { begin: async () => undefined, finish: async () => undefined };
  return {
    ledger,
    body: async (step) => {
      try {
        await controller.invoke('apply', { action: actionOf(step), version: step.version, params: { dry } }, { dry });
        return { incomplete: false };
      } catch (e) {
        return { error: e, incomplete: false };
      }
    },
  };
}

/**
 * An existing OneTable Controller as a run's backend: it has no lock and no audit log (the plan
 * warns about the lock), so those are no-ops here; plans are made on this side from its answers,
 * and the table's version read back with getCurrentVersion.
 */
export function oneTableBackend(
  controller: ControllerClient,
  o: { plan: (input: PlanInput) => Promise<Plan> },
): RunBackend<undefined> {
  const steps = oneTableSteps(controller, false);
  const lease: RunLease = { signal: new AbortController().signal, renew: async () => undefined, stop: () => undefined };
  return {
    // No lock to take: the id says so wherever a report shows it.
    acquireLock: async () => ({ lockId: 'none (OneTable Controller)', leaseExpiresAt: Number.MAX_SAFE_INTEGER }),
    hold: () => lease,
    releaseLock: async () => undefined,
    plan: o.plan,
    audit: async () => undefined,
    steps: () => steps,
    currentVersion: () => controller.invoke<string>('getCurrentVersion'),
  };
}
