// Writes public/privacy.html from PRIVACY.md, so the policy ships inside the
// extension (Options → Privacy opens it, offline) and PRIVACY.md stays the one
// source: entrypoints/options/privacy-page.test.ts fails when they drift.
// Run: npm run privacy-page
//
// PRIVACY.md keeps to a small Markdown subset, converted here without a
// dependency: #/##/### headings, paragraphs, one-level "- " lists (continued
// by indented lines), **bold**, `code` and [text](https://…) links.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One line of Markdown text as HTML; code spans are taken first, so nothing inside them is formatted. */
export function inline(text) {
  return text
    .split(/(`[^`]+`)/)
    .map((part) => {
      if (part.startsWith('`') && part.endsWith('`') && part.length > 1) return `<code>${escape(part.slice(1, -1))}</code>`;
      return escape(part)
        .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
        .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener noreferrer">$1</a>');
    })
    .join('');
}

/** The body's HTML for the Markdown subset above. */
export function markdownToHtml(markdown) {
  const out = [];
  let paragraph = null; // lines of the open paragraph
  let list = null; // items of the open list
  const close = () => {
    if (paragraph) out.push(`<p>${inline(paragraph.join(' '))}</p>`);
    if (list) out.push(`<ul>\n${list.map((item) => `  <li>${inline(item)}</li>`).join('\n')}\n</ul>`);
    paragraph = null;
    list = null;
  };
  for (const line of markdown.split('\n')) {
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    if (heading) {
      close();
      out.push(`<h${heading[1].length}>${inline(heading[2])}</h${heading[1].length}>`);
    } else if (line.startsWith('- ')) {
      if (paragraph) close();
      list ??= [];
      list.push(line.slice(2).trim());
    } else if (list && /^ {2}\S/.test(line)) {
      list[list.length - 1] += ` ${line.trim()}`;
    } else if (!line.trim()) {
      close();
    } else {
      if (list) close();
      paragraph ??= [];
      paragraph.push(line.trim());
    }
  }
  close();
  return out.join('\n');
}

/** The whole page: the policy, readable in light and dark, no script. */
export function privacyPageHtml(markdown) {
  const title = /^# (.*)$/m.exec(markdown)?.[1] ?? 'Privacy';
  return `<!doctype html>
<!-- Generated from PRIVACY.md by scripts/privacy-page.mjs (npm run privacy-page). Edit PRIVACY.md, not this file. -->
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escape(title)}</title>
<style>
  body { font: 15px/1.55 system-ui, sans-serif; max-width: 720px; margin: 32px auto; padding: 0 16px; }
  h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 1.6em; } h3 { font-size: 1.05em; }
  code { font-size: 0.92em; }
  li { margin: 0.3em 0; }
</style>
</head>
<body>
<main>
${markdownToHtml(markdown)}
</main>
</body>
</html>
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync('public/privacy.html', privacyPageHtml(readFileSync('PRIVACY.md', 'utf8')));
  console.log('wrote public/privacy.html from PRIVACY.md');
}
