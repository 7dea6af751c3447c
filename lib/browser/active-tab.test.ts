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
      },
      // The popup window was focused last, so "last focused + normal" finds nothing.
      tabs: { query: async (q) => ('windowId' in q && q.windowId === 7 ? [sentry] : []) },
    };
    expect((await getActiveTab(api))?.title).toBe('Sentry – TypeError');
    expect(asked).toEqual([{ windowTypes: ['normal'] }]);
  });

  it('gives an empty title when the browser hides it', async () => {
    const api: TabsPort = {
      windows: { getLastFocused: async () => ({ id: 1 }) },
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
      },
      tabs: { query: async () => [] },
    };
    expect(await getActiveTab(api)).toBeNull();
  });
});
