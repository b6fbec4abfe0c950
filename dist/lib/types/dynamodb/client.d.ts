import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
/** Where and how to reach DynamoDB. Credentials come from the default AWS provider chain. */
export interface ClientOptions {
    region?: string | undefined;
    /** Explicit endpoint; else AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL, read by the SDK itself. */
    endpoint?: string | undefined;
    /** Dummy credentials for DynamoDB Local, which accepts any. */
    local?: boolean | undefined;
    maxAttempts?: number | undefined;
}
/** The AWS region to use: the one given (the manifest's), else the AWS environment's, else us-east-1. */
export declare function regionOf(given?: string | undefined): string;
/** Builds the DynamoDBClient every part of the tool shares. */
export declare function createDynamoClient(opts?: ClientOptions): DynamoDBClient;
/**
 * A client of its own (its own sockets and request queue) that reaches the same DynamoDB as
 * `base`: same region, endpoint, credentials and retry settings. For work that must not wait
 * behind `base`'s requests (the lock's heartbeat), or that needs its own middleware.
 */
export declare function deriveDynamoClient(base: DynamoDBClient, extra?: Pick<DynamoDBClientConfig, 'requestHandler'>): DynamoDBClient;
