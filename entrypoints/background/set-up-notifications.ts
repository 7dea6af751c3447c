import { browser } from 'wxt/browser';
import { noticesFor } from '../../lib/notifications/what-to-notify';
import type { IncidentEvent } from '../../lib/model/event';
import { loadProfile } from '../../lib/profile/profile';
import { loadTeamSettings } from '../../lib/settings/team-settings';
import { loadTeam } from '../../lib/supabase/team';

const PREFIX = 'incident:';

/** Desktop notifications for what teammates' pulled events ask of me (switchable in Options). */
export async function notifyPulled(events: IncidentEvent[]): Promise<void> {
  const [profile, settings, team] = await Promise.all([loadProfile(), loadTeamSettings(), loadTeam()]);
  if (!profile) return;
  const names = new Map((team?.members ?? []).map((m) => [m.userId, m.displayName]));
  for (const notice of noticesFor(events, profile.userId, settings, (id) => names.get(id) ?? 'A teammate')) {
    await browser.notifications.create(`${PREFIX}${notice.incidentId}:${Date.now()}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: notice.title,
      message: notice.message,
      priority: 2,
    });
  }
}

export function setUpNotifications(): void {
  // Clicking a notification opens the incident (a side panel cannot be opened without a gesture in the panel itself).
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(PREFIX)) return;
    const incidentId = id.slice(PREFIX.length).split(':')[0];
    void browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html#/incident/${incidentId}`) });
    void browser.notifications.clear(id);
  });
}
