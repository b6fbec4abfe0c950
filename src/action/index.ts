/** Entry point of the bundled action (dist/index.js): everything is in main.ts. */
import { run } from './main';

await run();
