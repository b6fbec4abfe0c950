import type { Environment } from '../core/manifest';
import type { PlanCommand } from '../core/types';

/** What the studio may do on an environment: run its buttons, or only show what to run instead. */
export type StudioAccess = 'read-only' | 'read-write';

/** The manifest's `studio:` key; unset, protected environments are read-only and the others read-write. */
export function studioAccess(env: Pick<Environment, 'studio' | 'protected'>): StudioAccess {
  return env.studio ?? (env.protected ? 'read-only' : 'read-write');
}

/** What a person runs instead of a button the studio will not press: the CLI's command for the same action. */
export function commandInstead(
  env: Pick<Environment, 'name' | 'table' | 'protected'>,
  action: { command: PlanCommand | 'unlock' | 'repair'; version?: string | undefined; hash?: string | undefined },
): string {
  const base = `dynamodb-migrate --env ${env.name}`;
  const confirm = env.protected ? ` --confirm ${env.table}` : '';
  switch (action.command) {
    case 'apply':
      return `${base} apply${action.hash ? ` --plan ${action.hash}` : ''}`;
    case 'to':
      return `${base}${confirm} to ${action.version ?? '<version>'}`;
    case 'down':
      return `${base}${confirm} down`;
    case 'unlock':
      return `${base} unlock <lock-id> --reason "<why>"`;
    case 'repair':
      return `${base} repair --version ${action.version ?? '<version>'} --mark applied|reverted --reason "<why>"`;
    default:
      return `${base} ${action.command}`;
  }
}

/** The same action as a dispatch of the workflow `dynamodb-migrate init` writes (migrate-dispatch.yml). */
export function workflowInstead(
  env: Pick<Environment, 'name' | 'table' | 'protected'>,
  action: { command: PlanCommand | 'unlock' | 'repair'; version?: string | undefined },
): string {
  const f = [`environment=${env.name}`, `command=${action.command}`];
  if (action.command === 'to' || action.command === 'repair') f.push(`version=${action.version ?? '<version>'}`);
  if (action.command === 'unlock') f.push('lock-id=<lock-id>', 'reason="<why>"');
  if (action.command === 'repair') f.push('mark=applied', 'reason="<why>"');
  if (env.protected && (action.command === 'down' || action.command === 'to')) f.push(`confirm=${env.table}`);
  return `gh workflow run migrate-dispatch.yml ${f.map((x) => `-f ${x}`).join(' ')}`;
}
