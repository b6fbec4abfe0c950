import { startGateProxy } from '../../support/gate-proxy';

/** One request as it reached the proxy: when, which operation, and its JSON body. */
export interface SeenRequest {
  seq: number;
  operation: string;
  body: Record<string, unknown>;
}

/**
 * A loopback proxy in front of DynamoDB Local that records every request with its body, so a
 * test can say exactly which writes a process sent, and after which moment.
 */
export interface RecordingProxy {
  endpoint: string;
  requests: SeenRequest[];
  stop(): Promise<void>;
}

/** A gate proxy (test/support/gate-proxy.ts) that lets every request through. */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const gate = await startGateProxy(target);
  return { endpoint: gate.endpoint, requests: gate.seen, stop: gate.stop };
}

/** The hash key values a request writes to (`pk` of its items or keys), for telling data writes from bookkeeping. */
export function writtenHashKeys(r: SeenRequest, hash = 'pk'): string[] {
  const b = r.body as Record<string, any>;
  const keyOf = (x: Record<string, any> | undefined) => x?.[hash]?.S as string | undefined;
  switch (r.operation) {
    case 'PutItem':
      return [keyOf(b.Item)].filter(Boolean) as string[];
    case 'UpdateItem':
    case 'DeleteItem':
      return [keyOf(b.Key)].filter(Boolean) as string[];
    case 'BatchWriteItem':
      return Object.values(b.RequestItems ?? {})
        .flat()
        .map((w: any) => keyOf(w.PutRequest?.Item ?? w.DeleteRequest?.Key))
        .filter(Boolean) as string[];
    case 'TransactWriteItems':
      return (b.TransactItems ?? [])
        .map((t: any) => keyOf(t.Put?.Item ?? t.Update?.Key ?? t.Delete?.Key ?? t.ConditionCheck?.Key))
        .filter(Boolean) as string[];
    case 'BatchExecuteStatement':
      return (b.Statements ?? []).map((st: any) => statementHashKey(st, hash)).filter(Boolean) as string[];
    case 'ExecuteStatement':
      return [statementHashKey(b, hash)].filter(Boolean) as string[];
    default:
      return [];
  }
}

/** The hash key a PartiQL statement names in `WHERE "<hash>" = ?`, read from its parameters. */
function statementHashKey(st: { Statement?: string; Parameters?: { S?: string }[] }, hash: string): string | undefined {
  const text = st.Statement ?? '';
  const at = text.indexOf(`"${hash}" = ?`);
  if (at < 0) return '?'; // a statement we cannot read counts as a data write
  const index = (text.slice(0, at).match(/\?/g) ?? []).length;
  return st.Parameters?.[index]?.S ?? '?';
}
