import type { AttributeValue } from '@aws-sdk/client-dynamodb';
/**
 * Approximate stored size of an item in bytes, by DynamoDB's rules (names plus values; numbers
 * about one byte per two digits). Used only to estimate capacity before the response says.
 */
export declare function itemSize(item: Record<string, AttributeValue>): number;
/** Write units for an item of this size (1 KB each, at least one). */
export declare function writeUnits(bytes: number): number;
