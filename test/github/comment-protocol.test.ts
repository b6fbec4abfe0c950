import { describe, expect, test } from 'vitest';
import { renderMarkdown } from '../../src/core/render/markdown';
import {
  GITHUB_COMMENT_LIMIT,
  commentBody,
  commentMarker,
  readPlanHashes,
  reviewedHashes,
} from '../../src/github/comment-protocol';
import { applied, plan, step } from '../core/render/fixtures';

/** The comment as a protocol: its identity (the marker), the reviewed plan hashes read back, its size. */

const ctx = {
  manifest: 'migrations/manifest.yaml',
  sha: '9fceb02d0ae598e95dc970b74767f19372d61af8',
  runUrl: 'https://github.com/acme/shop/actions/runs/42',
};
const prod = plan({ environment: 'production', table: 'orders-prod', hash: 'ffee001122334455' });

describe('commentBody', () => {
  test('the marker first, then the rendering of the sections, which carries no marker of its own', () => {
    const sections = [{ plan: plan(), phase: 'planned' as const }];
    const body = commentBody({ ...ctx, sections });
    expect(body.split('\n')[0]).toBe(commentMarker());
    expect(body.endsWith(renderMarkdown({ ...ctx, sections }))).toBe(true);
    expect(renderMarkdown({ ...ctx, sections })).not.toContain('<!--');
  });

  test('the reviewed plan hashes are recorded for the merge to match, only while a plan awaits it', () => {
    const md = commentBody({
      sections: [
        { plan: plan(), phase: 'planned' },
        { plan: prod, phase: 'planned' },
      ],
    });
    expect(readPlanHashes(md)).toEqual({ dev: 'a1b2c3d4e5f60718', production: 'ffee001122334455' });
    expect(
      readPlanHashes(commentBody({ sections: [{ plan: plan(), phase: 'applied', report: applied(plan()) }] })),
    ).toEqual({});
    expect(
      readPlanHashes(commentBody({ sections: [{ plan: plan({ stateUnknown: true }), phase: 'planned' }] })),
    ).toEqual({});
    expect(readPlanHashes(commentBody({ sections: [], planHashes: { dev: 'abcdef0123456789' } }))).toEqual({
      dev: 'abcdef0123456789',
    });
    expect(readPlanHashes('<!-- dynamodb-migrate -->\nsomething else')).toEqual({});
  });

  test('which sections show a plan for review', () => {
    expect(
      reviewedHashes([
        { plan: plan(), phase: 'blocked' },
        { plan: prod, phase: 'drift' },
      ]),
    ).toEqual({ dev: 'a1b2c3d4e5f60718' });
  });

  test('a hash or an environment name that could break the hidden line is not recorded', () => {
    const body = commentBody({ sections: [], planHashes: { 'dev -->': 'abcdef0123456789', prod: 'not a hash' } });
    expect(body.split('\n', 2)[1]).not.toContain('dynamodb-migrate-plans');
    expect(readPlanHashes(body)).toEqual({});
  });

  test('a keyed marker keeps two manifests apart', () => {
    expect(commentMarker('services/orders/manifest.yaml')).toBe(
      '<!-- dynamodb-migrate: services/orders/manifest.yaml -->',
    );
    expect(commentMarker('a b-->c')).toBe('<!-- dynamodb-migrate: a-b-c -->');
    expect(commentBody({ key: 'orders', sections: [] }).split('\n')[0]).toBe('<!-- dynamodb-migrate: orders -->');
  });

  test('a huge plan stays under the comment limit and points to the job summary', () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      step(`1.${i}.0`, { description: `Backfill field number ${i} across every order item in the table`.repeat(2) }),
    );
    const p = plan({ steps: many, targetVersion: '1.2999.0' });
    const md = commentBody({ ...ctx, sections: [{ plan: p, phase: 'planned' }] });
    expect(md.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    expect(md).toContain('job summary](https://github.com/acme/shop/actions/runs/42)');
    expect(md).not.toContain('<details open><summary>3000 steps');
    // Without a limit problem the full table is there (folded, as there are many steps).
    const small = commentBody({ ...ctx, maxLength: 10_000_000, sections: [{ plan: p, phase: 'planned' }] });
    expect(small).toContain('<details><summary>3000 steps</summary>');
    // A limit too small even for the compact form cuts the body, keeping the pointer and the marker.
    const cut = commentBody({ ...ctx, maxLength: 600, sections: [{ plan: p, phase: 'planned' }] });
    expect(cut.length).toBeLessThanOrEqual(600);
    expect(cut).toMatch(/job summary\]\(https:\/\/github.com\/acme\/shop\/actions\/runs\/42\)\.\n$/);
    expect(cut.startsWith(commentMarker())).toBe(true);
    expect(readPlanHashes(cut)).toEqual({ dev: 'a1b2c3d4e5f60718' });
  });
});
