import { expect, test } from 'vitest';
import { InputError } from '../../src/core/errors';
import { inputEnv, readSettings } from '../../src/github/inputs';

test('defaults: manifest, all environments, auto, comment on, approval off, fail on plan change', () => {
  expect(readSettings({})).toEqual({
    manifest: 'migrations/manifest.yaml',
    environments: [],
    command: 'auto',
    version: undefined,
    mark: 'applied',
    lockId: undefined,
    reason: undefined,
    confirm: undefined,
    token: '',
    comment: true,
    commentKey: '',
    requireApproval: false,
    onPlanChange: 'fail',
    dryRun: false,
    wait: true,
    resume: false,
  });
});

test('reads INPUT_* the way the runner names them (upper case, hyphens kept)', () => {
  const s = readSettings({
    ...inputEnv({
      environment: ' dev, production ',
      command: 'plan',
      'require-approval': 'true',
      'on-plan-change': 'replan',
      'dry-run': 'True',
      comment: 'false',
      wait: 'false',
      resume: 'true',
    }),
    'INPUT_GITHUB-TOKEN': 'ghs_x',
  });
  expect(s).toMatchObject({
    environments: ['dev', 'production'],
    command: 'plan',
    requireApproval: true,
    onPlanChange: 'replan',
    dryRun: true,
    comment: false,
    wait: false,
    resume: true,
    token: 'ghs_x',
  });
});

test.each([
  [{ command: 'rollback' }, 'Input "command": "rollback" is not a command'],
  [{ 'require-approval': 'yes' }, 'Input "require-approval": "yes" is not a boolean'],
  [{ 'on-plan-change': 'ignore' }, 'Input "on-plan-change": "ignore" is not allowed; use one of fail, replan'],
  [{ command: 'to', environment: 'dev' }, 'Input "version" is required with command "to"'],
  [{ command: 'unlock', environment: 'dev' }, 'Input "lock-id" is required with command "unlock"'],
  [{ command: 'repair', environment: 'dev', version: '1.0.0' }, 'Input "reason" is required with command "repair"'],
  [{ command: 'down' }, 'Input "environment": command "down" acts on exactly one environment'],
  [{ command: 'down', environment: 'dev,prod' }, 'acts on exactly one environment; name it (got dev, prod)'],
  [{ environment: 'dev;rm' }, 'Input "environment": "dev;rm" is not an environment name'],
  [{ mark: 'maybe' }, 'Input "mark": "maybe" is not allowed'],
  [{ wait: 'later' }, 'Input "wait": "later" is not a boolean'],
  [{ command: 'stop' }, 'Input "environment": command "stop" acts on exactly one environment'],
  [{ resume: 'yes' }, 'Input "resume": "yes" is not a boolean'],
  [
    { command: 'unlock', environment: 'dev', 'lock-id': 'x', resume: 'true' },
    'Input "resume": command "unlock" does not re-run a step',
  ],
] as const)('bad input %j names the input', (inputs, message) => {
  const run = () => readSettings(inputEnv(inputs));
  expect(run).toThrow(InputError);
  expect(run).toThrow(message);
});
