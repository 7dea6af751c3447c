import { z } from 'zod';
import { memberIdentityShape } from '../supabase/team-members';

/**
 * What this device keeps about its team, in one storage key (`local:team`):
 * either the team I am in, or a note that I am no longer in it. The team id
 * the popup needs is read from this same record (lib/supabase/team-id.ts), so
 * there is nothing to keep in step. A departure has no top-level `teamId`, so
 * every reader of the id sees "no team" at once and sync stops.
 */
export const roleSchema = z.enum(['owner', 'member']);

export const memberSchema = z.object({
  ...memberIdentityShape, // userId, displayName: defined once, in zod/mini, for the popup's lead picker
  role: roleSchema,
  /** Removed, left, or their account deleted: their name stays on what they wrote. */
  former: z.boolean().default(false),
});
export type TeamMember = z.infer<typeof memberSchema>;

export const inviteSchema = z.object({ code: z.string(), createdAt: z.string(), expiresAt: z.string() });
export type Invite = z.infer<typeof inviteSchema>;

/** A record written before team lifecycle existed has no `invites` or `former`; the defaults read it as it was. */
export const teamSchema = z.object({
  teamId: z.uuid(),
  name: z.string(),
  role: roleSchema,
  /** The code to hand out: an owner's newest live code; a member's, or null if none is live. */
  inviteCode: z.string().nullable(),
  /** Owners only: every live code, newest first. */
  invites: z.array(inviteSchema).default([]),
  members: z.array(memberSchema),
});
export type Team = z.infer<typeof teamSchema>;

export const departureSchema = z.object({
  teamId: z.uuid(),
  name: z.string(),
  reason: z.enum(['removed', 'left']),
  at: z.string(),
});
export type Departure = z.infer<typeof departureSchema>;

export const teamRecordSchema = z.union([teamSchema, z.object({ departed: departureSchema })]);
export type TeamRecord = z.infer<typeof teamRecordSchema>;

export function teamOf(record: unknown): Team | null {
  const parsed = teamSchema.safeParse(record);
  return parsed.success ? parsed.data : null;
}

export function departureOf(record: unknown): Departure | null {
  const parsed = z.object({ departed: departureSchema }).safeParse(record);
  return parsed.success ? parsed.data.departed : null;
}

/** The sentence a removed or departed person reads, in Options → Team and the side panel. */
export function describeDeparture(d: Pick<Departure, 'name' | 'reason'>): string {
  return d.reason === 'removed' ? `You were removed from ${d.name}.` : `You left ${d.name}.`;
}

/** Owners first, then members; former members last; by name within each. */
export function sortMembers<M extends Pick<TeamMember, 'role' | 'former' | 'displayName'>>(members: readonly M[]): M[] {
  const rank = (m: M) => (m.former ? 2 : m.role === 'owner' ? 0 : 1);
  return [...members].sort((a, b) => rank(a) - rank(b) || a.displayName.localeCompare(b.displayName));
}
