import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BIDI_NAME_MESSAGE } from '../model/text-direction';
import { loadProfile, saveDisplayName } from './profile';

describe('display names and text-direction control characters', () => {
  it('refuses a new name with U+202E and keeps what was stored', async () => {
    const saved = await saveDisplayName('Lawrence');
    await expect(saveDisplayName('Lawrence \u202eecnerwaL')).rejects.toThrow(BIDI_NAME_MESSAGE);
    await expect(saveDisplayName('\u2066Sam\u2069')).rejects.toThrow(BIDI_NAME_MESSAGE);
    expect(await loadProfile()).toEqual(saved);
  });

  it('still loads a profile stored before the rule, so its user id survives a rename', async () => {
    const userId = '0190a000-0000-7000-8000-0000000000aa';
    await fakeBrowser.storage.local.set({ profile: { userId, displayName: 'Old \u202ename' } });
    expect((await loadProfile())?.userId).toBe(userId);
    expect((await saveDisplayName('Old name')).userId).toBe(userId);
  });
});
