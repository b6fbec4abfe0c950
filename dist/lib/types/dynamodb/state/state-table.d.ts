import { type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type ReplicationSettings } from '../../core/global-table.js';
import { type TableDescription, type TableKeys } from './table-description.js';
/**
 * The table that holds the migration state, as every part of the state store reaches it: the
 * client, the table's name, what DescribeTable said (read once), and the home-region check
 * that comes before every write.
 */
export declare class StateTable {
    readonly client: DynamoDBClient;
    readonly name: string;
    /**
     * The environment whose state this is. Given, every write first checks that this replica
     * is the home region of its migrations when the table is a global table.
     */
    private readonly environment?;
    private described?;
    constructor(client: DynamoDBClient, name: string, 
    /**
     * The environment whose state this is. Given, every write first checks that this replica
     * is the home region of its migrations when the table is a global table.
     */
    environment?: ReplicationSettings | undefined, described?: Promise<TableDescription> | undefined);
    /** The same table through another client, sharing what DescribeTable said. */
    withClient(client: DynamoDBClient): StateTable;
    /** Key names and size of the table, from DescribeTable (read once). */
    describe(): Promise<TableDescription>;
    keys(): Promise<TableKeys>;
    /**
     * Refuses (RefusedError, exit 2) when this run reaches a replica of a global table other
     * than the home region of the environment's migrations, or DescribeTable contradicts what
     * the manifest says of the table. `outcome` says what did not happen.
     */
    assertHomeRegion(outcome?: string): Promise<void>;
    /**
     * Sends with retries past the SDK's own: its client-wide retry quota runs dry under sustained
     * throttling or dropped connections, and losing a record or lock write then would leave the
     * table in a misleading state. Conditional failures are not retried.
     */
    retried<T>(call: () => Promise<T>): Promise<T>;
    /** The items under one hash key value (read strongly consistent), oldest first unless `newestFirst`. */
    queryHash(hash: string, opts?: {
        newestFirst?: boolean;
        limit?: number;
    }): Promise<Record<string, unknown>[]>;
}
/**
 * JSON of an item as the SDK sends or returns it, object keys sorted: equal for equal items
 * whatever their attribute order. Binary values count as their base64 (core's `stableJson`
 * would spell them as objects); `unlock` names an unknown lock item by this fingerprint.
 */
export declare function stableItemJson(v: unknown): string;
