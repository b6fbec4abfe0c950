import { defineMigration } from 'dynamodb-migrate';
import schema from './schema/store-1.4.0';

/**
 * Delete orders whose customer no longer exists. Safe to run again (idempotent), and there
 * is no way back: the deleted orders are not kept (irreversible).
 */
export default defineMigration({
  version: '1.4.0',
  description: 'Delete orders whose customer no longer exists',
  schema,
  idempotent: true,
  irreversible: true,
  async up({ data, log }) {
    // Customer ids fit in memory for this store; a bigger table would query gs1 per order instead.
    const customers = new Set<string>();
    await data.forEach({ type: 'Customer' }, (c) => void customers.add(String(c.id)));
    const result = await data.transform({ type: 'Order' }, (o) => (customers.has(String(o.customerId)) ? undefined : { delete: true }));
    log.info(`${result.counts.changed} orphaned orders deleted of ${result.counts.scanned}`);
  },
});
