import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { badgeFor } from '../../lib/browser-ui/badge';
import { getDb } from '../../lib/db';
import type { Incident } from '../../lib/model/incident';
import { listen } from './router';

const activeIncidents = () => getDb().incidents.where('status').equals('active').toArray();
let flashUntil = 0;

async function show(active: Incident[]) {
  if (Date.now() < flashUntil) return; // a capture's ✓ / ! is showing; it restores the count itself
  const badge = badgeFor(active);
  const majors = active.filter((i) => i.severity === 'major').length;
  await Promise.all([
    browser.action.setBadgeText({ text: badge.text }),
    browser.action.setBadgeBackgroundColor({ color: badge.color }),
    browser.action.setTitle({
      title: active.length
        ? `${active.length} active incident${active.length === 1 ? '' : 's'}${majors ? ` (${majors} Major)` : ''}`
        : 'Declare an incident',
    }),
  ]);
}

export async function refreshBadge(): Promise<void> {
  await show(await activeIncidents());
}

/**
 * Visible feedback for work done without a window (keyboard command, context
 * menu, element picker): a ✓ or ! on the badge for a moment, the sentence in
 * the toolbar button's tooltip.
 */
export async function flashBadge(ok: boolean, message: string, ms = 1_800): Promise<void> {
  flashUntil = Date.now() + ms;
  await Promise.all([
    browser.action.setBadgeText({ text: ok ? '✓' : '!' }),
    browser.action.setBadgeBackgroundColor({ color: ok ? '#067647' : '#d92d20' }),
    browser.action.setTitle({ title: message }),
  ]);
  setTimeout(() => {
    flashUntil = 0;
    void refreshBadge();
  }, ms);
}

/**
 * Keeps the toolbar badge equal to the number of active incidents, red when
 * any is Major. A live query follows changes while the worker is awake; pages
 * also send `incidentsChanged` after each write, which wakes a sleeping worker.
 */
export function setUpBadge(): void {
  liveQuery(activeIncidents).subscribe({
    next: (active) => void show(active),
    error: (error) => console.error('Badge query failed', error),
  });
  listen('incidentsChanged', () => refreshBadge());
}
