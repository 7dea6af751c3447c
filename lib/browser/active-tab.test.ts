import { describe, expect, it } from 'vitest';
import { getActiveTab, type TabsPort } from './active-tab';

const sentry = { id: 3, windowId: 7, title: 'Sentry – TypeError', url: 'https://sentry.io/x' };

describe('getActiveTab', () => {
  it('takes the active tab of the last-focused window when that window is normal (the toolbar popup)', async () => {
    const calls: unknown[] = [];
    const api: TabsPort = {
      windows: {
        getLastFocused: async (options) => {
          calls.push(options);
          return { id: 7 };
        },
        getAll: async () => [],
      },
      tabs: { query: async (q) => (calls.push(q), 'lastFocusedWindow' in q ? [sentry] : []) },
    };
    expect(await getActiveTab(api)).toEqual({ tabId: 3, windowId: 7, title: 'Sentry – TypeError', url: 'https://sentry.io/x' });
    expect(calls).toEqual([{ active: true, lastFocusedWindow: true, windowType: 'normal' }]);
  });

  it('falls back to the last-focused normal window when popup.html is a window of its own', async () => {
    const asked: unknown[] = [];
    const api: TabsPort = {
      windows: {
        getLastFocused: async (options) => {
          asked.push(options);
          return { id: 7 };
        },
        getAll: async () => [],
      },
      // The popup window was focused last, so "last focused + normal" finds nothing.
      tabs: { query: async (q) => ('windowId' in q && q.windowId === 7 ? [sentry] : []) },
    };
    expect((await getActiveTab(api))?.title).toBe('Sentry – TypeError');
    expect(asked).toEqual([{ windowTypes: ['normal'] }]);
  });

  it('gives an empty title when the browser hides it', async () => {
    const api: TabsPort = {
      windows: { getLastFocused: async () => ({ id: 1 }), getAll: async () => [] },
      tabs: { query: async () => [{ id: 2, windowId: 1 }] },
    };
    expect(await getActiveTab(api)).toEqual({ tabId: 2, windowId: 1, title: '', url: undefined });
  });

  it('is null when there is no normal window', async () => {
    const api: TabsPort = {
      windows: {
        getLastFocused: async () => {
          throw new Error('No window');
        },
        getAll: async () => [],
      },
      tabs: { query: async () => [] },
    };
    expect(await getActiveTab(api)).toBeNull();
  });

  describe('in Firefox, which ignores windowTypes in getLastFocused and answers with the popup window', () => {
    const popupWindow = { id: 32, type: 'popup', focused: true };
    const query = (tabs: { id: number; windowId: number; title: string; lastAccessed?: number }[]): TabsPort['tabs']['query'] =>
      async (q) => ('lastFocusedWindow' in q ? [] : 'windowId' in q ? tabs.filter((t) => t.windowId === q.windowId) : tabs);

    it('takes the normal window instead of the popup’s own window', async () => {
      const api: TabsPort = {
        windows: { getLastFocused: async () => popupWindow, getAll: async () => [{ id: 1, type: 'normal', focused: false }] },
        tabs: { query: query([{ id: 3, windowId: 1, title: 'Sentry – TypeError' }]) },
      };
      expect(await getActiveTab(api)).toEqual({ tabId: 3, windowId: 1, title: 'Sentry – TypeError', url: undefined });
    });

    it('prefers a focused normal window, else the one whose tab was looked at last', async () => {
      const tabs = [
        { id: 3, windowId: 1, title: 'Older', lastAccessed: 100 },
        { id: 4, windowId: 2, title: 'Newer', lastAccessed: 200 },
      ];
      const windows = (focused: number | null) => async () => [
        { id: 1, type: 'normal', focused: focused === 1 },
        { id: 2, type: 'normal', focused: focused === 2 },
      ];
      const lastLooked: TabsPort = { windows: { getLastFocused: async () => popupWindow, getAll: windows(null) }, tabs: { query: query(tabs) } };
      expect((await getActiveTab(lastLooked))?.title).toBe('Newer');
      const focused: TabsPort = { windows: { getLastFocused: async () => popupWindow, getAll: windows(1) }, tabs: { query: query(tabs) } };
      expect((await getActiveTab(focused))?.title).toBe('Older');
    });

    it('never takes an extension popup window, even if getAll lists it', async () => {
      const api: TabsPort = {
        windows: { getLastFocused: async () => popupWindow, getAll: async () => [popupWindow] },
        tabs: { query: query([{ id: 9, windowId: 32, title: 'Incident Capture', lastAccessed: 999 }]) },
      };
      expect(await getActiveTab(api)).toBeNull();
    });
  });
});
