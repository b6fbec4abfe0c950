import { expect, test } from 'vitest';
import { codeBlock, escapeHtml, escapeMarkdown, inlineCode } from '../../../src/core/render/escape';

test('escapeHtml neutralises tags, comments and attributes', () => {
  expect(escapeHtml(`<a href="x">'&'</a><!-- c -->`)).toBe(
    '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;&lt;!-- c --&gt;',
  );
});

test('escapeMarkdown keeps text on one line, escapes markup and breaks mentions', () => {
  expect(escapeMarkdown('a|b *c* [d](e) `f`\n# g ~h~ 1.0-2')).toBe(
    'a\\|b \\*c\\* \\[d\\](e) \\`f\\` # g \\~h\\~ 1.0-2',
  );
  expect(escapeMarkdown('ping @octocat, mail me@x')).toBe('ping @\u200boctocat, mail me@\u200bx');
  expect(escapeMarkdown('<details>')).toBe('&lt;details&gt;');
});

test('codeBlock fences outlast any backticks in the text', () => {
  expect(codeBlock('a ``` b')).toBe('````\na ``` b\n````');
  expect(codeBlock('plain', 'sh')).toBe('```sh\nplain\n```');
});

test('inlineCode survives backticks and pipes', () => {
  expect(inlineCode('1.0.0')).toBe('`1.0.0`');
  expect(inlineCode('a`b')).toBe('``a`b``');
  expect(inlineCode('`x')).toBe('`` `x ``');
  expect(inlineCode('a|b')).toBe('`a\\|b`');
});
