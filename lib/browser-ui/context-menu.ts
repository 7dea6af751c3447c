import type { Incident } from '../model/incident';

/**
 * The right-click menu, as data: one item per action, and under each, when
 * several incidents are active, one child per incident to choose from. With
 * one or none active the action itself is clickable (the only incident, or a
 * new one declared from the page).
 */
export type MenuAction = 'screenshot' | 'selection' | 'link' | 'element';
type Context = 'page' | 'frame' | 'selection' | 'link' | 'image' | 'video';
type Contexts = [Context, ...Context[]];

export const MENU_ACTIONS: Record<MenuAction, { title: string; contexts: Contexts }> = {
  screenshot: { title: 'Screenshot this page to incident', contexts: ['page', 'frame', 'image', 'video'] },
  selection: { title: 'Add selection to incident', contexts: ['selection'] },
  link: { title: 'Add link to incident', contexts: ['link'] },
  element: { title: 'Capture an element…', contexts: ['page', 'frame', 'image'] },
};

export const MAX_INCIDENT_CHOICES = 10;

export interface MenuItem {
  id: string;
  title: string;
  contexts: Contexts;
  parentId?: string;
  /** Only on pages matching these (https://developer.chrome.com/docs/extensions/reference/api/contextMenus#property-createProperties-documentUrlPatterns). */
  documentUrlPatterns?: string[];
}

// Chrome reads "&" in a menu title as an access-key marker; "&&" is a literal one.
const menuText = (s: string) => s.replace(/&/g, '&&');

export function buildMenu(active: readonly Pick<Incident, 'id' | 'title' | 'leadName' | 'severity'>[]): MenuItem[] {
  const items: MenuItem[] = [];
  for (const [action, { title, contexts }] of Object.entries(MENU_ACTIONS) as [MenuAction, (typeof MENU_ACTIONS)[MenuAction]][]) {
    items.push({ id: action, title, contexts });
    if (active.length < 2) continue;
    for (const incident of active.slice(0, MAX_INCIDENT_CHOICES)) {
      const label = `${incident.severity === 'major' ? 'Major · ' : ''}${incident.title} (${incident.leadName})`;
      items.push({ id: `${action}:${incident.id}`, parentId: action, title: menuText(label), contexts });
    }
  }
  return items;
}

export function parseMenuId(id: string | number): { action: MenuAction; incidentId: string | null } | null {
  const [action, incidentId] = String(id).split(':');
  if (!action || !(action in MENU_ACTIONS)) return null;
  return { action: action as MenuAction, incidentId: incidentId ?? null };
}

/**
 * "Link this page to a follow-up" (lib/trackers/): only on tracker issue pages
 * (`patterns`, lib/trackers/link-url.ts trackerPagePatterns) and only while
 * some open follow-up has no link. One such follow-up: the item links to it
 * (the badge says which). Several: they are listed, newest first, to choose
 * from, as incidents are for the actions above: a person who just created an
 * issue expects to say which follow-up it is for, not to have one guessed.
 */
export const LINK_FOLLOW_UP = 'linkFollowUp';
export const LINK_FOLLOW_UP_TITLE = 'Link this page to a follow-up';

export interface LinkTarget {
  incident: { id: string; title: string };
  followUp: { id: string; text: string };
}

export function buildLinkMenu(candidates: readonly LinkTarget[], patterns: string[]): MenuItem[] {
  if (candidates.length === 0) return [];
  const contexts: Contexts = ['page'];
  const items: MenuItem[] = [{ id: LINK_FOLLOW_UP, title: LINK_FOLLOW_UP_TITLE, contexts, documentUrlPatterns: patterns }];
  if (candidates.length < 2) return items;
  for (const { incident, followUp } of candidates.slice(0, MAX_INCIDENT_CHOICES)) {
    items.push({
      id: `${LINK_FOLLOW_UP}:${incident.id}/${followUp.id}`,
      parentId: LINK_FOLLOW_UP,
      title: menuText(`${followUp.text} (${incident.title})`),
      contexts,
      documentUrlPatterns: patterns,
    });
  }
  return items;
}

/**
 * Which follow-up a click on the link item means: the one named, or (the item
 * itself, shown when there was one) the newest candidate. Null when the id is
 * not the link item's, or it names nothing.
 */
export function linkTargetOf(id: string | number, candidates: readonly LinkTarget[]): LinkTarget | 'not-link' | null {
  const text = String(id);
  if (text === LINK_FOLLOW_UP) return candidates[0] ?? null;
  if (!text.startsWith(`${LINK_FOLLOW_UP}:`)) return 'not-link';
  const [incidentId, followUpId] = text.slice(LINK_FOLLOW_UP.length + 1).split('/');
  if (!incidentId || !followUpId) return null;
  return (
    candidates.find((c) => c.incident.id === incidentId && c.followUp.id === followUpId) ?? {
      // A follow-up linked or ticked off since the menu was built is still named: the domain decides.
      incident: { id: incidentId, title: '' },
      followUp: { id: followUpId, text: '' },
    }
  );
}
