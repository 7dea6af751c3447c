/**
 * supabase-js keeps its session (access and refresh tokens) through this
 * adapter in `chrome.storage.local`: a service worker has no localStorage, and
 * a session must outlive the worker being stopped. Only the background uses it.
 */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export const AUTH_KEY_PREFIX = 'supabase-auth:';

export function chromeAuthStorage(area: KeyValueArea) {
  return {
    async getItem(key: string): Promise<string | null> {
      const full = AUTH_KEY_PREFIX + key;
      const value = (await area.get(full))[full];
      return typeof value === 'string' ? value : null;
    },
    async setItem(key: string, value: string): Promise<void> {
      await area.set({ [AUTH_KEY_PREFIX + key]: value });
    },
    async removeItem(key: string): Promise<void> {
      await area.remove(AUTH_KEY_PREFIX + key);
    },
  };
}
