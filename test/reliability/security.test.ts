import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDist, makeWorkspace, prPayload, pushPayload, runAction } from '../action/harness';
import { runCli } from '../support/cli';
import { createTestTable, deleteTestTable, localClient, localEndpoint, scanAll } from '../support/dynamodb-local';
import { isWriteOperation, startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { startGitHubStub, type GitHubStub } from '../support/github-api-stub';
import { copyProject, FIXTURES } from '../support/project';
import { recordFigures } from './support/results';

/**
 * Security: a pull_request run sends DynamoDB no write call (checked on the wire); a fork's
 * pull request gets no apply path at all; text from migration files, error messages and branch
 * names reaches the PR comment as text, not markup; credentials and tokens appear in no log,
 * output, comment or audit-log entry.
 */

const client = localClient();
const tables: string[] = [];
let gh: GitHubStub;
let proxy: FaultProxy;
let tried = 0;
let passed = 0;
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzSECRETKEY';
const SESSION = 'IQoJb3JpZ2luX2VjEHSESSIONTOKENzzz';

beforeAll(async () => {
  await buildDist();
  gh = await startGitHubStub({ token: 'ghs_reliabilityTOKEN0123456789abcdef' });
  proxy = await startFaultProxy({ target: localEndpoint(), rates: {} });
}, 240_000);
afterAll(async () => {
  recordFigures('security', { security: { tried, passed } });
  await gh?.close();
  await proxy?.stop();
  for (const t of tables) await deleteTestTable(client, t);
});

async function newTable() {
  const t = await createTestTable(client);
  tables.push(t);
  return t;
}

function check(name: string, fn: () => Promise<void>) {
  test(name, async () => {
    tried++;
    await fn();
    passed++;
  });
}

/** Markdown with its fenced code blocks and code spans removed: what GitHub renders as markup. */
function outsideCode(md: string): string {
  return md.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '').replace(/(`+)[^`]*?\1/g, '');
}

const ours = (issue: number) =>
  (gh.comments.get(issue) ?? []).filter((c) => c.body.startsWith('<!-- dynamodb-migrate'));

