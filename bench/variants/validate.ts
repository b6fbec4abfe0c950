import { type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { silentLogger } from '../../src/core/logger';
import { validateTable } from '../../src/runner/validate-table';
import { ONETABLE_SCHEMA } from '../data';

/**
 * The `validate` row: `validateTable` (the bulk engine's read-only parallel scan, every item
 * checked against the schema) against a bare parallel Scan of the same table that unmarshalls
 * and counts items, in the same run, alternating, best of `rounds` each.
 */
export async function runValidateRow(
  client: DynamoDBClient,
  table: string,
  rounds = 3,
): Promise<{ validateMs: number; scanMs: number; scanned: number; invalid: number; segments: number }> {
  const segments = 8;
  let validateMs = Infinity;
  let scanMs = Infinity;
  let scanned = 0;
  let invalid = 0;
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    const report = await validateTable({
      client,
      table,
      keys: { hash: 'pk', sort: 'sk' },
      schema: ONETABLE_SCHEMA,
      options: {},
      log: silentLogger,
    });
    validateMs = Math.min(validateMs, performance.now() - t);
    scanned = report.scanned;
    invalid = report.invalid;
    t = performance.now();
    let n = 0;
    await Promise.all(
      Array.from({ length: segments }, async (_, segment) => {
        let start: Record<string, unknown> | undefined;
        do {
          const page = await client.send(
            new ScanCommand({
              TableName: table,
              Segment: segment,
              TotalSegments: segments,
              ExclusiveStartKey: start as never,
            }),
          );
          for (const item of page.Items ?? []) if (unmarshall(item)) n++;
          start = page.LastEvaluatedKey;
        } while (start);
      }),
    );
    scanMs = Math.min(scanMs, performance.now() - t);
    if (n !== scanned) throw new Error(`validate read ${scanned} items, the bare scan ${n}`);
  }
  return { validateMs, scanMs, scanned, invalid, segments };
}
