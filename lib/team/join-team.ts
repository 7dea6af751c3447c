import { refreshTeam } from './refresh-team';
import type { TeamDeps } from './team-deps';
import type { Team } from './team-record';
import { TeamServerError } from './team-server';

export const INVALID_INVITE = 'This invite code is not valid or has expired. Ask a teammate for a new code.';
export const TOO_MANY_INVITES = 'Too many invalid invite codes. Try again in an hour.';

/**
 * What a failed join says. join_team answers an unknown or expired code with
 * null (a raise would roll back its record of the failed attempt); after too
 * many, PT429 (HTTP 429); a name already taken in the team, 23505 with the
 * name in the message. Older servers raised P0001 for a bad code.
 */
export function joinErrorSentence(error: unknown): string {
  if (!(error instanceof TeamServerError)) return error instanceof Error ? error.message : String(error);
  if (error.status === 429 || error.code === 'PT429') return TOO_MANY_INVITES;
  if (error.code === '23505') {
    const name = /already goes by "(.*)"/.exec(error.message)?.[1];
    const who = name ? `Someone in this team already goes by "${name}".` : 'Someone in this team already goes by your name.';
    return `${who} Change your name in Options → Your profile, then join again.`;
  }
  if (error.code === 'P0001' && /not valid or has expired/i.test(error.message)) return INVALID_INVITE;
  return error.message;
}

export async function joinTeam(deps: TeamDeps, code: string, displayName: string): Promise<Team | null> {
  let teamId: string | null;
  try {
    teamId = await deps.server.joinTeam(code.trim(), displayName);
  } catch (error) {
    throw new Error(joinErrorSentence(error), { cause: error });
  }
  if (!teamId) throw new Error(INVALID_INVITE);
  return refreshTeam(deps, teamId);
}

export async function createTeam(deps: TeamDeps, name: string, displayName: string): Promise<Team | null> {
  return refreshTeam(deps, await deps.server.createTeam(name.trim(), displayName));
}
