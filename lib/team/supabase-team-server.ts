import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import { inviteRowSchema, memberRowSchema, teamRowSchema, TeamServerError, type TeamServer } from './team-server';

/**
 * TeamServer over supabase-js RPCs. supabase-js answers `{ data, error, status }`
 * and never throws for an HTTP error (node_modules/@supabase/postgrest-js,
 * PostgrestBuilder.then); `error.code` is the SQLSTATE PostgREST passes on, and
 * `status` its HTTP status (PT429 → 429, 42501 → 403:
 * https://docs.postgrest.org/en/stable/references/errors.html).
 */
export function supabaseTeamServer(client: SupabaseClient): TeamServer {
  async function call<S extends z.ZodType>(fn: string, args: Record<string, unknown>, schema: S): Promise<z.infer<S>> {
    const { data, error, status } = await client.rpc(fn, args);
    if (error) throw new TeamServerError(error.message || `${fn} failed`, error.code || undefined, status);
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new TeamServerError(`The server answered ${fn} in an unexpected shape.`, undefined, status);
    return parsed.data;
  }
  const uuid = z.uuid();
  // A `returns void` function answers with an empty body, which postgrest-js
  // gives as data null (PostgrestBuilder: `if (body === "") {}` leaves data null).
  const nothing = z.null().transform(() => undefined);
  return {
    myTeams: () => call('my_teams', {}, z.array(teamRowSchema)),
    listMembers: (teamId) => call('list_team_members', { p_team_id: teamId }, z.array(memberRowSchema)),
    inviteCode: (teamId) => call('team_invite_code', { p_team_id: teamId }, z.string().nullable()),
    listInvites: (teamId) => call('list_team_invites', { p_team_id: teamId }, z.array(inviteRowSchema)),
    createTeam: (name, displayName) => call('create_team', { p_name: name, p_display_name: displayName }, uuid),
    joinTeam: (code, displayName) => call('join_team', { p_code: code, p_display_name: displayName }, uuid.nullable()),
    createInvite: (teamId) => call('create_invite', { p_team_id: teamId }, z.string().min(1)),
    revokeInvite: (code) => call('revoke_invite', { p_code: code }, nothing),
    removeMember: (teamId, userId) => call('remove_member', { p_team_id: teamId, p_user_id: userId }, nothing),
    leaveTeam: (teamId) => call('leave_team', { p_team_id: teamId }, nothing),
    transferOwnership: (teamId, userId) => call('transfer_ownership', { p_team_id: teamId, p_user_id: userId }, nothing),
  };
}
