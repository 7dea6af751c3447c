import { describe, expect, it } from 'vitest';
import { codeBlock, inlineCode, escapeMarkdown, itemText, markdownLink } from './markdown-text';

describe('escapeMarkdown', () => {
  it('keeps emphasis and a javascript: link literal', () => {
    expect(escapeMarkdown('*bold* [x](javascript:alert(1))')).toBe('\\*bold\\* \\[x\\](javascript:alert(1))');
  });

  it.each([
    ['_under_ ~~strike~~', '\\_under\\_ \\~\\~strike\\~\\~'],
    ['`code`', '\\`code\\`'],
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)\\>'],
    ['![pic](https://evil.example/x.png)', '!\\[pic\\](https://evil.example/x.png)'],
    ['a | b', 'a \\| b'],
    ['&lt; stays', '\\&lt; stays'],
    ['back\\slash', 'back\\\\slash'],
  ])('escapes inline syntax: %j', (text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected);
  });

  it.each([
    ['# heading', '\\# heading'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['> quote', '\\> quote'],
    ['1. first', '1\\. first'],
    ['2) second', '2\\) second'],
    ['===', '\\==='],
    ['    indented code', 'indented code'],
  ])('escapes what only matters at the start of a line: %j', (text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected);
  });

  it('escapes every line of a multi-line text', () => {
    expect(escapeMarkdown('ok\n# not a heading\r\n- not an item')).toBe('ok\n\\# not a heading\n\\- not an item');
  });

  it('leaves plain prose alone', () => {
    expect(escapeMarkdown('Checkout 500s after deploy 412, p99 12s.')).toBe('Checkout 500s after deploy 412, p99 12s.');
  });
});

describe('itemText', () => {
  it('keeps later lines inside the list item, as lines', () => {
    expect(itemText('first\n- second')).toBe('first  \n  \\- second');
  });
});

describe('markdownLink', () => {
  it('links http and https as autolinks, percent-encoding what could break out', () => {
    expect(markdownLink('https://shop.example/checkout?q=a b>')).toBe('<https://shop.example/checkout?q=a%20b%3E>');
    expect(markdownLink('http://127.0.0.1:8080/x')).toBe('<http://127.0.0.1:8080/x>');
  });

  it.each([['javascript:alert(1)'], ['data:text/html,<b>x</b>'], ['not a url']])('never links %j', (url) => {
    expect(markdownLink(url)).not.toMatch(/^<|\]\(/);
  });
});

describe('codeBlock', () => {
  it('fences longer than any backtick run inside, indented under a list item', () => {
    expect(codeBlock('a ``` b\n  c')).toBe('  ````\n  a ``` b\n    c\n  ````');
  });
});

describe('inlineCode', () => {
  it('fences longer than any backtick run, padding where the text touches a backtick', () => {
    expect(inlineCode('https://x.io/a?b=1')).toBe('`https://x.io/a?b=1`');
    expect(inlineCode('https://x.io/?q=`x``')).toBe('``` https://x.io/?q=`x`` ```');
    expect(inlineCode('a\nb')).toBe('`a b`');
  });
});
