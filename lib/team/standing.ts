import { recordDeparture } from './refresh-team';
import type { TeamDeps } from './team-deps';
import { teamOf } from './team-record';

/**
 * - `member`: nothing suggests otherwise; keep syncing.
 * - `departed`: I am no longer in the team; a departure is recorded and sync must stop.
 * - `no-team`: there is no team to sync.
 * - `unknown`: the server could not say (offline); try again later.
 */
export type Standing = 'member' | 'departed' | 'no-team' | 'unknown';

/**
 * Called by the background after a sync round. A removed member's pull is
 * refused (pull_events raises 42501, which the engine records as an `error`
 * state), so after a failed round ask my_teams(), which lists current
 * memberships only, whether the team is still mine. A healthy round costs no
 * request. The return value tells the caller whether to go on syncing.
 */
export async function checkStanding(deps: TeamDeps, round: { state: string }): Promise<Standing> {
  const team = teamOf(await deps.team.getValue());
  if (!team) return 'no-team';
  if (round.state !== 'error') return 'member';
  let teams;
  try {
    teams = await deps.server.myTeams();
  } catch {
    return 'unknown';
  }
  if (teams.some((t) => t.team_id === team.teamId)) return 'member';
  await recordDeparture(deps, team, 'removed');
  return 'departed';
}
