import type { RealtimeChannel } from '@supabase/supabase-js';
import { browser } from 'wxt/browser';
import { permissions } from '../../components/browser-ports';
import { SENT_TO_TEAM } from '../../lib/browser/permissions';
import { getDb } from '../../lib/db';
import { loadTeam, teamItem } from '../../lib/supabase/team';
import { coalesced } from '../../lib/sync/coalesced';
import { syncWithSession } from '../../lib/sync/session-sync';
import { readSyncState, saveSyncState } from '../../lib/sync/status';
import { listen } from './router';
import { notifyPulled } from './set-up-notifications';
import { checkTeamAfterSync, teamClient } from './team-client';

const ALARM = 'sync';

/** Shown wherever sync status is (side panel, Options → Team) until consent is given again. */
export const CONSENT_MISSING =
  'the browser’s permission to send incidents to your team was withdrawn. Sign in again in Options → Team to allow it; nothing is lost meanwhile.';

/** A forced round asked for while another runs is not lost: the next round takes it. */
let forceNext = false;

/**
 * One sync at a time; a request made while one runs is folded into one more
 * round right after (so a write during a pull is never left waiting for the
 * alarm). Does nothing while local-only or signed out.
 */
export function runSync({ force = false } = {}): Promise<void> {
  forceNext ||= force;
  return syncRounds().catch((error: unknown) => console.error('Sync failed', error));
}

const syncRounds = coalesced(async () => {
  const force = forceNext;
  forceNext = false;
  const [team, client] = await Promise.all([loadTeam(), teamClient()]);
  if (!team || !client) return;
  // Firefox: nothing goes to the team without the person's data consent
  // (asked at Connect and sign-in; it can be withdrawn in about:addons).
  // Signing in again asks for it. Chrome's port always holds it.
  if (!(await permissions.contains({ dataCollection: SENT_TO_TEAM }))) {
    const db = getDb();
    await saveSyncState(db, { ...(await readSyncState(db)), state: 'paused', lastError: CONSENT_MISSING });
    return;
  }
  // A failed round may mean I was removed (pull_events refuses former
  // members with 42501): lib/team asks my_teams() and, if so, notes it and
  // sync ends. The engine returns a transient failure but throws a refusal
  // (lib/sync/engine.ts), so both are checked.
  let round: { state: string };
  try {
    round = await syncWithSession(client, getDb(), team.teamId, { force, onPulled: (events) => void notifyPulled(events) });
  } catch (error) {
    if ((await checkTeamAfterSync({ state: 'error' })) === 'departed') return;
    throw error;
  }
  await checkTeamAfterSync(round);
});

let channel: RealtimeChannel | null = null;

/**
 * Realtime is only a poke: a new row on the team's events makes us pull from
 * the cursor sooner. Every (re)subscription pulls too, since rows may have
 * arrived while the socket was down; polling on the alarm is the fallback.
 */
async function subscribe() {
  const [team, client] = await Promise.all([loadTeam(), teamClient()]);
  if (channel) void channel.unsubscribe();
  channel = null;
  if (!team || !client) return;
  // No socket to the team without consent to send to it (see runSync).
  if (!(await permissions.contains({ dataCollection: SENT_TO_TEAM }))) return;
  channel = client
    .channel(`incident-events-${team.teamId}`)
    .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'incident_events', filter: `team_id=eq.${team.teamId}` }, () => {
      void runSync({ force: true });
    })
    .subscribe((status) => {
      if (status === 'SUBSCRIBED') void runSync({ force: true });
    });
}

export function setUpSync(): void {
  void browser.alarms.create(ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void runSync();
  });
  // After every local write (the page that wrote tells us), and when the network returns.
  listen('incidentsChanged', () => runSync({ force: true }));
  globalThis.addEventListener?.('online', () => void runSync({ force: true }));
  teamItem.watch(() => void subscribe());
  void subscribe();
  void runSync(); // worker start: resume whatever a killed worker left
}
