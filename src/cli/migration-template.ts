/** The stub `generate` writes: a migration that logs and changes nothing, with its options shown commented out. */
export function migrationTemplate(version: string, slug: string): string {
  const words = slug.replace(/-/g, ' ');
  return `import { defineMigration } from 'dynamodb-migrate';

export default defineMigration({
  version: '${version}',
  description: '${words.charAt(0).toUpperCase()}${words.slice(1)}',
  // idempotent: true,   // up can safely run twice (allows apply --resume after a failure)
  // irreversible: true, // no down: rolling back past this version is refused

  async up(ctx) {
    ctx.log.info('up ${version}');
  },

  async down(ctx) {
    ctx.log.info('down ${version}');
  },
});
`;
}
