/** The page a person is looking at, as far as the popup needs to know it. */
export interface ActiveTab {
  tabId: number | undefined;
  windowId: number;
  title: string;
  url: string | undefined;
}

type TabQuery =
  | { active: true; windowId: number }
  | { active: true; lastFocusedWindow: true; windowType: 'normal' }
  | { active: true; windowType: 'normal' };

interface WindowInfo {
  id?: number;
  type?: string;
  focused?: boolean;
}

interface TabInfo {
  id?: number;
  windowId?: number;
  title?: string;
  url?: string;
  lastAccessed?: number;
}

export interface TabsPort {
  windows: {
    getLastFocused(options: { windowTypes: ['normal'] }): Promise<WindowInfo>;
    getAll(options: { windowTypes: ['normal'] }): Promise<WindowInfo[]>;
  };
  tabs: { query(query: TabQuery): Promise<TabInfo[]> };
}

const isNormal = (w: WindowInfo) => w.id !== undefined && (w.type === undefined || w.type === 'normal');
const toActiveTab = (tab: TabInfo, windowId: number): ActiveTab => ({ tabId: tab.id, windowId, title: tab.title ?? '', url: tab.url });

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
    if (direct?.windowId !== undefined) return toActiveTab(direct, direct.windowId);
    // ...two when popup.html is a window of its own and was focused last.
    const win = await api.windows.getLastFocused({ windowTypes: ['normal'] });
    if (isNormal(win)) {
      const [tab] = await api.tabs.query({ active: true, windowId: win.id! });
      return tab ? toActiveTab(tab, win.id!) : null;
    }
    return await lastNormalWindowTab(api);
  } catch {
    return null; // no normal window (e.g. only DevTools open): declare without a prefill
  }
}

/**
 * Firefox ignores `windowTypes` in `windows.getLastFocused` and answers with
 * the popup's own window (type "popup"), though it honours it in
 * `windows.getAll` (probed on Firefox ESR 153; MDN lists windowTypes as
 * unsupported for getLastFocused:
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/windows/getLastFocused).
 * So: the focused normal window if there is one, else the normal window whose
 * active tab was looked at last (Firefox stamps `lastAccessed` when a window
 * loses focus). Types are checked again here, so an extension's popup window
 * is never taken for the page.
 */
async function lastNormalWindowTab(api: TabsPort): Promise<ActiveTab | null> {
  const [windows, tabs] = await Promise.all([
    api.windows.getAll({ windowTypes: ['normal'] }),
    api.tabs.query({ active: true, windowType: 'normal' }),
  ]);
  const normal = windows.filter(isNormal);
  const candidates = tabs.filter((t) => normal.some((w) => w.id === t.windowId));
  const focused = normal.find((w) => w.focused);
  const inFocused = focused && candidates.find((t) => t.windowId === focused.id);
  const chosen = inFocused ?? candidates.reduce<TabInfo | undefined>((best, t) => (!best || (t.lastAccessed ?? 0) > (best.lastAccessed ?? 0) ? t : best), undefined);
  return chosen?.windowId !== undefined ? toActiveTab(chosen, chosen.windowId) : null;
}
