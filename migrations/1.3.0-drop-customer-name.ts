import { defineMigration } from 'dynamodb-migrate';
import schema from './schema/store-1.3.0';

/** Make-then-break, part two: every reader uses firstName/lastName now, so name goes. */
export default defineMigration({
  version: '1.3.0',
  description: 'Remove the old Customer name attribute',
  schema,
  idempotent: true,
  async up({ data }) {
    await data.transform({ type: 'Customer' }, (c) => ('name' in c ? { remove: ['name'] } : undefined));
  },
  async down({ data }) {
    // Rebuilt from the two halves, so the way back loses nothing 1.2.0 kept.
    await data.transform({ type: 'Customer' }, (c) => ({ set: { name: `${c.firstName} ${c.lastName === '-' ? '' : c.lastName}`.trim() } }));
  },
});
