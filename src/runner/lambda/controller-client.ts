import type { LambdaClient } from '@aws-sdk/client-lambda';
import { MigrateError, type ExitCode } from '../../core/errors';
import type { Logger } from '../../core/logger';
import { exitCodeOf, reviveError } from '../../core/outcome';

/**
 * A Lambda function answered with an error (FunctionError set): the remote message, type and
 * trace, and the exit code its type maps to. Never taken for success. `typed` is the same
 * error as this side's class when the controller threw one of ours (a held lock, bad input).
 */
export class RemoteFunctionError extends MigrateError {
  override readonly exitCode: ExitCode;
  readonly typed: MigrateError | undefined;
  constructor(
    readonly functionName: string,
    readonly errorType: string,
    readonly remoteMessage: string,
    readonly trace: readonly string[] = [],
  ) {
    super(`${functionName} failed: ${errorType ? `${errorType}: ` : ''}${remoteMessage}`);
    this.typed = reviveError(errorType, remoteMessage);
    // Not one of ours (a crash, a timeout): a runtime failure.
    this.exitCode = exitCodeOf(this.typed);
  }

  /** A crash, a timeout or a lost sandbox rather than an answer of the controller: worth retrying. */
  get retryable(): boolean {
    return this.typed === undefined;
  }
}

/** The error a controller threw, as this side's typed error where it is one of ours. */
export function unwrapRemote(e: unknown): unknown {
  return e instanceof RemoteFunctionError && e.typed ? e.typed : e;
}

/** A Lambda client, or how to make one when it is first needed. */
export type LambdaClientSource = LambdaClient | (() => Promise<LambdaClient>);

/** Invokes one controller function, RequestResponse, and unwraps `{statusCode: 200, body}`. */
export class ControllerClient {
  private client: Promise<LambdaClient> | undefined;

  constructor(
    readonly functionName: string,
    readonly table: string,
    private readonly lambda: LambdaClientSource,
    private readonly log: Logger,
  ) {}

  /** The client, made once; a failed attempt to make it is tried again at the next invocation. */
  private lambdaClient(): Promise<LambdaClient> {
    const source = this.lambda;
    if (typeof source !== 'function') return Promise.resolve(source);
    if (!this.client) {
      this.client = source();
      this.client.catch(() => {
        this.client = undefined;
      });
    }
    return this.client;
  }

  async invoke<T>(cmd: string, args?: Record<string, unknown>, opts: { dry?: boolean | undefined } = {}): Promise<T> {
    const event: Record<string, unknown> = { cmd, config: { name: this.table } };
    if (args) event.args = args;
    if (opts.dry) event.dry = true;
    this.log.debug(`invoke ${this.functionName} ${cmd}`);
    const [lambda, { InvokeCommand }] = await Promise.all([this.lambdaClient(), import('@aws-sdk/client-lambda')]);
    const res = await lambda.send(
      new InvokeCommand({
        FunctionName: this.functionName,
        InvocationType: 'RequestResponse',
        Payload: new TextEncoder().encode(JSON.stringify(event)),
      }),
    );
    const text = res.Payload ? new TextDecoder().decode(res.Payload) : '';
    let payload: unknown;
    try {
      payload = text ? JSON.parse(text) : undefined;
    } catch {
      payload = text;
    }
    if (res.FunctionError) {
      const p = (payload && typeof payload === 'object' ? payload : {}) as {
        errorMessage?: unknown;
        errorType?: unknown;
        trace?: unknown;
      };
      throw new RemoteFunctionError(
        this.functionName,
        typeof p.errorType === 'string' ? p.errorType : res.FunctionError,
        typeof p.errorMessage === 'string' ? p.errorMessage : String(text || 'no error message'),
        Array.isArray(p.trace) ? p.trace.map(String) : [],
      );
    }
    const reply = payload as { statusCode?: unknown; body?: unknown } | undefined;
    if (!reply || typeof reply !== 'object' || reply.statusCode !== 200 || !('body' in reply)) {
      throw new MigrateError(
        `${this.functionName} ${cmd}: unexpected reply (expected {statusCode: 200, body}): ${text.slice(0, 300)}`,
      );
    }
    return reply.body as T;
  }
}
