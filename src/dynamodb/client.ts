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
export function regionOf(given?: string | undefined): string {
  return given ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
}

/** Builds the DynamoDBClient every part of the tool shares. */
export function createDynamoClient(opts: ClientOptions = {}): DynamoDBClient {
  const config: DynamoDBClientConfig = {
    region: regionOf(opts.region),
    maxAttempts: opts.maxAttempts ?? 6,
  };
  if (opts.endpoint) config.endpoint = opts.endpoint;
  if (opts.local) config.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  return new DynamoDBClient(config);
}

/**
 * A client of its own (its own sockets and request queue) that reaches the same DynamoDB as
 * `base`: same region, endpoint, credentials and retry settings. For work that must not wait
 * behind `base`'s requests (the lock's heartbeat), or that needs its own middleware.
 */
export function deriveDynamoClient(
  base: DynamoDBClient,
  extra: Pick<DynamoDBClientConfig, 'requestHandler'> = {},
): DynamoDBClient {
  const c = base.config;
  return new DynamoDBClient({
    region: c.region,
    ...(c.isCustomEndpoint && c.endpoint ? { endpoint: c.endpoint } : {}),
    credentials: c.credentials,
    maxAttempts: c.maxAttempts,
    retryMode: c.retryMode,
    useFipsEndpoint: c.useFipsEndpoint,
    useDualstackEndpoint: c.useDualstackEndpoint,
    logger: c.logger,
    ...extra,
  });
}
