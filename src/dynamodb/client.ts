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

/** Builds the DynamoDBClient every part of the tool shares. */
export function createDynamoClient(opts: ClientOptions = {}): DynamoDBClient {
  const config: DynamoDBClientConfig = {
    region: opts.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
    maxAttempts: opts.maxAttempts ?? 6,
  };
  if (opts.endpoint) config.endpoint = opts.endpoint;
  if (opts.local) config.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  return new DynamoDBClient(config);
}
