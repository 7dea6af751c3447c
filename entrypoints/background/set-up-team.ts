import type { SupabaseClient, User } from '@supabase/supabase-js';
import { getDb } from '../../lib/db';
import { loadProfile, profileItem } from '../../lib/profile/profile';
import { connectionItem, parseConnection } from '../../lib/supabase/connection';
import { accountItem, loadTeam, teamItem, type Team } from '../../lib/supabase/team';
import { teamIdItem } from '../../lib/supabase/team-id';
import { adoptIdentity, shareIncident } from '../../lib/sync/identity';
import { supabaseTransport } from '../../lib/sync/supabase-transport';
import { imagePath } from '../../lib/sync/transport';
import { handle } from './router';
import { runSync } from './set-up-sync';
import { requireClient, rpc } from './team-client';

type TeamRow = { team_id: string; name: string; role: 'owner' | 'member' };
type MemberRow = { user_id: string; display_name: string; role: 'owner' | 'member' };

async function displayName(): Promise<string> {
  return (await loadProfile())?.displayName ?? 'Teammate';
}

/** After any sign-in: remember the account, make local work mine under it, find my team. */
async function signedIn(client: SupabaseClient, user: User | null) {
  if (!user) throw new Error('Signed in, but the server sent no user.');
  await accountItem.setValue({ userId: user.id, email: user.email ?? '' });
  const profile = await loadProfile();
  if (profile && profile.userId !== user.id) {
    await adoptIdentity(getDb(), profile.userId, user.id);
    await profileItem.setValue({ ...profile, userId: user.id });
  }
  const team = await refreshTeam(client);
  void runSync({ force: true });
  return { userId: user.id, email: user.email, team };
}

/** Reads my team, its members and an invite code; keeps the one already chosen if I am still in it. */
export async function refreshTeam(client: SupabaseClient, preferredId?: string): Promise<Team | null> {
  const teams = await rpc<TeamRow[]>(client, 'my_teams', {});
  const current = await loadTeam();
  const chosen = teams.find((t) => t.team_id === (preferredId ?? current?.teamId)) ?? teams[0];
  if (!chosen) {
    await Promise.all([teamItem.setValue(null), teamIdItem.setValue(null)]);
    return null;
  }
  const [members, inviteCode] = await Promise.all([
    rpc<MemberRow[]>(client, 'list_team_members', { p_team_id: chosen.team_id }),
    rpc<string>(client, 'team_invite_code', { p_team_id: chosen.team_id }).catch(() => null),
  ]);
  const team: Team = {
    teamId: chosen.team_id,
    name: chosen.name,
    role: chosen.role,
    inviteCode,
    members: members.map((m) => ({ userId: m.user_id, displayName: m.display_name, role: m.role })),
  };
  await Promise.all([teamItem.setValue(team), teamIdItem.setValue(team.teamId)]);
  return team;
}

export function setUpTeam(): void {
  handle('connectProject', async ({ url, anonKey }) => {
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
    const client = await requireClient().catch(() => null);
    await client?.auth.signOut({ scope: 'local' }).catch(() => undefined);
    await Promise.all([connectionItem.setValue(null), accountItem.setValue(null), teamItem.setValue(null), teamIdItem.setValue(null)]);
  });
  handle('signInWithPassword', async ({ email, password }) => {
    const client = await requireClient();
    const { data, error } = await client.auth.signInWithPassword({ email, password });
    if (error) throw new Error(error.message);
    return signedIn(client, data.user);
  });
  handle('signUp', async ({ email, password }) => {
    const client = await requireClient();
    const { data, error } = await client.auth.signUp({ email, password });
    if (error) throw new Error(error.message);
    if (!data.session) return { confirmEmail: true };
    return signedIn(client, data.user);
  });
  handle('sendSignInCode', async ({ email }) => {
    const client = await requireClient();
    const { error } = await client.auth.signInWithOtp({ email, options: { shouldCreateUser: true } });
    if (error) throw new Error(error.message);
    return { sent: true };
  });
  handle('verifySignInCode', async ({ email, code }) => {
    const client = await requireClient();
    const { data, error } = await client.auth.verifyOtp({ email, token: code, type: 'email' });
    if (error) throw new Error(error.message);
    return signedIn(client, data.user);
  });
  handle('signOut', async () => {
    const client = await requireClient();
    await client.auth.signOut();
    await accountItem.setValue(null);
  });
  handle('createTeam', async ({ name }) => {
    const client = await requireClient();
    const teamId = await rpc<string>(client, 'create_team', { p_name: name, p_display_name: await displayName() });
    return refreshTeam(client, teamId);
  });
  handle('joinTeam', async ({ code }) => {
    const client = await requireClient();
    const teamId = await rpc<string>(client, 'join_team', { p_code: code.trim(), p_display_name: await displayName() });
    const team = await refreshTeam(client, teamId);
    void runSync({ force: true });
    return team;
  });
  handle('refreshTeam', async () => refreshTeam(await requireClient()));
  handle('syncNow', () => runSync({ force: true }));
  handle('shareIncident', async ({ incidentId }) => {
    const team = await loadTeam();
    if (!team) throw new Error('Join or create a team first (Options → Team).');
    await shareIncident(getDb(), incidentId, team.teamId);
    void runSync({ force: true });
  });
  handle('downloadImage', async ({ eventId }) => {
    const db = getDb();
    const event = await db.events.get(eventId);
    if (event?.kind !== 'screenshot' || !event.teamId) throw new Error('That screenshot is not shared with a team.');
    if (!event.body.thumbnail) throw new Error('That screenshot was removed.');
    const bytes = await supabaseTransport(await requireClient()).download(
      imagePath(event.teamId, event.incidentId, event.id, event.body.mimeType),
    );
    // A cache: images are downloaded lazily, when someone opens them.
    await db.blobs.put({ id: event.body.blobId, incidentId: event.incidentId, mimeType: event.body.mimeType, bytes, createdAt: new Date().toISOString() });
    return { bytes: bytes.size };
  });
}
