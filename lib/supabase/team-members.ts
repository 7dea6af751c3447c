import { storage } from 'wxt/utils/storage';
// zod/mini: the lead picker is on the popup's path, whose budget full zod would break.
import * as z from 'zod/mini';

/** The names slice of lib/team/team-record.ts's teamSchema; a departure record has no members. */
const membersSchema = z.object({
  members: z.array(z.object({ userId: z.uuid(), displayName: z.string(), former: z.optional(z.boolean()) })),
});

/** The same record as team.ts's `teamItem`, read for names only. */
const teamRecord = storage.defineItem<unknown>('local:team', { fallback: null });

export interface Member {
  id: string;
  name: string;
  /** No longer in the team: still named on what they wrote, never offered as a lead. */
  former: boolean;
}

function parse(value: unknown): Member[] {
  const parsed = membersSchema.safeParse(value);
  return parsed.success ? parsed.data.members.map((m) => ({ id: m.userId, name: m.displayName, former: m.former ?? false })) : [];
}

export async function loadTeamMembers(): Promise<Member[]> {
  return parse(await teamRecord.getValue());
}

export function watchTeamMembers(callback: (members: Member[]) => void): () => void {
  return teamRecord.watch((value) => callback(parse(value)));
}
