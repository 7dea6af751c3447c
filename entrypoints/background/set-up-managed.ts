import { loadProfile } from '../../lib/profile/profile';
import { applyManagedConnection, type ApplyConnectionPorts } from '../../lib/settings/apply-managed-connection';
import { joinManagedTeam, type JoinManagedPorts } from '../../lib/settings/join-managed-team';
import { readManagedPolicy, watchManagedPolicy } from '../../lib/settings/managed-settings';
import { managedStatusItem } from '../../lib/settings/managed-status';
import { connectionItem, type Connection } from '../../lib/supabase/connection';
import { accountItem, teamItem } from '../../lib/supabase/team';
import { runSync } from './set-up-sync';
import { teamClient, teamDeps } from './team-client';

/** Any HTTP answer means the project is there (as when a person connects one by hand). */
async function reachable(connection: Connection): Promise<boolean> {
  try {
    await fetch(`${connection.url}/auth/v1/health`, { headers: { apikey: connection.anonKey }, signal: AbortSignal.timeout(10_000) });
    return true;
  } catch {
    return false;
  }
}

const connectionPorts: ApplyConnectionPorts = {
  policy: readManagedPolicy,
  connection: connectionItem,
  account: accountItem,
  team: teamItem,
  signOutLocally: async () => {
    await (await teamClient())?.auth.signOut({ scope: 'local' });
  },
  reachable,
  status: managedStatusItem,
};

const joinPorts: JoinManagedPorts = {
  policy: readManagedPolicy,
  teamDeps: async () => {
    const client = await teamClient();
    return client ? teamDeps(client) : null;
  },
  account: accountItem,
  displayName: async () => (await loadProfile())?.displayName ?? 'Teammate',
  status: managedStatusItem,
};

// One run at a time: a policy change and a start-up must not join twice.
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(run: () => Promise<T>): Promise<T> {
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

async function applyAndJoin(): Promise<void> {
  await applyManagedConnection(connectionPorts);
  if (await joinManagedTeam(joinPorts)) void runSync({ force: true });
}

/**
 * The organisation's team, right after a sign-in (set-up-team.ts calls this
 * before answering the options page, so the page shows the team at once and
 * sign-in's own team refresh cannot race the join).
 */
export function joinManagedTeamAfterSignIn() {
  return serially(() => joinManagedTeam(joinPorts, { retry: true }));
}

/**
 * Settings an admin deploys (lib/settings/managed-settings.ts): at start and
 * whenever the policy changes, connect to the organisation's project, and
 * join its team if someone is signed in without one.
 */
export function setUpManaged(): void {
  void serially(applyAndJoin);
  watchManagedPolicy(() => void serially(applyAndJoin));
}
