import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AUTH_KEY_PREFIX, chromeAuthStorage } from './auth-storage';

describe('chromeAuthStorage', () => {
  it('keeps the session under its own prefix and removes it on sign-out', async () => {
    const storage = chromeAuthStorage(fakeBrowser.storage.local);
    expect(await storage.getItem('sb-x-auth-token')).toBeNull();
    await storage.setItem('sb-x-auth-token', '{"access_token":"a"}');
    expect(await storage.getItem('sb-x-auth-token')).toBe('{"access_token":"a"}');
    expect(await fakeBrowser.storage.local.get(`${AUTH_KEY_PREFIX}sb-x-auth-token`)).toEqual({
      [`${AUTH_KEY_PREFIX}sb-x-auth-token`]: '{"access_token":"a"}',
    });
    await storage.removeItem('sb-x-auth-token');
    expect(await storage.getItem('sb-x-auth-token')).toBeNull();
  });
});
