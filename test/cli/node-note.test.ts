import { describe, expect, test } from 'vitest';
import { commandOf, nodeSupportNote, showsNodeNote } from '../../src/core/node-support';
import { runCli } from '../support/cli';
import { createTestTable, localClient, localEndpoint } from '../support/dynamodb-local';
import { copyProject } from '../support/project';

const VALUE_OPTIONS = new Set(['--manifest', '--env', '--endpoint']);

describe('the Node version note', () => {
  test('names the version and the support end, in one line, only below Node 22', () => {
    const dec2026 = Date.parse('2026-12-01T00:00:00Z');
    const note = nodeSupportNote('v20.20.2', dec2026);
    expect(note).toBe(
      'Node v20.20.2 reached its end of life on 2026-04-30; this release runs on it, but AWS SDK releases published after the first week of January 2027 (and ours built on them) need Node 22 or later: move to Node 22 or 24.',
    );
    expect(nodeSupportNote('v20.11.0', Date.parse('2026-01-01T00:00:00Z'))).toMatch(
      /^Node v20\.11\.0 reaches its end of life on 2026-04-30;/,
    );
    expect(nodeSupportNote('v18.20.0', dec2026)).toBe(
      'Node v18.20.0 is not supported: dynamodb-migrate needs Node 20 or later (22 or 24 recommended).',
    );
    expect(nodeSupportNote('v22.12.0', dec2026)).toBeUndefined();
    expect(nodeSupportNote('v24.1.0', dec2026)).toBeUndefined();
  });

  test('is shown by status, init and --verbose, not by other commands or help', () => {
    expect(showsNodeNote(['status'], VALUE_OPTIONS)).toBe(true);
    expect(showsNodeNote(['--manifest', 'm.yaml', '--env', 'dev', 'status', '--json'], VALUE_OPTIONS)).toBe(true);
    expect(showsNodeNote(['init', '--table', 'a-dev'], VALUE_OPTIONS)).toBe(true);
    expect(showsNodeNote(['-v', 'plan'], VALUE_OPTIONS)).toBe(true);
    expect(showsNodeNote(['plan', '--verbose'], VALUE_OPTIONS)).toBe(true);
    expect(showsNodeNote(['plan'], VALUE_OPTIONS)).toBe(false);
    expect(showsNodeNote(['apply', '--yes'], VALUE_OPTIONS)).toBe(false);
    expect(showsNodeNote(['status', '--help'], VALUE_OPTIONS)).toBe(false);
    // "status" as the value of an option is not the command.
    expect(commandOf(['--env', 'status', 'plan'], VALUE_OPTIONS)).toBe('plan');
    expect(showsNodeNote(['--env', 'status', 'plan'], VALUE_OPTIONS)).toBe(false);
  });

  test("the CLI never prints the SDK's seven-line warning; status prints our note once", async () => {
    const table = await createTestTable(localClient());
    const { manifest } = copyProject('basic', table);
    // As a user runs it: the SDK's own switch not set.
    const env = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: undefined };
    const args = ['--manifest', manifest, '--endpoint', localEndpoint()];
    const note = nodeSupportNote(process.version, Date.now());

    const status = await runCli([...args, 'status'], { env });
    expect(status.code).toBe(0);
    expect(status.stderr).not.toContain('NodeVersionSupportWarning');
    expect(status.stderr.split('\n').filter((l) => l.startsWith('note: Node ')).length).toBe(note ? 1 : 0);
    if (note) expect(status.stderr).toContain(`note: ${note}\n`);

    const plan = await runCli([...args, 'plan'], { env });
    expect(plan.code).toBe(0);
    expect(plan.stderr).not.toContain('NodeVersionSupportWarning');
    expect(plan.stderr).not.toContain('note: Node ');
  });
});
