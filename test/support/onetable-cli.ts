import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { valid as semverValid, compare as semverCompare } from 'semver';

/**
 * SenseDeep's `onetable` CLI (onetable-cli 1.3.5, src/cli.js) as it drives a controller through
 * its `arn` setting: the same decisions per command, and the same events on the wire, so tests
 * can send exactly what a team running `onetable` sends. Its behaviour, restated here (read from
 * the CLI's source; not its code):
 * - every event is `{cmd, config: <the onetable block of migrate.json5>, args?}`; `args` only
 *   when the command has some; for apply `{action, version, params: {dry}}`, where dry is
 *   "Dry Run: " with `--dry` and "" without;
 * - before any command it calls getCurrentVersion once (its connection check);
 * - it reads `Payload.error` for failures, which Lambda never sets (it sets `errorMessage` and
 *   the FunctionError header), so a thrown error reaches it as an undefined result: recorded
 *   here in `errors` for the tests, as the user would not see it;
 * - `<version>` below the current version reverts one apply per past-migration record above it,
 *   newest first, passing the record object itself as the version;
 * - `repeat` names the newest record's version; `down` the newest semver record's version;
 *   `up` the first outstanding version (with `--retry-failed`, trailing failed records first, as repeat).
 */
export interface OneTableCliRun {
  /** Every event sent, in order. */
  events: { cmd: string; config: Record<string, unknown>; args?: Record<string, unknown> }[];
  /** What the CLI printed. */
  printed: string[];
  /** Lambda function errors the CLI did not notice (it reads Payload.error). */
  errors: { cmd: string; errorType: string; errorMessage: string }[];
}

export interface OneTableCliOptions {
  dry?: boolean;
  retryFailed?: boolean;
}

export async function oneTableCli(
  lambda: LambdaClient,
  functionName: string,
  config: Record<string, unknown>,
  argv: string,
  o: OneTableCliOptions = {},
): Promise<OneTableCliRun> {
  const run: OneTableCliRun = { events: [], printed: [], errors: [] };
  const print = (s: string): void => {
    run.printed.push(s);
  };
  const invoke = async (cmd: string, args?: Record<string, unknown>): Promise<any> => {
    const event = { cmd, config, ...(args ? { args } : {}) };
    // JSON as the CLI sends it: undefined members dropped.
    const payload = JSON.stringify(event, null, 2);
    run.events.push(JSON.parse(payload));
    const res = await lambda.send(
      new InvokeCommand({
        FunctionName: `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`,
        InvocationType: 'RequestResponse',
        LogType: 'Tail',
        Payload: payload,
      }),
    );
    const answer = JSON.parse(new TextDecoder().decode(res.Payload));
    if (res.FunctionError) run.errors.push({ cmd, errorType: answer.errorType, errorMessage: answer.errorMessage });
    if (answer.error) throw new Error(`Cannot invoke ${cmd}: ${answer.error}`);
    return answer.body;
  };
  const dry = o.dry ? 'Dry Run: ' : '';

  await invoke('getCurrentVersion');
  const cmd = argv.trim();
  if (cmd === 'status') {
    print(String(await invoke('getCurrentVersion')));
  } else if (cmd === 'list') {
    const past: any[] = (await invoke('getPastMigrations')) ?? [];
    if (!past.length) print('No migrations applied');
    for (const m of past) print(`${m.date}  ${String(m.version).padStart(20)}   ${m.description}`);
  } else if (cmd === 'outstanding') {
    const versions: string[] = await invoke('getOutstandingVersions');
    print(versions.length ? versions.join('\n') : 'none');
  } else if (cmd === 'named') {
    const list: string[] = await invoke('getNamedMigrations');
    print(list.length ? list.join('\n') : 'none');
  } else {
    await migrate(cmd === 'all' ? undefined : cmd === 'latest' ? 'reset' : cmd);
  }
  return run;

  async function migrate(given: string | undefined): Promise<void> {
    const outstanding: string[] = await invoke('getOutstandingVersions');
    let target = given;
    if (!target) {
      if (!outstanding.length) return print('All migrations applied');
      target = outstanding.at(-1)!;
    }
    const past: any[] = (await invoke('getPastMigrations')) ?? [];
    const pastVersions = past.filter((m) => semverValid(m.version));
    const current: string = await invoke('getCurrentVersion');
    const newestFirst = [...past].reverse();
    const failed: any[] = [];
    for (const m of newestFirst) {
      if (m.status !== 'success') failed.push(m);
      else break;
    }
    let action: string;
    let versions: unknown[] = [];
    if (target === 'reset') {
      action = 'reset';
      versions = ['reset'];
    } else if (target === 'repeat') {
      action = 'repeat';
      if (newestFirst[0]) versions = [newestFirst[0].version];
    } else if (target === 'up') {
      action = 'up';
      if (o.retryFailed && failed.length) versions = failed.map((m) => m.version).reverse();
      if (outstanding.length) versions.push(outstanding[0]);
      if (!versions.length) return print('All migrations applied');
    } else if (target === 'down') {
      action = 'down';
      const newest = [...pastVersions].reverse()[0];
      if (newest) versions = [newest.version];
    } else if (semverValid(target)) {
      if (semverCompare(target, current) < 0) {
        action = 'down';
        // The CLI dereferences the found record (a TypeError when the target was never applied).
        if (target !== '0.0.0' && pastVersions.find((p) => p.version === target) === undefined)
          throw new TypeError(`Cannot read properties of undefined (reading 'length')`);
        versions = [...pastVersions].reverse().filter((v) => semverCompare(v.version, target!) > 0);
      } else {
        action = 'up';
        if (semverCompare(target, current) <= 0) return print('Migration already applied');
        versions = outstanding.filter((v) => semverCompare(v, current) >= 0 && semverCompare(v, target!) <= 0);
      }
    } else {
      action = target;
      versions = [target];
    }
    if (!versions.length) return print(`Already at target version: ${current}`);
    for (const version of versions) {
      const a = failed.some((m) => m.version === version) ? 'repeat' : action;
      const m = await invoke('apply', { action: a, version, params: { dry } });
      print(`${a} "${typeof version === 'string' ? version : String(version)} - ${m?.description}"`);
    }
    print(`Current database version: ${await invoke('getCurrentVersion')}`);
  }
}
