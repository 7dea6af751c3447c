import { browser } from 'wxt/browser';
import { permissions } from '../../components/browser-ports';
import { testAnnouncement } from '../../lib/announce/announcement';
import type { Destination } from '../../lib/announce/destination';
import { allDestinations } from '../../lib/announce/all-destinations';
import { originPattern, serviceName } from '../../lib/announce/destination-url';
import { loadDestinations, migrateStoredDestinations } from '../../lib/announce/destinations-store';
import { postRequest } from '../../lib/announce/post';
import { recordStatus } from '../../lib/announce/record-status';
import { requestFor } from '../../lib/announce/request';
import { CONSENT_WITHDRAWN, hostNotAllowed, sendPending } from '../../lib/announce/sender';
import { SENT_TO_WEBHOOKS, WEBHOOK_LINKS } from '../../lib/browser/permissions';
import { getDb } from '../../lib/db';
import { readNodeId } from '../../lib/incidents/node-id';
import { loadManagedSettings } from '../../lib/settings/managed-settings';
import { coalesced } from '../../lib/sync/coalesced';
import { handle, listen } from './router';
import { flashBadge } from './set-up-badge';

const ALARM = 'announce-retry';

/** The organisation's destinations first (lib/settings/managed-settings.ts), then the person's own. */
async function destinations(): Promise<Destination[]> {
  const [managed, own] = await Promise.all([loadManagedSettings().catch(() => null), loadDestinations()]);
  return allDestinations(managed?.webhooks ?? [], own);
}

let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * Sends what is owed (lib/announce/sender.ts), one run at a time (coalesced).
 * A retry due later is woken by a timer while the worker lives and by an alarm
 * if it sleeps (Chrome runs alarms at most every 30 s:
 * https://developer.chrome.com/docs/extensions/reference/api/alarms).
 */
export const announcePending = coalesced(async () => {
  const db = getDb();
  const report = await sendPending({
    db,
    fetch: (input, init) => fetch(input, init),
    now: Date.now,
    nodeId: await readNodeId(db),
    destinations: await destinations(),
    hostAllowed: (d) => permissions.contains({ origins: [originPattern(d.url)] }),
    consent: async () => ({
      send: await permissions.contains({ dataCollection: SENT_TO_WEBHOOKS }),
      links: await permissions.contains({ dataCollection: WEBHOOK_LINKS }),
    }),
    onFailure: (message) => void flashBadge(false, message),
  });
  clearTimeout(timer);
  if (report.nextAttemptAt !== null) {
    timer = setTimeout(() => void announcePending(), Math.max(0, report.nextAttemptAt - Date.now()));
    void browser.alarms.create(ALARM, { when: Math.max(report.nextAttemptAt, Date.now() + 30_000) });
  }
});

export function setUpAnnounce(): void {
  listen('incidentsChanged', () => announcePending());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void announcePending();
  });
  handle('testDestination', async ({ id }) => {
    const destination = (await destinations()).find((d) => d.id === id);
    if (!destination) throw new Error('Save the destination first.');
    if (!(await permissions.contains({ dataCollection: SENT_TO_WEBHOOKS }))) throw new Error(CONSENT_WITHDRAWN);
    if (!(await permissions.contains({ origins: [originPattern(destination.url)] }))) throw new Error(hostNotAllowed(destination));
    const result = await postRequest(fetch, destination.url, await requestFor(destination, testAnnouncement(new Date()), Date.now()), serviceName(destination));
    const db = getDb();
    await recordStatus(db, id, { ok: result.ok, message: result.ok ? 'Test message sent' : result.message, at: new Date().toISOString() });
    if (!result.ok) throw new Error(result.message);
    return { ok: true };
  });
  // Worker start: make the old Slack webhook's migration stick, then send what a killed worker owed.
  void migrateStoredDestinations().finally(() => void announcePending());
}
