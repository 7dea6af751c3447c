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
