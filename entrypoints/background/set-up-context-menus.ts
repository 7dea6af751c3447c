import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { buildLinkMenu, buildMenu, linkTargetOf, parseMenuId, type LinkTarget } from '../../lib/browser-ui/context-menu';
import { getDb } from '../../lib/db';
import { linkFollowUp } from '../../lib/incidents/follow-up-links';
import { openFollowUps } from '../../lib/incidents/follow-ups';
import { addNote } from '../../lib/incidents/operations';
import { linkCandidates } from '../../lib/trackers/link-candidates';
import { trackerPagePatterns } from '../../lib/trackers/link-url';
import { loadTrackerSettings, trackerSettingsItem } from '../../lib/trackers/tracker-settings-item';
import { incidentForPage } from '../../lib/incidents/target';
import type { Incident } from '../../lib/model/incident';
import { backgroundDomain } from './domain';
import { describePage } from './describe-page';
import { flashBadge } from './set-up-badge';
import { captureTab, startPicker } from './set-up-capture';

type ClickInfo = { menuItemId: string | number; selectionText?: string; linkUrl?: string; pageUrl?: string };
type Tab = { id?: number; url?: string; title?: string };

let active: Incident[] = [];
let linkTargets: LinkTarget[] = [];

async function rebuild(incidents: Incident[], targets: LinkTarget[]) {
  active = incidents;
  linkTargets = targets;
  const patterns = trackerPagePatterns(await loadTrackerSettings());
  await browser.contextMenus.removeAll();
  for (const item of [...buildMenu(incidents), ...buildLinkMenu(targets, patterns)]) {
    try {
      browser.contextMenus.create(item, () => void browser.runtime.lastError); // a duplicate during a rapid rebuild is harmless
    } catch (error) {
      // Firefox throws at once on a pattern it refuses (a custom Jira site's): that item goes, the others stay.
      console.error('Context menu item refused', item.id, error);
    }
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

/** "Link this page to a follow-up": the page's URL, judged as a pasted one would be. */
async function linkPage(target: LinkTarget, pageUrl: string | undefined): Promise<string> {
  const ctx = await backgroundDomain();
  const incident = await linkFollowUp(ctx, target.incident.id, target.followUp.id, pageUrl ?? '', await loadTrackerSettings());
  const text = incident.followUps.find((f) => f.id === target.followUp.id)?.text ?? target.followUp.text;
  return `Linked to the follow-up “${text}”`;
}

export async function onMenuClick(info: ClickInfo, tab: Tab | undefined): Promise<string> {
  const link = linkTargetOf(info.menuItemId, linkTargets);
  if (link === null) throw new Error('There is no open follow-up without a link.');
  if (link !== 'not-link') {
    if (!(info.pageUrl ?? tab?.url)) throw new Error('This page has no address to link.');
    return linkPage(link, info.pageUrl ?? tab?.url);
  }
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
 * incidents (or of open follow-ups without a tracker link) changes, so
 * "which incident?" and "which follow-up?" always list the current ones.
 */
export function setUpContextMenus(): void {
  let latest: { incidents: Incident[]; targets: LinkTarget[] } = { incidents: [], targets: [] };
  liveQuery(async () => {
    const db = getDb();
    const incidents = await db.incidents.where('status').equals('active').reverse().sortBy('lastActivityAt');
    return { incidents, targets: linkCandidates(await openFollowUps(db)) };
  }).subscribe({
    next: (value) => {
      latest = value;
      void rebuild(value.incidents, value.targets);
    },
    error: (error) => console.error('Context menu query failed', error),
  });
  // A Jira site on its own domain adds a page pattern for the link item.
  trackerSettingsItem.watch(() => void rebuild(latest.incidents, latest.targets));
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void onMenuClick(info, tab).then(
      (message) => flashBadge(true, message),
      (error: unknown) => flashBadge(false, error instanceof Error ? error.message : String(error)),
    );
  });
}
