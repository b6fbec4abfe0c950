import { InputError, MigrateError, messageOf } from '../core/errors';

/**
 * Turns the AWS SDK's failures that mean "fix your set-up" into one clear input error;
 * everything else passes through unchanged.
 */
export function explainAwsError(e: unknown): unknown {
  if (e instanceof MigrateError || !(e instanceof Error)) return e;
  const name = e.name;
  const msg = messageOf(e);
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(msg)) {
    return new InputError(
      'No AWS credentials were found. In GitHub Actions use aws-actions/configure-aws-credentials (OIDC); locally set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or use --local.',
    );
  }
  if (
    name === 'UnrecognizedClientException' ||
    name === 'InvalidSignatureException' ||
    name === 'ExpiredTokenException'
  ) {
    return new InputError(
      `AWS rejected the credentials (${name}): ${msg}. Refresh them or check the account and region.`,
    );
  }
  if (name === 'AccessDeniedException') {
    return new InputError(
      `Access denied: ${msg}. The role needs the DynamoDB permissions listed in the README (IAM policy).`,
    );
  }
  const code = (e as { code?: string }).code ?? (e.cause as { code?: string } | undefined)?.code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || /ECONNREFUSED|ENOTFOUND/.test(msg)) {
    return new InputError(
      `Cannot reach DynamoDB (${code ?? msg}). Check --endpoint / AWS_ENDPOINT_URL_DYNAMODB and the region.`,
    );
  }
  return e;
}
