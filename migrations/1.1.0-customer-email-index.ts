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
  async down({ data }) {
    await data.transform({ type: 'Customer' }, () => ({ remove: ['gs1pk', 'gs1sk'] }));
  },
});
