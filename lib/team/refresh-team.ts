import type { TeamDeps } from './team-deps';
import { departureOf, teamOf, type Team } from './team-record';
import type { TeamRow } from './team-server';

/**
 * Notes that I am no longer in `team`: sync stops (no team id), local incidents
 * stay. Only while that team is still the one on record: a departure already
 * noted (I left while a check was in flight) or a team joined since is kept.
 */
export async function recordDeparture(deps: TeamDeps, team: Pick<Team, 'teamId' | 'name'>, reason: 'removed' | 'left'): Promise<void> {
  if (teamOf(await deps.team.getValue())?.teamId !== team.teamId) return;
  await deps.team.setValue({ departed: { teamId: team.teamId, name: team.name, reason, at: new Date(deps.now()).toISOString() } });
}

/**
 * Reads my team, its members and invite codes, and stores them. Keeps the team
 * already chosen while I am still in it; if it is gone from my_teams() (which
 * lists current memberships only), I was removed. A departure stays on record
 * until I join or create a team (`preferredId`); with no record yet (a first
 * sign-in), the first of my teams is chosen.
 */
export async function refreshTeam(deps: TeamDeps, preferredId?: string): Promise<Team | null> {
  const [teams, record] = await Promise.all([deps.server.myTeams(), deps.team.getValue()]);
  const current = teamOf(record);
  if (!preferredId && current && !teams.some((t) => t.team_id === current.teamId)) {
    await recordDeparture(deps, current, 'removed');
    return null;
  }
  const wanted = preferredId ?? current?.teamId;
  const chosen = teams.find((t) => t.team_id === wanted) ?? (departureOf(record) && !preferredId ? undefined : teams[0]);
  if (!chosen) {
    if (!departureOf(record)) await deps.team.setValue(null);
    return null;
  }
  const team = await readTeam(deps, chosen);
  await deps.team.setValue(team);
  return team;
}

async function readTeam({ server }: TeamDeps, chosen: TeamRow): Promise<Team> {
  const id = chosen.team_id;
  const owner = chosen.role === 'owner';
  const [members, inviteCode, invites] = await Promise.all([
    server.listMembers(id),
    // Codes are a convenience beside the team: a server that cannot hand one
    // out (or predates list_team_invites) must not hide the team itself.
    server.inviteCode(id).catch(() => null),
    owner ? server.listInvites(id).catch(() => []) : Promise.resolve([]),
  ]);
  return {
    teamId: id,
    name: chosen.name,
    role: chosen.role,
    inviteCode,
    invites: invites.map((i) => ({ code: i.code, createdAt: i.created_at, expiresAt: i.expires_at })),
    members: members.map((m) => ({ userId: m.user_id, displayName: m.display_name, role: m.role, former: m.former })),
  };
}

/** The team I am in now, or an error sentence that says where to go. */
export async function requireTeam(deps: Pick<TeamDeps, 'team'>): Promise<Team> {
  const team = teamOf(await deps.team.getValue());
  if (!team) throw new Error('Join or create a team first (Options → Team).');
  return team;
}
