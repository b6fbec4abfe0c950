#!/usr/bin/env node
import { runCli } from './program';

const code = await runCli(process.argv.slice(2));
// Exit explicitly (SDK sockets may linger) once stdout has drained.
process.stdout.write('', () => process.exit(code));
