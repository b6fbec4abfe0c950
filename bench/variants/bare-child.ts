/**
 * A bare-SDK bound in a child process of its own, as the engine runs in engine-child.ts: so that
 * (a) and (c') are measured alike (a fresh process, a fresh client of the SDK's own making, a
 * fresh table) when the bench compares them. Usage: bare-child.ts <endpoint> <table> <segments>
 * <writers> <safe|batch>; prints one JSON line.
 */
import { bareClient, runBareSdk, runSafeBareSdk } from './bare-sdk';

const [endpoint, table, segments, writers, kind] = process.argv.slice(2);
if (!endpoint || !table || !segments || !writers || (kind !== 'safe' && kind !== 'batch'))
  throw new Error('usage: bare-child.ts <endpoint> <table> <segments> <writers> <safe|batch>');
const client = bareClient(endpoint);
const result = await (kind === 'safe' ? runSafeBareSdk : runBareSdk)(client, table, Number(segments), Number(writers));
client.destroy();
const cpu = process.cpuUsage();
process.stdout.write(
  `${JSON.stringify({ ms: result.ms, written: result.written, cpuMs: (cpu.user + cpu.system) / 1000, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`,
);
