import { z } from 'zod';

/**
 * The team RPCs this extension calls (supabase/migrations/*_team_queries.sql
 * and *_team_authority.sql), as a port: lib/team's logic is tested against a
 * fake, and supabase-team-server.ts implements it over supabase-js. Every
 * answer is parsed with the schemas below before anyone uses it.
 */
export const teamRowSchema = z.object({ team_id: z.uuid(), name: z.string(), role: z.enum(['owner', 'member']) });
export type TeamRow = z.infer<typeof teamRowSchema>;

export const memberRowSchema = z.object({
  user_id: z.uuid(),
  display_name: z.string(),
  role: z.enum(['owner', 'member']),
  // A server from before the team-authority migration sends no `former`: everyone it lists is current.
  former: z.boolean().default(false),
});
export type MemberRow = z.infer<typeof memberRowSchema>;

export const inviteRowSchema = z.object({ code: z.string(), created_at: z.string(), expires_at: z.string() });
export type InviteRow = z.infer<typeof inviteRowSchema>;

export interface TeamServer {
  myTeams(): Promise<TeamRow[]>;
  listMembers(teamId: string): Promise<MemberRow[]>;
  /** Owners: a live code (minted if none); members: the newest live code or null. */
  inviteCode(teamId: string): Promise<string | null>;
  /** Owners only. */
  listInvites(teamId: string): Promise<InviteRow[]>;
  createTeam(name: string, displayName: string): Promise<string>;
  /** The team joined, or null for an unknown or expired code. */
  joinTeam(code: string, displayName: string): Promise<string | null>;
  createInvite(teamId: string): Promise<string>;
  revokeInvite(code: string): Promise<void>;
  removeMember(teamId: string, userId: string): Promise<void>;
  leaveTeam(teamId: string): Promise<void>;
  transferOwnership(teamId: string, userId: string): Promise<void>;
}

/** A refusal from the server, with what PostgREST said: SQLSTATE `code` and HTTP `status`. */
export class TeamServerError extends Error {
  override name = 'TeamServerError';
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly status: number,
  ) {
    super(message);
  }
}

/** The one storage value lib/team reads and writes; a WXT storage item fits. */
export interface Slot<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}
