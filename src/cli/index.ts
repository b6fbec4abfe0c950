#!/usr/bin/env node
// Node 20 is supported by this tool; the SDK's notice about its own future support is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { runCli } = await import('./program');

const code = await runCli(process.argv.slice(2));
// Exit explicitly (SDK sockets may linger) once stdout has drained.
process.stdout.write('', () => process.exit(code));
export {};
