import { recordDeparture, refreshTeam, requireTeam } from './refresh-team';
import type { TeamDeps } from './team-deps';
import type { Team } from './team-record';

export const MAX_LIVE_INVITES = 10;
export const SOLE_OWNER = 'Transfer ownership to another member before you leave';

/**
 * What an owner and any member can do to the team. The server decides
 * (supabase/migrations/20261130000000_team_authority.sql refuses non-owners
 * with 42501); the checks here only spare a round trip, and each ends by
 * re-reading the team so every page shows what the server now holds.
 */
async function ownerTeam(deps: TeamDeps): Promise<Team> {
  const team = await requireTeam(deps);
  if (team.role !== 'owner') throw new Error(`Only an owner of ${team.name} can do that.`);
  return team;
}

export async function createInvite(deps: TeamDeps): Promise<Team | null> {
  const team = await ownerTeam(deps);
  await deps.server.createInvite(team.teamId);
  return refreshTeam(deps);
}

export async function revokeInvite(deps: TeamDeps, code: string): Promise<Team | null> {
  await ownerTeam(deps);
  await deps.server.revokeInvite(code);
  return refreshTeam(deps);
}

export async function removeMember(deps: TeamDeps, userId: string): Promise<Team | null> {
  const team = await ownerTeam(deps);
  await deps.server.removeMember(team.teamId, userId);
  return refreshTeam(deps);
}

export async function transferOwnership(deps: TeamDeps, userId: string): Promise<Team | null> {
  const team = await ownerTeam(deps);
  await deps.server.transferOwnership(team.teamId, userId);
  return refreshTeam(deps);
}

/** True when I own the team and no other current member does: I must hand it on before leaving. */
export function isSoleOwner(team: Team, myUserId: string | null): boolean {
  if (team.role !== 'owner') return false;
  return !team.members.some((m) => !m.former && m.role === 'owner' && m.userId !== myUserId);
}

/** Leaves the team. Nothing on this device is deleted; the team's incidents stay readable here. */
export async function leaveTeam(deps: TeamDeps, myUserId: string | null): Promise<void> {
  const team = await requireTeam(deps);
  if (isSoleOwner(team, myUserId)) throw new Error(`${SOLE_OWNER}.`);
  await deps.server.leaveTeam(team.teamId);
  await recordDeparture(deps, team, 'left');
}
