// zod/mini: the lead picker is on the popup's path, whose budget full zod would break.
import * as z from 'zod/mini';

/**
 * Who a team member is, as the team record stores them: the one definition,
 * which lib/team/team-record.ts's full-zod memberSchema extends (zod 4's mini
 * and classic schemas share a core, so its shape spreads into a classic object).
 */
export const memberIdentityShape = { userId: z.uuid(), displayName: z.string() };

/** The names slice of the team record; a departure record has no members. */
const membersSchema = z.object({
  members: z.array(z.object({ ...memberIdentityShape, former: z.optional(z.boolean()) })),
});

export interface Member {
  id: string;
  name: string;
  /** No longer in the team: still named on what they wrote, never offered as a lead. */
  former: boolean;
}

/** The members of a stored team record (`teamRecordItem`, team-id.ts), read for names only; none for a departure or junk. */
export function teamMembersOf(value: unknown): Member[] {
  const parsed = membersSchema.safeParse(value);
  return parsed.success ? parsed.data.members.map((m) => ({ id: m.userId, name: m.displayName, former: m.former ?? false })) : [];
}
