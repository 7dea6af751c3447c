import { storage } from 'wxt/utils/storage';
// zod/mini: the lead picker is on the popup's path, whose budget full zod would break.
import * as z from 'zod/mini';

const membersSchema = z.object({
  members: z.array(z.object({ userId: z.uuid(), displayName: z.string() })),
});

/** The same record as team.ts's `teamItem`, read for names only. */
const teamRecord = storage.defineItem<unknown>('local:team', { fallback: null });

export interface Member {
  id: string;
  name: string;
}

function parse(value: unknown): Member[] {
  const parsed = membersSchema.safeParse(value);
  return parsed.success ? parsed.data.members.map((m) => ({ id: m.userId, name: m.displayName })) : [];
}

export async function loadTeamMembers(): Promise<Member[]> {
  return parse(await teamRecord.getValue());
}

export function watchTeamMembers(callback: (members: Member[]) => void): () => void {
  return teamRecord.watch((value) => callback(parse(value)));
}
