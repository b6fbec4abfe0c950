import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../src/dynamodb/local';

let engine: DynamoDbLocal | undefined;

/** Starts one DynamoDB Local for the whole test run; each test makes its own table. */
export async function setup(project: TestProject): Promise<void> {
  const given = process.env.DYNAMODB_TEST_ENDPOINT;
  if (given) {
    project.provide('dynamodbEndpoint', given);
    return;
  }
  engine = await startDynamoDbLocal({ timeoutMs: 120_000 });
  project.provide('dynamodbEndpoint', engine.endpoint);
}

export async function teardown(): Promise<void> {
  await engine?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}
