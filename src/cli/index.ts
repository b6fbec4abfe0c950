#!/usr/bin/env node
import { nodeSupportNote, showsNodeNote } from '../core/node-support';
import { runCli } from './program';

// On Node < 22 the AWS SDK prints a seven-line NodeVersionSupportWarning when the first client is
// created, that is on nearly every run, before our output. We say it once, in one line, where a
// user checks the setup (status, init, --verbose). The SDK's own switch, when the user sets it,
// decides for both: `true` silences our note as well, anything else lets the SDK print its own.
// Set before any client exists (clients emit the warning when created).
const userChoice = process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** Global options that take a value: the word after one of them is not the command. */
const VALUE_OPTIONS = new Set([
  '--manifest',
  '--env',
  '--endpoint',
  '--region',
  '--confirm',
  '--lock-timeout',
  '--sample',
  '--canary',
  '--time-budget',
  '--segments',
  '--concurrency',
]);

const argv = process.argv.slice(2);
const code = await runCli(argv);
if (userChoice === undefined && showsNodeNote(argv, VALUE_OPTIONS)) {
  const note = nodeSupportNote(process.version, Date.now());
  if (note) process.stderr.write(`note: ${note}\n`);
}
// Exit explicitly (SDK sockets may linger) once stdout has drained.
process.stdout.write('', () => process.exit(code));
