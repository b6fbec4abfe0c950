/**
 * Online store data model, 1.2.0: the "make" half of make-then-break. Customer gains
 * `firstName`/`lastName` (optional while the migration backfills them) and keeps `name`, so
 * code written for 1.1.0 still works.
 */
export default {
  format: 'onetable:1.1.0',
  version: '1.2.0',
  indexes: {
    primary: { hash: 'pk', sort: 'sk' },
    gs1: { hash: 'gs1pk', sort: 'gs1sk', project: 'all' },
  },
  models: {
    Customer: {
      pk: { type: String, value: 'customer#${id}' },
      sk: { type: String, value: 'customer#' },
      gs1pk: { type: String, value: 'email#${email}' },
      gs1sk: { type: String, value: 'customer#${status}#${id}' },
      id: { type: String, generate: 'ulid' },
      name: { type: String, required: true },
      firstName: { type: String },
      lastName: { type: String },
      email: { type: String, required: true, validate: /^[^@\s]+@[^@\s]+$/ },
      status: { type: String, enum: ['active', 'suspended'], default: 'active' },
    },
    Order: {
      pk: { type: String, value: 'customer#${customerId}' },
      sk: { type: String, value: 'order#${id}' },
      id: { type: String, generate: 'ulid' },
      customerId: { type: String, required: true },
      total: { type: Number, required: true },
      status: { type: String, enum: ['pending', 'paid', 'shipped'], default: 'pending' },
      placedAt: { type: Date },
    },
    Product: {
      pk: { type: String, value: 'product#${sku}' },
      sk: { type: String, value: 'product#' },
      sku: { type: String, required: true },
      title: { type: String, required: true },
      price: { type: Number, required: true },
      stock: { type: Number, default: 0 },
    },
  },
  params: {
    isoDates: true,
    timestamps: true,
  },
  queries: {},
};
