/** Entry point of the bundled action (dist/index.js): the exit code of the run, set once. */
import { run } from './main';

process.exitCode = await run();
