import { validateAction, validateWorkflow } from '@action-validator/core';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { Inputs, Outputs } from '../../src/github/constants';
import { ROOT } from './harness';

const actionText = readFileSync(join(ROOT, 'action.yml'), 'utf8');
const action = parse(actionText) as {
  inputs: Record<string, { description?: string; default?: unknown }>;
  outputs: Record<string, { description?: string }>;
  runs: { using: string; main: string };
};
const WORKFLOWS = join(ROOT, '.github', 'workflows');

describe('action.yml', () => {
  test('is valid against the action schema', () => {
    // @action-validator 0.6 predates node24 in its schema: validate the rest of the file with
    // node20 in its place, and check `using` below on its own.
    const errors = validateAction(actionText.replace('using: node24', 'using: node20')).errors;
    expect(errors).toEqual([]);
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  test('declares exactly the inputs and outputs the code reads and writes', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(Inputs).sort());
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(Outputs).sort());
  });

  test('every input is kebab-case, described, with a quoted default', () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(input.description, name).toBeTruthy();
      expect(typeof input.default, name).toBe('string');
      expect(actionText, name).toMatch(new RegExp(`\\n  ${name}:\\n(    .*\\n)*?    default: '[^']*'\\n`));
    }
    expect(action.inputs['github-token']?.default).toBe('${{ github.token }}');
    expect(action.inputs.manifest?.default).toBe('migrations/manifest.yaml');
    expect(action.inputs['on-plan-change']?.default).toBe('fail');
    for (const [name, output] of Object.entries(action.outputs)) expect(output.description, name).toBeTruthy();
    expect(action.outputs[Outputs.PreviousVersion]?.description).toMatch(/^The table's version before this run/);
    expect(action.outputs[Outputs.CurrentVersion]?.description).toMatch(/^The table's version when the run ends/);
  });
});

describe('.github/workflows', () => {
  const files = readdirSync(WORKFLOWS).filter((f) => f.endsWith('.yml'));

  test('ships ci, check-dist and the four workflows users copy', () => {
    expect(files.sort()).toEqual([
      'check-dist.yml',
      'ci.yml',
      'migrate-apply.yml',
      'migrate-dispatch.yml',
      'migrate-drift.yml',
      'migrate-plan.yml',
    ]);
  });

  test.each(readdirSync(WORKFLOWS).filter((f) => f.endsWith('.yml')))('%s is a valid workflow', (file) => {
    expect(validateWorkflow(readFileSync(join(WORKFLOWS, file), 'utf8')).errors).toEqual([]);
  });

  const wf = (file: string) =>
    parse(readFileSync(join(WORKFLOWS, file), 'utf8')) as {
      on: Record<string, { inputs?: Record<string, unknown> } | null>;
      permissions?: Record<string, string>;
      jobs: Record<
        string,
        {
          environment?: string;
          concurrency?: { group: string; 'cancel-in-progress': boolean };
          steps: { uses?: string; with?: Record<string, string> }[];
        }
      >;
    };
  const actionSteps = (file: string) =>
    Object.values(wf(file).jobs).flatMap((j) => j.steps.filter((s) => s.uses?.startsWith('dynamodb-migrate/')));

  test('the user workflows pass only inputs the action declares', () => {
    for (const file of files.filter((f) => f.startsWith('migrate-'))) {
      const steps = actionSteps(file);
      expect(steps.length, file).toBeGreaterThan(0);
      for (const s of steps)
        for (const k of Object.keys(s.with ?? {})) expect(Object.keys(action.inputs), `${file}: ${k}`).toContain(k);
    }
  });

  test('apply and dispatch jobs run in a GitHub Environment and a concurrency group per environment', () => {
    for (const file of ['migrate-apply.yml', 'migrate-dispatch.yml']) {
      for (const [name, job] of Object.entries(wf(file).jobs)) {
        expect(job.environment, `${file} ${name}`).toBeTruthy();
        expect(job.concurrency?.group, `${file} ${name}`).toContain(
          job.environment?.startsWith('${{') ? '${{ inputs.environment }}' : job.environment,
        );
        expect(job.concurrency?.['cancel-in-progress']).toBe(false);
      }
    }
  });

  test('the dispatch workflow offers every command but auto, and passes its inputs through', () => {
    const on = wf('migrate-dispatch.yml').on.workflow_dispatch!;
    const command = on.inputs!.command as { options: string[] };
    expect(command.options.sort()).toEqual([
      'apply',
      'down',
      'drift',
      'plan',
      'repair',
      'repeat',
      'reset',
      'to',
      'unlock',
      'up',
    ]);
    const step = actionSteps('migrate-dispatch.yml')[0]!;
    for (const k of Object.keys(on.inputs!)) expect(step.with?.[k]).toBe(`\${{ inputs.${k} }}`);
  });

  test('the plan workflow runs on pull requests and may comment; it never gets the apply role', () => {
    const plan = wf('migrate-plan.yml');
    expect(Object.keys(plan.on)).toEqual(['pull_request']);
    expect(plan.permissions?.['pull-requests']).toBe('write');
    expect(JSON.stringify(plan)).not.toContain('AWS_APPLY_ROLE_ARN');
  });
});
