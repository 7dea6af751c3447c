import { permissions } from '../../components/browser-ports';
import { SENT_TO_SLACK } from '../../lib/browser/permissions';
import { formatHlc } from '../../lib/clock/hlc';
import { getDb } from '../../lib/db';
import { slackPostedItem, slackStatusItem } from '../../lib/db/meta-items';
import { loadProfile } from '../../lib/profile/profile';
import { loadTeamSettings } from '../../lib/settings/team-settings';
import { postToSlack, slackMessageFor } from '../../lib/slack/messages';
import { handle, listen } from './router';
import { flashBadge } from './set-up-badge';

const LOOK_BACK_MS = 24 * 3_600_000;

// Firefox lets a person withdraw data consent at any time (about:addons);
// then nothing is posted until they save the webhook again (which asks).
const CONSENT_WITHDRAWN =
  'Not posted: the browser’s permission to send incident details was withdrawn. Save the webhook again in Options to allow it.';

let posting: Promise<void> | null = null;

/**
 * Posts my recent Major declarations and resolutions to the team's Slack
 * webhook, once each. The incident is saved first and never depends on Slack:
 * a failure is shown (badge, Options) and the message is retried on the next
 * change, for a day.
 */
export function postPendingToSlack(): Promise<void> {
  posting ??= (async () => {
    const [settings, profile] = await Promise.all([loadTeamSettings(), loadProfile()]);
    if (!settings.slackWebhookUrl || !profile) return;
    const db = getDb();
    if (!(await permissions.contains({ dataCollection: SENT_TO_SLACK }))) {
      await slackStatusItem.put(db, { ok: false, message: CONSENT_WITHDRAWN, at: new Date().toISOString() });
      return;
    }
    const since = formatHlc({ wall: Date.now() - LOOK_BACK_MS, counter: 0, node: '0' });
    const posted = new Set(await slackPostedItem.get(db));
    const recent = await db.events.where('hlc').above(since).toArray();
    for (const event of recent) {
      if (posted.has(event.id)) continue;
      const text = slackMessageFor(event, await db.incidents.get(event.incidentId), profile.userId);
      if (!text) continue;
      try {
        await postToSlack(settings.slackWebhookUrl, text);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await slackStatusItem.put(db, { ok: false, message, at: new Date().toISOString() });
        await flashBadge(false, message);
        return;
      }
      posted.add(event.id);
      await slackPostedItem.put(db, [...posted].slice(-500));
      await slackStatusItem.put(db, { ok: true, message: 'Posted to Slack', at: new Date().toISOString() });
    }
  })().finally(() => {
    posting = null;
  });
  return posting;
}

export function setUpSlack(): void {
  listen('incidentsChanged', () => postPendingToSlack());
  handle('testSlack', async () => {
    const settings = await loadTeamSettings();
    if (!settings.slackWebhookUrl) throw new Error('Save a webhook URL first.');
    if (!(await permissions.contains({ dataCollection: SENT_TO_SLACK }))) throw new Error(CONSENT_WITHDRAWN);
    await postToSlack(settings.slackWebhookUrl, ':wave: Incident Capture is connected to this channel.');
    return { ok: true };
  });
  void postPendingToSlack();
}
