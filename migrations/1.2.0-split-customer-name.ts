import { defineMigration } from 'dynamodb-migrate';
import schema from './schema/store-1.2.0';

/**
 * Make-then-break, part one: write firstName/lastName beside name. `name` stays, so code of
 * the 1.1.0 design keeps working while the new code rolls out; 1.3.0 removes it.
 */
export default defineMigration({
  version: '1.2.0',
  description: 'Split Customer name into firstName and lastName (name kept)',
  schema,
  idempotent: true,
  async up({ data }) {
    await data.transform({ type: 'Customer' }, (c) => {
      if (typeof c.name !== 'string') return undefined;
      const [firstName, ...rest] = c.name.trim().split(/\s+/);
      return { set: { firstName, lastName: rest.join(' ') || '-' } };
    });
  },
  async down({ data }) {
    await data.transform({ type: 'Customer' }, () => ({ remove: ['firstName', 'lastName'] }));
  },
});
