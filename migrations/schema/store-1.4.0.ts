import store130 from './store-1.3.0';

/**
 * Online store data model, 1.4.0: the model of 1.3.0 unchanged (1.4.0 only removes orphaned
 * orders); a version of its own so the table's `_schema` item names the version it is at.
 */
export default { ...store130, version: '1.4.0' };
