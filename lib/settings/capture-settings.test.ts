import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadCaptureSettings, parseMaskSelectors, saveCaptureSettings } from './capture-settings';

// A stand-in for document.querySelector's parser: brackets must balance.
const valid = (s: string) => !/[[(]$|^[>+~]/.test(s) && s.split('[').length === s.split(']').length;

describe('mask selectors', () => {
  it('reads one selector per line, ignoring blank lines and spaces', () => {
    expect(parseMaskSelectors('  .api-key \n\n[data-secret]\n', valid)).toEqual({
      ok: true,
      selectors: ['.api-key', '[data-secret]'],
    });
  });

  it('names the first invalid line and keeps nothing', () => {
    expect(parseMaskSelectors('.ok\n[data-secret\n.also-ok', valid)).toEqual({
      ok: false,
      error: 'Line 2 is not a valid CSS selector: [data-secret',
    });
  });

  it('refuses absurd lists', () => {
    expect(parseMaskSelectors(Array.from({ length: 101 }, (_, i) => `.s${i}`).join('\n'), valid)).toMatchObject({ ok: false });
  });

  it('round-trips through storage and falls back to defaults when corrupt', async () => {
    expect(await loadCaptureSettings()).toEqual({ maskSelectors: [] });
    await saveCaptureSettings({ maskSelectors: ['.token'] });
    expect(await loadCaptureSettings()).toEqual({ maskSelectors: ['.token'] });
    await fakeBrowser.storage.local.set({ captureSettings: { maskSelectors: 'not a list' } });
    expect(await loadCaptureSettings()).toEqual({ maskSelectors: [] });
  });
});
