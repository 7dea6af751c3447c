/**
 * Building blocks for Markdown made from user text (titles, notes, page
 * titles come from pages and teammates). CommonMark lets any ASCII punctuation
 * be backslash-escaped (https://spec.commonmark.org/0.31.2/#backslash-escapes),
 * so text keeps its literal meaning: `*bold* [x](javascript:…)` stays those
 * characters, never emphasis or a link. Only http(s) URLs become links.
 */

// Significant anywhere in a line: escapes, code, emphasis, strikethrough,
// links and images, raw HTML and autolinks, entities, table cells.
const INLINE = /[\\`*_[\]<>~|&]/g;

/** One line or many, escaped; each line's leading indentation is dropped (it would start a code block). */
export function escapeMarkdown(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) =>
      line
        .replace(/^[ \t]+/, '')
        .replace(INLINE, '\\$&')
        // At the start of a line these open a heading, a list item or a setext underline.
        .replace(/^([#+=-])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    )
    .join('\n');
}

/**
 * User text inside a list item: escaped, later lines indented to stay in the
 * item, with hard line breaks (two trailing spaces) so the lines stay lines.
 */
export function itemText(text: string, indent = '  '): string {
  return escapeMarkdown(text.trim()).split('\n').join(`  \n${indent}`);
}

/** An http(s) URL as an autolink (`<https://…>`, understood by CommonMark and Slack); anything else as plain text. */
export function markdownLink(url: string): string {
  try {
    const parsed = new URL(url);
    // The URL parser percent-encodes spaces, quotes and angle brackets, so the autolink cannot be broken out of.
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return `<${parsed.href}>`;
  } catch {
    // not a URL: shown as text below
  }
  return escapeMarkdown(url);
}

/** A fenced code block, its fence longer than any run of backticks inside; each line indented by `indent`. */
export function codeBlock(text: string, indent = '  '): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [fence, ...text.split(/\r\n|\r|\n/), fence].map((line) => (line ? indent + line : line)).join('\n');
}

/**
 * Text as an inline code span: never a link, emphasis or HTML, in CommonMark
 * or Slack. The fence is one backtick longer than any run inside, padded with
 * a space when the text touches a backtick
 * (https://spec.commonmark.org/0.31.2/#code-spans).
 */
export function inlineCode(text: string): string {
  const oneLine = text.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}
