import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/core/manifest';
import { commandInstead, studioAccess, workflowInstead } from '../../src/studio/access';

const prod = { name: 'production', table: 'store-prod', protected: true };
const dev = { name: 'dev', table: 'store-dev', protected: false };

describe('studio access', () => {
  it('is read-only on protected environments unless the manifest says otherwise', () => {
    expect(studioAccess({ protected: true })).toBe('read-only');
    expect(studioAccess({ protected: false })).toBe('read-write');
    expect(studioAccess({ protected: true, studio: 'read-write' })).toBe('read-write');
    expect(studioAccess({ protected: false, studio: 'read-only' })).toBe('read-only');
  });

  it('names the CLI command to run instead, with the confirmation a protected rollback needs', () => {
    expect(commandInstead(prod, { command: 'down' })).toBe(
      'dynamodb-migrate --env production --confirm store-prod down',
    );
    expect(commandInstead(prod, { command: 'to', version: '1.1.0' })).toBe(
      'dynamodb-migrate --env production --confirm store-prod to 1.1.0',
    );
    expect(commandInstead(dev, { command: 'apply', hash: 'abc' })).toBe('dynamodb-migrate --env dev apply --plan abc');
    expect(commandInstead(dev, { command: 'up' })).toBe('dynamodb-migrate --env dev up');
  });

  it('names the workflow dispatch with its inputs', () => {
    expect(workflowInstead(prod, { command: 'to', version: '1.0.0' })).toBe(
      'gh workflow run migrate-dispatch.yml -f environment=production -f command=to -f version=1.0.0 -f confirm=store-prod',
    );
    expect(workflowInstead(dev, { command: 'unlock' })).toBe(
      'gh workflow run migrate-dispatch.yml -f environment=dev -f command=unlock -f lock-id=<lock-id> -f reason="<why>"',
    );
  });
});

describe('the manifest key studio', () => {
  const manifest = (value: string) =>
    `version: 1\nenvironments:\n  production:\n    table: store-prod\n    protected: true\n    studio: ${value}\n`;

  it('takes read-only or read-write', () => {
    expect(parseManifest(manifest('read-write'), 'm.yaml').environments.production!.studio).toBe('read-write');
    expect(parseManifest(manifest('read-only'), 'm.yaml').environments.production!.studio).toBe('read-only');
  });

  it('refuses anything else, naming the file and the path', () => {
    expect(() => parseManifest(manifest('yes'), 'm.yaml')).toThrow(/m\.yaml.*environments\.production\.studio/s);
  });
});
