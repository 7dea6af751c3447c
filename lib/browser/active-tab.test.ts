import { describe, expect, it } from 'vitest';
import { getActiveTab, type TabsPort } from './active-tab';

describe('getActiveTab', () => {
  it('reads the active tab of the last-focused normal window', async () => {
    const asked: unknown[] = [];
    const api: TabsPort = {
      windows: {
        getLastFocused: async (options) => {
          asked.push(options);
          return { id: 7 };
        },
      },
      tabs: {
        query: async (q) => (q.windowId === 7 ? [{ id: 3, title: 'Sentry – TypeError', url: 'https://sentry.io/x' }] : []),
      },
    };
    expect(await getActiveTab(api)).toEqual({ tabId: 3, windowId: 7, title: 'Sentry – TypeError', url: 'https://sentry.io/x' });
    expect(asked).toEqual([{ windowTypes: ['normal'] }]);
  });

  it('gives an empty title when the browser hides it', async () => {
    const api: TabsPort = {
      windows: { getLastFocused: async () => ({ id: 1 }) },
      tabs: { query: async () => [{ id: 2 }] },
    };
    expect((await getActiveTab(api))?.title).toBe('');
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
