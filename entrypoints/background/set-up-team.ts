import { browser } from 'wxt/browser';
import { webAuth } from '../../lib/browser/web-auth';
import { getDb } from '../../lib/db';
import { loadProfile, profileItem } from '../../lib/profile/profile';
import { loadManagedSettings } from '../../lib/settings/managed-settings';
import { fetchAuthSettings } from '../../lib/supabase/auth-settings';
import { connectionItem, parseConnection } from '../../lib/supabase/connection';
import { signInWithProvider } from '../../lib/supabase/oauth';
import { accountItem, legacyTeamIdItem, loadTeam, teamItem } from '../../lib/supabase/team';
import { adoptIdentity, shareIncident } from '../../lib/sync/identity';
import { supabaseTransport } from '../../lib/sync/supabase-transport';
import { downloadImage } from '../../lib/team/download-image';
import { createTeam, joinTeam } from '../../lib/team/join-team';
import { createInvite, leaveTeam, removeMember, revokeInvite, transferOwnership } from '../../lib/team/lifecycle';
import { refreshTeam } from '../../lib/team/refresh-team';
import { adoptSignedInUser, type SignInDeps } from '../../lib/team/sign-in';
import type { User } from '@supabase/supabase-js';
import { handle } from './router';
import { joinManagedTeamAfterSignIn } from './set-up-managed';
import { runSync } from './set-up-sync';
import { requireClient, teamDeps } from './team-client';

async function displayName(): Promise<string> {
  return (await loadProfile())?.displayName ?? 'Teammate';
}

async function myUserId(): Promise<string | null> {
  return (await accountItem.getValue())?.userId ?? null;
}

async function signedIn(user: User | null) {
  const deps: SignInDeps = {
    ...teamDeps(await requireClient()),
    account: accountItem,
    profile: { load: loadProfile, save: (p) => profileItem.setValue(p) },
    adoptIdentity: (from, to) => adoptIdentity(getDb(), from, to),
  };
  const result = await adoptSignedInUser(deps, user);
  // A device set up by an organisation's policy joins its team on the first sign-in.
  const team = result.team ?? (await joinManagedTeamAfterSignIn());
  void runSync({ force: true });
  return { ...result, team };
}

const SET_BY_ORGANISATION = 'Your organisation set this project (Options shows it as “Set by your organisation”); it cannot be changed or disconnected here.';

/** Every handler asks lib/team with the current client; each answer is what the Team section shows. */
const withTeam = async () => teamDeps(await requireClient());

export function setUpTeam(): void {
  void legacyTeamIdItem.removeValue(); // the id is read from `local:team` now (lib/supabase/team-id.ts)
  handle('connectProject', async ({ url, anonKey }) => {
    if ((await loadManagedSettings())?.connection) throw new Error(SET_BY_ORGANISATION);
    const parsed = parseConnection(url, anonKey);
    if (!parsed.ok) throw new Error(parsed.error);
    try {
      // Any HTTP answer means the project is there; a network error means it is not.
      await fetch(`${parsed.connection.url}/auth/v1/health`, {
        headers: { apikey: parsed.connection.anonKey },
        signal: AbortSignal.timeout(10_000),
      });
    } catch {
      throw new Error(`Could not reach ${parsed.connection.url}. Check the URL and your connection.`);
    }
    await connectionItem.setValue(parsed.connection);
    return { url: parsed.connection.url };
  });
  handle('disconnectProject', async () => {
    if ((await loadManagedSettings())?.connection) throw new Error(SET_BY_ORGANISATION);
    const client = await requireClient().catch(() => null);
    await client?.auth.signOut({ scope: 'local' }).catch(() => undefined);
    await Promise.all([connectionItem.setValue(null), accountItem.setValue(null), teamItem.setValue(null)]);
  });
  handle('signInWithPassword', async ({ email, password }) => {
    const { data, error } = await (await requireClient()).auth.signInWithPassword({ email, password });
    if (error) throw new Error(error.message);
    return signedIn(data.user);
  });
  handle('signUp', async ({ email, password }) => {
    const { data, error } = await (await requireClient()).auth.signUp({ email, password });
    if (error) throw new Error(error.message);
    if (!data.session) return { confirmEmail: true };
    return signedIn(data.user);
  });
  handle('sendSignInCode', async ({ email }) => {
    const { error } = await (await requireClient()).auth.signInWithOtp({ email, options: { shouldCreateUser: true } });
    if (error) throw new Error(error.message);
    return { sent: true };
  });
  handle('verifySignInCode', async ({ email, code }) => {
    const { data, error } = await (await requireClient()).auth.verifyOtp({ email, token: code, type: 'email' });
    if (error) throw new Error(error.message);
    return signedIn(data.user);
  });
  handle('signInWithProvider', async ({ provider }) => {
    const connection = await connectionItem.getValue();
    const client = await requireClient();
    if (!connection) throw new Error('Connect a Supabase project first (Options → Team).');
    const user = await signInWithProvider(
      { auth: client.auth, webAuth: webAuth(browser), projectUrl: connection.url, settings: () => fetchAuthSettings(connection) },
      provider,
    );
    return signedIn(user);
  });
  handle('oauthRedirectUrl', async () => ({ url: webAuth(browser).redirectUrl() }));
  handle('signOut', async () => {
    await (await requireClient()).auth.signOut();
    await accountItem.setValue(null);
  });
  handle('createTeam', async ({ name }) => createTeam(await withTeam(), name, await displayName()));
  handle('joinTeam', async ({ code }) => {
    const team = await joinTeam(await withTeam(), code, await displayName());
    void runSync({ force: true });
    return team;
  });
  handle('refreshTeam', async () => refreshTeam(await withTeam()));
  handle('createInvite', async () => createInvite(await withTeam()));
  handle('revokeInvite', async ({ code }) => revokeInvite(await withTeam(), code));
  handle('removeMember', async ({ userId }) => removeMember(await withTeam(), userId));
  handle('transferOwnership', async ({ userId }) => transferOwnership(await withTeam(), userId));
  handle('leaveTeam', async () => leaveTeam(await withTeam(), await myUserId()));
  handle('syncNow', () => runSync({ force: true }));
  handle('shareIncident', async ({ incidentId }) => {
    const team = await loadTeam();
    if (!team) throw new Error('Join or create a team first (Options → Team).');
    const sharerId = await myUserId();
    if (!sharerId) throw new Error('Sign in first (Options → Team).');
    await shareIncident(getDb(), incidentId, team.teamId, sharerId);
    void runSync({ force: true });
  });
  handle('downloadImage', async ({ eventId }) => {
    const transport = supabaseTransport(await requireClient());
    return downloadImage({ db: getDb(), download: (path) => transport.download(path), now: () => Date.now() }, eventId);
  });
}
