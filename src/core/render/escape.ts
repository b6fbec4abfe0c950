/**
 * Escaping for text that comes from migration files, manifests, table records and error
 * messages before it goes into markdown shown on GitHub. Such text is not ours: it must not
 * open HTML (a fake `<!-- dynamodb-migrate -->` marker, a `<details>` that swallows the rest
 * of the comment), break a table row, start a link, or mention a user or team.
 */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes the five HTML-significant characters. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c]!);
}

// Escaped text never starts a line (line breaks become spaces and callers put it after a
// prefix), so only the characters that open markup mid-line matter: emphasis, code spans,
// links and images (a link needs `[`), table cells and strikethrough.
const MARKDOWN_SPECIAL = /[\\`*_[\]|~]/g;
const TEXT_HTML = /[&<>]/g;

/**
 * Escapes text for inline use in markdown, table cells included: HTML is neutralised,
 * markdown punctuation is backslash-escaped, line breaks become spaces (a newline would end a
 * table row) and `@name` gets a zero-width space so it does not notify anyone.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(TEXT_HTML, (c) => HTML[c]!)
    .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`)
    .replace(/\r?\n|\r/g, ' ')
    .replace(/@(?=[A-Za-z0-9])/g, '@\u200b');
}

/**
 * A fenced code block holding `text` verbatim. The fence is longer than any run of backticks
 * inside, so the text cannot close it; inside a fence nothing is interpreted as markup.
 */
export function codeBlock(text: string, lang = ''): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${text.replace(/\r\n?/g, '\n')}\n${fence}`;
}

/** Inline code for short values (versions, hashes, table names) that may hold backticks. */
export function inlineCode(text: string): string {
  const flat = text.replace(/\r?\n|\r/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}
