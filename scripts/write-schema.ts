// Regenerates schema/manifest.schema.json from the zod schema (a test checks they agree).
import { writeFileSync } from 'node:fs';
import { manifestJsonSchema } from '../src/core/manifest';

writeFileSync('schema/manifest.schema.json', `${JSON.stringify(manifestJsonSchema(), null, 2)}\n`);
