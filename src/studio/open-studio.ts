import { spawn } from 'node:child_process';
import type { GlobalFlags } from '../cli/flags';
import { parseRunFlags } from '../cli/flags';
import { stderrLogger } from '../cli/io';
import { ensureLocalTable } from '../cli/local-table';
import { InputError } from '../core/errors';
import type { Environment } from '../core/manifest';
import { resolveRunSettings } from '../core/run-settings';
import { createDynamoClient } from '../dynamodb/client';
import { startDynamoDbLocal } from '../dynamodb/local';
import { loadProject, type Project } from '../loader/load-project';
import { defaultActor } from '../runner/actor';
import { openMigrationSession } from '../runner/open-session';
import type { MigrationSession } from '../runner/session';
import { StudioApi } from './api';
import { EventHub } from './events';
import { ItemBrowser } from './items';
import { readOnlyClient } from '../runner/local/read-only-client';
import { type RunningStudio, startStudioServer } from './server';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** What `dynamodb-migrate studio` was asked for. */
export interface StudioOptions {
  port: number;
  open: boolean;
}

/** The studio's default read rate for its data view when the manifest gives none (RCU/s). */
export const STUDIO_READ_RATE = 100;

/**
 * `dynamodb-migrate studio`: loads the project once, opens one session per environment of the
 * manifest (the CLI's sessions, their loggers also telling the page), serves the page, prints
 * its address, and serves until the process is interrupted.
 */
export async function runStudio(f: GlobalFlags, o: StudioOptions, until: Promise<void> = interrupted()): Promise<void> {
  const cleanups: (() => Promise<void>)[] = [];
  try {
    const studio = await openStudio(f, o, cleanups);
    cleanups.unshift(() => studio.close());
    process.stdout.write(
      `dynamodb-migrate studio for ${f.manifest}\n  open ${studio.url}\n  (the address holds a token made for this run: keep it to yourself; Ctrl-C stops the studio)\n`,
    );
    if (o.open) openBrowser(studio.url);
    await until;
  } finally {
    for (const c of cleanups) await c().catch(() => undefined);
  }
}

/** The studio started: its server, the sessions it opens on demand, an embedded DynamoDB Local with --local. */
export async function openStudio(
  f: GlobalFlags,
  o: Pick<StudioOptions, 'port'>,
  cleanups: (() => Promise<void>)[],
): Promise<RunningStudio> {
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65_535) {
    throw new InputError(`--port ${o.port}: expected a port number from 0 (any free port) to 65535.`);
  }
  const run = parseRunFlags(f, process.env);
  const project = await loadProject(f.manifest);
  const hub = new EventHub();
  const terminal = stderrLogger(!!f.verbose);
  const local = f.local ? await localTables(f, project, cleanups) : undefined;
  const sessions = new Map<string, MigrationSession>();
  const session = (env: Environment): MigrationSession => {
    const open = sessions.get(env.name);
    if (open) return open;
    const log = hub.loggerFor(env.name, terminal);
    const settings = resolveRunSettings(
      env,
      {
        actor: process.env.DYNAMODB_MIGRATE_ACTOR,
        lockTimeoutSeconds: run.lockTimeoutSeconds,
        samplePercent: run.samplePercent,
        canaryPercent: run.canaryPercent,
      },
      { now: Date.now(), defaultActor: defaultActor() },
    );
    const region = f.region ?? env.region;
    const s = local
      ? openMigrationSession(project, { ...env, runner: 'local' }, settings, { client: local, region, log })
      : openMigrationSession(project, env, settings, { endpoint: run.endpoint, region, log });
    sessions.set(env.name, s);
    return s;
  };
  const browsers = new Map<string, ItemBrowser>();
  const items = (env: Environment): ItemBrowser | undefined => {
    if (env.runner === 'lambda' && !local) return undefined;
    let b = browsers.get(env.name);
    if (!b) {
      const region = f.region ?? env.region;
      const client = local ?? createDynamoClient({ endpoint: run.endpoint, region });
      b = new ItemBrowser({
        client: readOnlyClient(client),
        table: env.table,
        readRate: env['read-rate'] ?? STUDIO_READ_RATE,
      });
      browsers.set(env.name, b);
    }
    return b;
  };
  const api = new StudioApi({ project, session, items, hub, now: Date.now, defaultReadRate: STUDIO_READ_RATE });
  return startStudioServer({ api, hub, port: o.port });
}

/** --local: one embedded DynamoDB Local (data in .dynamodb-local/, as the CLI's --local) with every environment's table. */
async function localTables(f: GlobalFlags, project: Project, cleanups: (() => Promise<void>)[]) {
  const dbPath = resolve(dirname(resolve(f.manifest)), '..', '.dynamodb-local');
  mkdirSync(dbPath, { recursive: true });
  const engine = await startDynamoDbLocal({ dbPath });
  cleanups.push(() => engine.stop());
  const client = createDynamoClient({ endpoint: engine.endpoint, region: f.region ?? 'us-east-1', local: true });
  for (const name of Object.keys(project.manifest.environments)) {
    await ensureLocalTable(client, project.manifest.environments[name]!.table, project.migrations.at(-1)?.schema);
  }
  return client;
}

function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/** --open: the system's browser on the address (best effort; the address is printed anyway). */
function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // The address is on the terminal; nothing else to do.
  }
}
