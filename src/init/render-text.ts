import { join } from 'node:path';
import { renderIamText } from './iam';
import { displayPath } from './paths';
import type { InitFlags, InitResult } from './run-init';

/** The text init prints: the files, the pinned action, the next steps, the IAM roles. */
export function renderInitText(r: InitResult, f: InitFlags): string {
  const out: string[] = [];
  const abs = (p: string) => join(r.root, p);
  if (r.cancelled) return 'Cancelled: nothing was written.';
  if (r.dryRun) {
    out.push(`init --dry-run: would write ${r.files.length} file(s); nothing was written.`);
    for (const x of r.files)
      out.push(
        '',
        `--- ${displayPath(abs(x.path))} (${x.action === 'create' ? 'new' : 'overwrite'}) ---`,
        (x.content ?? '').trimEnd(),
      );
    out.push('');
  } else {
    out.push(`init: wrote ${r.files.length} file(s)`);
    for (const x of r.files)
      out.push(`  ${x.action === 'create' ? 'created    ' : 'overwrote  '}${displayPath(abs(x.path))}`);
  }
  if (r.files.some((x) => x.kind === 'workflow')) {
    out.push(
      `The workflows use ${r.actionRef}: this release, pinned by its tag; move the tag forward when you upgrade.`,
    );
  }
  if (r.notes.length) out.push('', ...r.notes.map((n) => `note: ${n}`));
  const manifest = r.files.find((x) => x.kind === 'manifest');
  const m = manifest ? displayPath(abs(manifest.path)) : f.manifest;
  const protectedEnvs = r.environments.filter((e) => e.protected).map((e) => e.name);
  out.push(
    '',
    'Next:',
    `  1. Check it:           dynamodb-migrate --manifest ${m} lint`,
    `  2. Try it locally:     dynamodb-migrate --manifest ${m} --local plan   (then apply, status; needs Java for DynamoDB Local)`,
    `  3. AWS:                create the two roles below, then set the repository variables ${r.iam.plan.variable} and ${r.iam.apply.variable} (the workflows do nothing until then)`,
    `  4. GitHub:             create the Environments ${r.environments.map((e) => e.name).join(', ')} (Settings -> Environments)${protectedEnvs.length ? `; add required reviewers on ${protectedEnvs.join(', ')}` : ''}`,
    '  5. Open a pull request with these files: the plan comment appears; merging applies it.',
    '',
    renderIamText(r.iam),
  );
  return out.join('\n');
}
