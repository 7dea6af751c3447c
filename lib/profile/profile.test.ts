import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadProfile, saveDisplayName } from './profile';

describe('profile', () => {
  it('is absent on first run', async () => {
    expect(await loadProfile()).toBeNull();
  });

  it('keeps the same user id when the name changes', async () => {
    const first = await saveDisplayName('  Sophie ');
    expect(first.displayName).toBe('Sophie');
    const second = await saveDisplayName('Sophie B.');
    expect(second.userId).toBe(first.userId);
    expect(await loadProfile()).toEqual(second);
  });

  it('refuses an empty name and keeps what was stored', async () => {
    const saved = await saveDisplayName('Lawrence');
    await expect(saveDisplayName('   ')).rejects.toThrow(/Enter a name/);
    expect(await loadProfile()).toEqual(saved);
  });

  it('treats a corrupt stored profile as first run', async () => {
    await fakeBrowser.storage.local.set({ profile: { userId: 'not-a-uuid', displayName: 42 } });
    expect(await loadProfile()).toBeNull();
  });
});
