import { type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { GlobalTableInfo } from '../../core/types.js';
/** Names of the table's hash and sort key attributes. */
export interface TableKeys {
    hash: string;
    sort: string;
}
/** What DescribeTable says of the table that holds the state. */
export interface TableDescription {
    keys: TableKeys;
    itemCount?: number | undefined;
    sizeBytes?: number | undefined;
    capacity?: {
        read: number;
        write: number;
    } | undefined;
    /** Region of the replica the client reached. */
    region?: string | undefined;
    /** Set for a global table: its replicas, as this replica describes them. */
    global?: GlobalTableInfo | undefined;
}
/**
 * DescribeTable, checked for what the state needs: a hash and a sort key, both strings (the
 * OneTable format). A missing table or a wrong key schema is bad input (exit 2) naming the table.
 */
export declare function describeTable(client: DynamoDBClient, table: string): Promise<TableDescription>;
/** An item's attributes other than its key (for messages that quote an item). */
export declare function withoutKeys(i: Record<string, unknown>, k: TableKeys): Record<string, unknown>;
