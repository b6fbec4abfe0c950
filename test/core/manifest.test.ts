import { describe, expect, test } from 'vitest';
import { ManifestError } from '../../src/core/errors';
import { manifestJsonSchema, parseManifest, selectEnvironment } from '../../src/core/manifest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ok = `version: 1
migrations: .
environments:
  dev: { table: orders-dev, target: latest, allow-reset: true }
  production: { table: orders-prod, target: 1.4.0, protected: true, runner: lambda, function: migrate }
`;

describe('manifest', () => {
  test('parses and fills defaults', () => {
    const m = parseManifest(ok, 'm.yaml');
    expect(m.environments.dev).toMatchObject({ table: 'orders-dev', runner: 'local', protected: false });
    expect(selectEnvironment(m, 'm.yaml').name).toBe('dev');
    expect(selectEnvironment(m, 'm.yaml', 'production').function).toBe('migrate');
  });

  test.each([
    ['invalid YAML', 'version: 1\nenvironments: [unclosed', /m\.yaml:\d+:\d+: invalid YAML/],
    [
      'unknown key',
      ok.replace('migrations: .', 'migrations: .\nenvironmentz: {}'),
      /m\.yaml: \(top level\): unknown key "environmentz"/,
    ],
    [
      'bad target',
      ok.replace('target: 1.4.0', 'target: v1.4'),
      /environments\.production\.target: expected "latest" or a semver/,
    ],
    [
      'lambda without function',
      ok.replace(', function: migrate', ''),
      /environments\.production\.function: runner: lambda needs function/,
    ],
    [
      'protected with allow-reset',
      ok.replace('protected: true', 'protected: true, allow-reset: true'),
      /cannot allow reset/,
    ],
    ['no environments', 'version: 1\nenvironments: {}\n', /declare at least one environment/],
    [
      'state-machine without runner: lambda',
      ok.replace(
        'allow-reset: true }',
        'allow-reset: true, state-machine: "arn:aws:states:us-east-1:123456789012:stateMachine:steps" }',
      ),
      /environments\.dev\.state-machine: state-machine needs runner: lambda/,
    ],
    [
      'state-machine not an ARN',
      ok.replace('function: migrate }', 'function: migrate, state-machine: steps }'),
      /environments\.production\.state-machine: expected the ARN of a state machine/,
    ],
    [
      'segments without a state machine',
      ok.replace('function: migrate }', 'function: migrate, segments: 16 }'),
      /environments\.production\.segments: segments sets how a big step fans out, which needs state-machine/,
    ],
    [
      'concurrency not a whole number',
      ok.replace(
        'function: migrate }',
        'function: migrate, concurrency: 2.5, state-machine: "arn:aws:states:us-east-1:123456789012:stateMachine:steps" }',
      ),
      /environments\.production\.concurrency: /,
    ],
    ['wrong format version', ok.replace('version: 1', 'version: 2'), /version: /],
  ])('%s is one clear ManifestError naming the file and path', (_name, text, message) => {
    expect(() => parseManifest(text, 'm.yaml')).toThrow(ManifestError);
    expect(() => parseManifest(text, 'm.yaml')).toThrow(message);
  });

  test('state-machine: the ARN of the state machine of a lambda environment', () => {
    const arn = 'arn:aws:states:us-east-1:123456789012:stateMachine:migrate-controller-steps';
    const m = parseManifest(
      ok.replace('function: migrate }', `function: migrate, state-machine: "${arn}" }`),
      'm.yaml',
    );
    expect(selectEnvironment(m, 'm.yaml', 'production')['state-machine']).toBe(arn);
    const fanned = parseManifest(
      ok.replace('function: migrate }', `function: migrate, state-machine: "${arn}", segments: 256, concurrency: 32 }`),
      'm.yaml',
    );
    expect(selectEnvironment(fanned, 'm.yaml', 'production')).toMatchObject({ segments: 256, concurrency: 32 });
  });

  test('a missing environment names the ones that exist', () => {
    expect(() => selectEnvironment(parseManifest(ok, 'm.yaml'), 'm.yaml', 'staging')).toThrow(
      /no environment "staging"; the manifest declares dev, production/,
    );
  });

  test("rehearse: the PR plan's rehearsal (true: 1 percent, { sample: P }); a bad value names the path; --rehearse with --sample wins", async () => {
    const { rehearsalSample } = await import('../../src/core/analyzers/findings');
    const withKey = (v: string) => ok.replace('allow-reset: true }', `allow-reset: true, rehearse: ${v} }`);
    const env = (v: string) => parseManifest(withKey(v), 'm.yaml').environments.dev!;
    expect(rehearsalSample(env('true'))).toBe(1);
    expect(rehearsalSample(env('{ sample: 5 }'))).toBe(5);
    expect(rehearsalSample(env('false'))).toBeUndefined();
    expect(rehearsalSample(parseManifest(ok, 'm.yaml').environments.dev!)).toBeUndefined();
    expect(rehearsalSample(env('false'), { rehearse: true, samplePercent: 10 })).toBe(10);
    expect(rehearsalSample(env('{ sample: 5 }'), { rehearse: true })).toBe(1);
    expect(() => parseManifest(withKey('{ sample: 150 }'), 'm.yaml')).toThrow(/environments\.dev\.rehearse/);
    expect(() => parseManifest(withKey('sometimes'), 'm.yaml')).toThrow(ManifestError);
  });

  test('the published JSON Schema is the one generated from the zod schema', () => {
    const published = JSON.parse(readFileSync(join(import.meta.dirname, '../../schema/manifest.schema.json'), 'utf8'));
    expect(published).toEqual(manifestJsonSchema());
  });
});
