import { hostname, userInfo } from 'node:os';

/** Who runs this when nobody says: `user@host` (recorded in records, the lock and the audit log). */
export function defaultActor(): string {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    /* no passwd entry in some containers */
  }
  return `${user}@${hostname()}`;
}
