import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { defineMigration } from 'dynamodb-migrate';
import schema from './schema/store-1.4.0';

/**
 * Seeds a known good dev state in the newest design: every data item is deleted, then a few
 * customers, orders and products are written. Run with `dynamodb-migrate reset` (refused on
 * protected environments); the history then records every version as applied.
 */
export default defineMigration({
  version: 'reset',
  description: 'Seed a known good dev state',
  schema,
  async up({ client, table, data }) {
    await data.transform({}, () => ({ delete: true }));
    const items: Record<string, unknown>[] = [{ pk: 'status#store', sk: 'status#', _type: 'Status', state: 'open', since: new Date(0).toISOString() }];
    for (let i = 1; i <= 5; i++) {
      const id = `c${i}`;
      items.push({ pk: `customer#${id}`, sk: 'customer#', _type: 'Customer', id, firstName: `Dev${i}`, lastName: 'Tester', email: `dev${i}@example.com`, status: 'active', gs1pk: `email#dev${i}@example.com`, gs1sk: `customer#active#${id}` });
      items.push({ pk: `customer#${id}`, sk: `order#o${i}`, _type: 'Order', id: `o${i}`, customerId: id, total: 10 * i, status: 'paid' });
    }
    items.push({ pk: 'product#sku-1', sk: 'product#', _type: 'Product', sku: 'sku-1', title: 'Teapot', price: 25, stock: 3 });
    for (let i = 0; i < items.length; i += 25) {
      let requests = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item: marshall(Item) } }));
      // BatchWriteItem may leave items unprocessed under load: send them again until none are left.
      for (let attempt = 0; requests.length; attempt++) {
        if (attempt) await new Promise((r) => setTimeout(r, Math.random() * 50 * 2 ** Math.min(attempt, 6)));
        const res = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: requests } }));
        requests = (res.UnprocessedItems?.[table] ?? []) as typeof requests;
      }
    }
  },
});
