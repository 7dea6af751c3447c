// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { sensitiveElements } from './sensitive-elements';

describe('sensitiveElements', () => {
  it('always finds password inputs, plus what the selectors match, once each', () => {
    document.body.innerHTML = `
      <input id="user" type="text"><input id="pw" type="password"><input id="pw2" type="PASSWORD">
      <span class="api-key" id="k">sk_live_123</span><div data-secret id="s"></div>`;
    const ids = sensitiveElements(document, ['.api-key', '[data-secret]', '#pw']).map((e) => e.id);
    expect(ids.sort()).toEqual(['k', 'pw', 'pw2', 's']);
  });

  it('skips an invalid selector instead of failing the capture', () => {
    document.body.innerHTML = '<input id="pw" type="password">';
    expect(sensitiveElements(document, ['[unclosed']).map((e) => e.id)).toEqual(['pw']);
  });
});
