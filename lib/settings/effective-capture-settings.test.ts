import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveCaptureSettings } from './capture-settings';
import { loadEffectiveCaptureSettings } from './effective-capture-settings';

describe('loadEffectiveCaptureSettings', () => {
  it("masks the organisation's selectors and the person's own, each once", async () => {
    await saveCaptureSettings({ maskSelectors: ['.mine', '.api-key'] });
    await fakeBrowser.storage.managed.set({ maskSelectors: ['.api-key', '.org'] });
    expect(await loadEffectiveCaptureSettings()).toEqual({ maskSelectors: ['.api-key', '.org', '.mine'] });
  });

  it("is the person's own list with no policy, and when the policy cannot be read", async () => {
    await saveCaptureSettings({ maskSelectors: ['.mine'] });
    expect(await loadEffectiveCaptureSettings()).toEqual({ maskSelectors: ['.mine'] });
    const own = async () => ({ maskSelectors: ['.mine'] });
    expect(await loadEffectiveCaptureSettings({ own, managed: async () => null })).toEqual({ maskSelectors: ['.mine'] });
  });

  it("keeps the organisation's good selectors when some are malformed", async () => {
    await fakeBrowser.storage.managed.set({ maskSelectors: ['.org', 42, ''] });
    expect(await loadEffectiveCaptureSettings()).toEqual({ maskSelectors: ['.org'] });
  });
});
