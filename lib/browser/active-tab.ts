/** The page a person is looking at, as far as the popup needs to know it. */
export interface ActiveTab {
  tabId: number | undefined;
  windowId: number;
  title: string;
  url: string | undefined;
}

type TabQuery = { active: true; windowId: number } | { active: true; lastFocusedWindow: true; windowType: 'normal' };

export interface TabsPort {
  windows: { getLastFocused(options: { windowTypes: ['normal'] }): Promise<{ id?: number }> };
  tabs: { query(query: TabQuery): Promise<{ id?: number; windowId?: number; title?: string; url?: string }[]> };
}

/**
 * The active tab of the last-focused *normal* window. The toolbar popup and a
 * popup.html opened in a window of its own (tests, the keyboard command on some
 * platforms) then act on the same page: the one the person was looking at.
 * Title and URL are only visible with `activeTab` or host access; without them
 * the title is empty and the person types one.
 */
export async function getActiveTab(api: TabsPort): Promise<ActiveTab | null> {
  try {
    // One round trip in the common case (the toolbar popup is not a window,
    // so the last-focused window is the person's normal window)...
    const [direct] = await api.tabs.query({ active: true, lastFocusedWindow: true, windowType: 'normal' });
    if (direct?.windowId !== undefined) {
      return { tabId: direct.id, windowId: direct.windowId, title: direct.title ?? '', url: direct.url };
    }
    // ...two when popup.html is a window of its own and was focused last.
    const win = await api.windows.getLastFocused({ windowTypes: ['normal'] });
    if (win.id === undefined) return null;
    const [tab] = await api.tabs.query({ active: true, windowId: win.id });
    if (!tab) return null;
    return { tabId: tab.id, windowId: win.id, title: tab.title ?? '', url: tab.url };
  } catch {
    return null; // no normal window (e.g. only DevTools open): declare without a prefill
  }
}
