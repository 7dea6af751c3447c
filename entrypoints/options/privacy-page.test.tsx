// @vitest-environment happy-dom
import { existsSync, readFileSync } from 'node:fs';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { markdownToHtml, privacyPageHtml } from '../../scripts/privacy-page.mjs';
import { makeContext } from '../../test/support/domain';
import { App } from './App';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
});

describe('the privacy policy', () => {
  it('is linked from the options page, to a page the extension ships (public/ is copied into every build)', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    await act(async () => root!.render(<App db={makeContext().db} />));
    const link = [...host.querySelectorAll('a')].find((a) => a.textContent === 'Privacy policy');
    expect(link, 'a "Privacy policy" link').toBeDefined();
    const path = link!.getAttribute('href')!;
    expect(path).toMatch(/^\/[\w-]+\.html$/); // inside the extension: works offline, in every browser
    expect(existsSync(`public${path}`), `public${path}`).toBe(true);
  });

  it('ships exactly what PRIVACY.md says: public/privacy.html is generated from it (npm run privacy-page)', () => {
    const page = readFileSync('public/privacy.html', 'utf8');
    expect(page, 'public/privacy.html is stale: run npm run privacy-page').toBe(privacyPageHtml(readFileSync('PRIVACY.md', 'utf8')));
    expect(page).toContain('<h1>Incident Capture privacy policy</h1>');
    expect(page).not.toMatch(/<script/i);
  });

  it('converts the Markdown subset PRIVACY.md uses, as text', () => {
    expect(markdownToHtml('# A <b>\n\nOne\ntwo **bold** `<meta>` [x](https://e.example/?a=1&b=2)\n- item\n  more\n- `x`\n\n## B')).toBe(
      [
        '<h1>A &lt;b&gt;</h1>',
        '<p>One two <strong>bold</strong> <code>&lt;meta&gt;</code> <a href="https://e.example/?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">x</a></p>',
        '<ul>\n  <li>item more</li>\n  <li><code>x</code></li>\n</ul>',
        '<h2>B</h2>',
      ].join('\n'),
    );
    expect(markdownToHtml('[bad](javascript:alert(1))')).toBe('<p>[bad](javascript:alert(1))</p>');
  });
});
