import { browser } from 'wxt/browser';
import { noticeBatcher } from '../../lib/notifications/notice-batcher';
import type { NoticePlan } from '../../lib/notifications/notice-plan';
import { noticesFor } from '../../lib/notifications/what-to-notify';
import type { IncidentEvent } from '../../lib/model/event';
import { loadProfile } from '../../lib/profile/profile';
import { loadTeamSettings } from '../../lib/settings/team-settings';
import { loadTeam } from '../../lib/supabase/team';

const PREFIX = 'incident:';
const SUMMARY = 'summary:';

async function show(plan: NoticePlan): Promise<void> {
  const iconUrl = browser.runtime.getURL('/icon/128.png');
  for (const notice of plan.show) {
    await browser.notifications.create(`${PREFIX}${notice.incidentId}:${Date.now()}`, {
      type: 'basic',
      iconUrl,
      title: notice.title,
      message: notice.message,
      priority: 2,
    });
  }
  if (plan.summary) {
    await browser.notifications.create(`${SUMMARY}${Date.now()}`, {
      type: 'basic',
      iconUrl,
      title: plan.summary.title,
      message: plan.summary.message,
      priority: 1,
    });
  }
}

// One burst of pulled pages → one plan: at most three notifications, then one summary.
const batcher = noticeBatcher((plan) => void show(plan).catch((error: unknown) => console.error('Notifications failed', error)));

/** Desktop notifications for what teammates' pulled events ask of me (switchable in Options). */
export async function notifyPulled(events: IncidentEvent[]): Promise<void> {
  const [profile, settings, team] = await Promise.all([loadProfile(), loadTeamSettings(), loadTeam()]);
  if (!profile) return;
  const names = new Map((team?.members ?? []).map((m) => [m.userId, m.displayName]));
  batcher.add(noticesFor(events, profile.userId, settings, (id) => names.get(id) ?? 'A teammate'));
}

export function setUpNotifications(): void {
  // Clicking a notification opens the incident (a side panel cannot be opened without a gesture in the panel itself);
  // the summary opens the list.
  browser.notifications.onClicked.addListener((id) => {
    if (id.startsWith(PREFIX)) {
      const incidentId = id.slice(PREFIX.length).split(':')[0];
      void browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html#/incident/${incidentId}`) });
    } else if (id.startsWith(SUMMARY)) {
      void browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
    } else return;
    void browser.notifications.clear(id);
  });
}
