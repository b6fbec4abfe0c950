// Runs one Lambda invocation for test/support/lambda-stub.ts, with plain node: loads the handler
// module, JavaScript (a bundle the stub built from a TypeScript module, or a module as given), in
// the "init" phase, not counted against the time limit, says ready, then runs the event it is sent
// with a context whose getRemainingTimeInMillis counts down to the deadline the stub gives.
import { pathToFileURL } from 'node:url';

// `source` is the module the function was defined with, for messages; `modulePath` is what runs.
const [modulePath, exportName = 'handler', source = modulePath] = process.argv.slice(2);
const mod = await import(pathToFileURL(modulePath).href);
const handler = mod[exportName] ?? mod.default?.[exportName];
if (typeof handler !== 'function') {
  process.send({
    ok: false,
    error: {
      errorType: 'Runtime.HandlerNotFound',
      errorMessage: `${source}.${exportName} is undefined or not exported`,
      trace: [],
    },
  });
  process.exit(0);
}
process.on('message', async ({ event, deadline, requestId, functionName }) => {
  const context = {
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    awsRequestId: requestId,
    functionName,
  };
  let reply;
  try {
    reply = { ok: true, result: await handler(event, context) };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    reply = {
      ok: false,
      error: { errorType: err.name || 'Error', errorMessage: err.message, trace: String(err.stack ?? '').split('\n') },
    };
  }
  process.send(reply, () => process.exit(0));
});
process.send({ ready: true });
