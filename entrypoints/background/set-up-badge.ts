import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { badgeFor } from '../../lib/badge';
import { getDb } from '../../lib/db';
import type { Incident } from '../../lib/model/incident';
import type { MessagingPort } from '../../lib/messaging/protocol';
import { onMessage } from '../../lib/messaging/receive';

/**
 * Keeps the toolbar badge equal to the number of active incidents, red when
 * any is Major. A live query follows changes while the worker is awake; pages
 * also send `incidentsChanged` after each write, which wakes a sleeping worker.
 */
export function setUpBadge(): void {
  const db = getDb();
  const activeIncidents = () => db.incidents.where('status').equals('active').toArray();

  async function show(active: Incident[]) {
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

  liveQuery(activeIncidents).subscribe({
    next: (active) => void show(active),
    error: (error) => console.error('Badge query failed', error),
  });
  onMessage(browser as unknown as MessagingPort, async (message) => {
    if (message.type === 'incidentsChanged') await show(await activeIncidents());
  });
}
