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
/**
 * The name under which the SDK adds its logger middleware to every client. With no logger
 * configured it logs to a no-op logger, yet first copies each request's input and each
 * response's output through the schema's sensitive-field filter: about a tenth of the client's
 * busy CPU in a bulk pass, for nothing. Retries, errors and their metadata do not depend on it.
 */
export declare const SDK_LOGGER_MIDDLEWARE = "loggerMiddleware";
/** Whether `client` runs the SDK's logger middleware. */
export declare function hasSdkLogging(client: DynamoDBClient): boolean;
/** The AWS region to use: the one given (the manifest's), else the AWS environment's, else us-east-1. */
export declare function regionOf(given?: string | undefined): string;
/**
 * Builds the DynamoDBClient every part of the tool shares. It configures no logger, so the
 * SDK's logger middleware, which would only feed the SDK's no-op logger, is left out.
 */
export declare function createDynamoClient(opts?: ClientOptions): DynamoDBClient;
/**
 * A client of its own (its own sockets and request queue) that reaches the same DynamoDB as
 * `base`: same region, endpoint, credentials, retry settings and logger. For work that must not
 * wait behind `base`'s requests (the lock's heartbeat), or that needs its own middleware. It
 * runs the SDK's logger middleware when `base` does (a client given by a library user keeps its
 * logging), and leaves it out when `base` does not (one from {@link createDynamoClient}).
 */
export declare function deriveDynamoClient(base: DynamoDBClient, extra?: Pick<DynamoDBClientConfig, 'requestHandler'>): DynamoDBClient;
