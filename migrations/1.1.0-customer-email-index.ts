import { defineMigration } from 'dynamodb-migrate';
import schema from './schema/store-1.1.0';

/**
 * Pack attributes into the keys of GSI gs1 so customers can be found by email:
 * gs1pk = email#<email>, gs1sk = customer#<status>#<id>.
 */
export default defineMigration({
  version: '1.1.0',
  description: 'Pack email and status into gs1 keys on every Customer',
  schema,
  idempotent: true,
  async up({ data }) {
    await data.transform({ type: 'Customer' }, (c) => ({
      set: { gs1pk: `email#${c.email}`, gs1sk: `customer#${c.status ?? 'active'}#${c.id}` },
    }));
  },
  // Post-check: every Customer's gs1 keys say what its attributes say. With a canary
  // (`--canary 10`, or `canary: 10` in the manifest) it runs on the canary's 10% first, and
  // the rest of the table is migrated only when it passes.
  async verify({ data }) {
    const wrong = await data.count(
      { type: 'Customer' },
      (c) => c.gs1pk !== `email#${c.email}` || c.gs1sk !== `customer#${c.status ?? 'active'}#${c.id}`,
    );
    return wrong.count ? [{ message: 'Customers whose gs1 keys do not match email and status', ...wrong }] : [];
  },
  async down({ data }) {
    await data.transform({ type: 'Customer' }, () => ({ remove: ['gs1pk', 'gs1sk'] }));
  },
});