describe('security', () => {
  check('a pull_request run makes no DynamoDB write call (as seen on the wire)', async () => {
    const table = await newTable();
    const ws = makeWorkspace({ table, migrations: ['1.0.0-seed.ts', '1.1.0-status.ts'] });
    const from = proxy.requests.length;
    const r = await runAction({
      workspace: ws,
      github: gh,
      dynamodb: proxy.endpoint,
      event: 'pull_request',
      payload: prPayload(101),
    });
    expect(r.code, r.stdout).toBe(0);
    const ops = proxy.requests
      .slice(from)
      .filter((q) => q.table === table)
      .map((q) => q.operation);
    expect(ops.length).toBeGreaterThan(0); // it did read the table's state
    expect(ops.filter(isWriteOperation)).toEqual([]);
    expect(await scanAll(client, table)).toEqual([]);
  });

  check("a fork's pull request gets no apply path, whatever the inputs say", async () => {
    const table = await newTable();
    const ws = makeWorkspace({ table, migrations: ['1.0.0-seed.ts'] });
    for (const inputs of [{}, { command: 'apply' }, { command: 'to', version: '1.0.0' }]) {
      const from = proxy.requests.length;
      const r = await runAction({
        workspace: ws,
        github: gh,
        dynamodb: proxy.endpoint,
        event: 'pull_request',
        payload: prPayload(102, { fork: true }),
        inputs,
      });
      expect(proxy.requests.slice(from).filter((q) => q.table === table)).toEqual([]);
      expect(r.outputs.status ?? '').not.toBe('applied');
      if (Object.keys(inputs).length) expect(r.code).not.toBe(0);
    }
    expect(await scanAll(client, table)).toEqual([]);
  });

  check('migration text, error messages and branch names cannot inject markup into the PR comment', async () => {
    const table = await newTable();
    const ws = makeWorkspace({ table, migrations: [] });
    for (const f of readdirSync(join(FIXTURES, 'reliability-markup')))
      cpSync(join(FIXTURES, 'reliability-markup', f), join(ws, 'migrations', f));
    const payload = prPayload(103) as {
      pull_request: { head: Record<string, unknown>; base: Record<string, unknown> };
    };
    payload.pull_request.head.ref = 'feat/<script>alert(4)</script>';
    payload.pull_request.base.ref = 'main</details><img src=y>';
    const r = await runAction({
      workspace: ws,
      github: gh,
      dynamodb: proxy.endpoint,
      event: 'pull_request',
      payload,
      ref: 'refs/pull/103/merge',
    });
    expect(r.code, r.stdout).toBe(0);
    const body = ours(103)[0]!.body;
    for (const text of [body, r.summary]) {
      expect(text).not.toMatch(/<img src=[xy]/i);
      expect(text).not.toMatch(/<script>/i);
      expect(text).not.toMatch(/(?<!\\)\]\(javascript:/i);
      expect((text.match(/<details[ >]/g) ?? []).length).toBe((text.match(/<\/details>/g) ?? []).length);
      expect((text.match(/<!-- dynamodb-migrate -->/g) ?? []).length).toBeLessThanOrEqual(1);
    }
    // The text is there, shown as text.
    expect(body).toMatch(/onerror=alert\(1\)/);

    // An error message with markup (a migration that cannot load), in the summary and outputs.
    const bad = makeWorkspace({ table, migrations: [] });
    cpSync(join(FIXTURES, 'reliability-markup', '1.0.0-markup.ts'), join(bad, 'migrations', '1.0.0-markup.ts'));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      join(bad, 'migrations', '1.1.0-boom.ts'),
      "throw new Error('``` <img src=x onerror=alert(5)></details><script>alert(6)</script>');\n",
    );
    const failed = await runAction({
      workspace: bad,
      github: gh,
      dynamodb: proxy.endpoint,
      event: 'pull_request',
      payload: prPayload(104),
    });
    expect(failed.code).toBe(2);
    // Inside a code block it is text; outside one it must not be there at all.
    for (const text of [failed.summary, ...ours(104).map((c) => c.body)].map(outsideCode)) {
      expect(text).not.toMatch(/<img src=x/i);
      expect(text).not.toMatch(/<script>/i);
      expect(text).not.toContain('</details>');
    }
    expect(failed.summary).toContain('alert(5)');
  });

  check('credentials and tokens never appear in logs, outputs, comments or the audit log', async () => {
    const table = await newTable();
    const ws = makeWorkspace({ table, migrations: ['1.0.0-seed.ts'] });
    const runs = [
      await runAction({
        workspace: ws,
        github: gh,
        dynamodb: proxy.endpoint,
        event: 'pull_request',
        payload: prPayload(105),
      }),
      await runAction({
        workspace: ws,
        github: gh,
        dynamodb: proxy.endpoint,
        event: 'push',
        payload: pushPayload(),
        sha: '5'.repeat(40),
      }),
    ];
    const token = gh.token;
    for (const r of runs) {
      // `::add-mask::` is how the runner is told to mask it: the one place it must appear.
      const logs = (r.stdout + r.stderr).split('\n').filter((l) => !l.startsWith('::add-mask::'));
      expect(logs.join('\n')).not.toContain(token);
      expect(JSON.stringify(r.outputs)).not.toContain(token);
      expect(r.summary).not.toContain(token);
    }
    for (const c of [...gh.comments.values()].flat()) expect(c.body).not.toContain(token);

    // The CLI with distinctive AWS credentials: a success, a failure and a bad input.
    const cliTable = await newTable();
    const { manifest } = copyProject('basic', cliTable);
    // DynamoDB Local keeps one database per access key id: keep the suite's, vary the secret parts.
    const env = { AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: SESSION, FAIL_110: '1' };
    const outs = [
      await runCli(['--manifest', manifest, '--endpoint', localEndpoint(), '-v', 'apply'], { env }),
      await runCli(['--manifest', manifest, '--endpoint', localEndpoint(), '-v', 'status', '--json'], { env }),
      await runCli(['--manifest', manifest, '--endpoint', 'http://127.0.0.1:9', '-v', 'plan'], { env }),
      await runCli(['--manifest', manifest, '--endpoint', localEndpoint(), '-v', 'log', '--json'], { env }),
    ];
    expect(outs[0]!.code, outs[0]!.stderr).toBe(1); // FAIL_110: a recorded failure, with its message
    expect(outs[3]!.stdout).toContain('boom in 1.1.0');
    const everything = [
      ...outs.map((o) => o.stdout + o.stderr),
      JSON.stringify(await scanAll(client, table)),
      JSON.stringify(await scanAll(client, cliTable)),
    ].join('\n');
    for (const secret of [SECRET, SESSION, token]) expect(everything).not.toContain(secret);
  });
});
