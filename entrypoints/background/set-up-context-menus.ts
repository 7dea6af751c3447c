import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { buildMenu, parseMenuId } from '../../lib/browser-ui/context-menu';
import { getDb } from '../../lib/db';
import { addNote } from '../../lib/incidents/operations';
import { incidentForPage } from '../../lib/incidents/target';
import type { Incident } from '../../lib/model/incident';
import { backgroundDomain } from './domain';
import { describePage } from './describe-page';
import { flashBadge } from './set-up-badge';
import { captureTab, startPicker } from './set-up-capture';

type ClickInfo = { menuItemId: string | number; selectionText?: string; linkUrl?: string; pageUrl?: string };
type Tab = { id?: number; url?: string; title?: string };

let active: Incident[] = [];

async function rebuild(incidents: Incident[]) {
  active = incidents;
  await browser.contextMenus.removeAll();
  for (const item of buildMenu(incidents)) {
    browser.contextMenus.create(item, () => void browser.runtime.lastError); // a duplicate during a rapid rebuild is harmless
  }
}

/** The selection with its line breaks (the menu's selectionText collapses them); falls back to it. */
async function selectedText(tabId: number | undefined, fallback: string): Promise<string> {
  if (tabId === undefined) return fallback;
  try {
    const [first] = await browser.scripting.executeScript({
      target: { tabId },
      func: () => getSelection()?.toString() ?? '',
    });
    return typeof first?.result === 'string' && first.result.trim() ? first.result : fallback;
  } catch {
    return fallback;
  }
}

export async function onMenuClick(info: ClickInfo, tab: Tab | undefined): Promise<string> {
  const parsed = parseMenuId(info.menuItemId);
  if (!parsed) throw new Error('Unknown menu item');
  if (tab?.id === undefined) throw new Error('There is no tab to take this from.');
  const ctx = await backgroundDomain();
  const only = active.length === 1 ? active[0]!.id : null;
  const preferred = parsed.incidentId ?? only;
  const { incidentId } = await incidentForPage(ctx, preferred ? tab : await describePage(tab), preferred);
  switch (parsed.action) {
    case 'screenshot':
      await captureTab(incidentId, tab.id);
      return 'Screenshot added to the incident timeline';
    case 'selection': {
      const text = await selectedText(tab.id, info.selectionText ?? '');
      await addNote(ctx, incidentId, { text, format: 'log', ...(info.pageUrl ? { sourceUrl: info.pageUrl } : {}) });
      return 'Selection added to the incident timeline';
    }
    case 'link':
      if (!info.linkUrl) throw new Error('That link has no address.');
      await addNote(ctx, incidentId, { text: info.linkUrl, ...(info.pageUrl ? { sourceUrl: info.pageUrl } : {}) });
      return 'Link added to the incident timeline';
    case 'element':
      await startPicker(incidentId, tab.id);
      return 'Click the element to capture (Esc cancels)';
  }
}

/**
 * Right-click actions. The menu is rebuilt whenever the set of active
 * incidents changes, so "which incident?" always lists the current ones.
 */
export function setUpContextMenus(): void {
  liveQuery(() => getDb().incidents.where('status').equals('active').reverse().sortBy('lastActivityAt')).subscribe({
    next: (incidents) => void rebuild(incidents),
    error: (error) => console.error('Context menu query failed', error),
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void onMenuClick(info, tab).then(
      (message) => flashBadge(true, message),
      (error: unknown) => flashBadge(false, error instanceof Error ? error.message : String(error)),
    );
  });
}
