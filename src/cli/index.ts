#!/usr/bin/env node
import { runCli } from './program';

// Node 20 is supported by this tool; the SDK's notice about its own future support is noise
// here. Set before any client exists (clients emit it when created).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const code = await runCli(process.argv.slice(2));
// Exit explicitly (SDK sockets may linger) once stdout has drained.
process.stdout.write('', () => process.exit(code));
