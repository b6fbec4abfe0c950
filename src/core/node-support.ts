/**
 * Which Node versions this tool supports, and the one-line note the CLI shows in place of the
 * AWS SDK's seven-line warning (once, where a user looks: `status`, `init`, `--verbose`).
 */

/** Node release lines this release supports and is tested on (README, "Supported Node versions"). */
export const SUPPORTED_NODE_MAJORS = [20, 22, 24] as const;

/** End of life of the Node release lines the note can name (the Node.js release schedule). */
const END_OF_LIFE: Record<number, string> = { 18: '2025-04-30', 20: '2026-04-30' };

/** From when the AWS SDK for JavaScript v3 needs Node 22 (its own NodeVersionSupportWarning). */
const SDK_NEEDS_22_AFTER = 'the first week of January 2027';

/** Commands whose output is where a user checks their setup: the note is shown there. */
const NOTE_COMMANDS = new Set(['status', 'init']);

/**
 * The note for a Node version (`process.version`), or undefined when there is nothing to say.
 * `now` decides between "reaches" and "reached".
 */
export function nodeSupportNote(version: string, now: number): string | undefined {
  const major = Number.parseInt(version.replace(/^v/, ''), 10);
  if (!Number.isFinite(major) || major >= 22) return undefined;
  if (major < 20)
    return `Node ${version} is not supported: dynamodb-migrate needs Node 20 or later (22 or 24 recommended).`;
  const eol = END_OF_LIFE[major] ?? END_OF_LIFE[20]!;
  const reach = now >= Date.parse(`${eol}T00:00:00Z`) ? 'reached' : 'reaches';
  return `Node ${version} ${reach} its end of life on ${eol}; this release runs on it, but AWS SDK releases published after ${SDK_NEEDS_22_AFTER} (and ours built on them) need Node 22 or later: move to Node 22 or 24.`;
}

/**
 * The command an argv names: its first word that is neither an option nor the value of one of
 * `valueOptions` (global options written before the command, as commander requires).
 */
export function commandOf(argv: readonly string[], valueOptions: ReadonlySet<string>): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return argv[i + 1];
    if (!a.startsWith('-')) return a;
    if (valueOptions.has(a)) i++;
  }
  return undefined;
}

/** Whether this run shows the note: `--verbose`, or a command where a user checks the setup. */
export function showsNodeNote(argv: readonly string[], valueOptions: ReadonlySet<string>): boolean {
  const end = argv.indexOf('--');
  const flags = end < 0 ? argv : argv.slice(0, end);
  if (flags.includes('--verbose') || flags.includes('-v')) return true;
  if (flags.includes('--help') || flags.includes('-h')) return false;
  const cmd = commandOf(argv, valueOptions);
  return cmd !== undefined && NOTE_COMMANDS.has(cmd);
}
