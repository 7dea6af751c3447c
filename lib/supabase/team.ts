import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/** The team this device syncs with, and who is in it (for names and the lead picker). */
export const teamSchema = z.object({
  teamId: z.uuid(),
  name: z.string(),
  role: z.enum(['owner', 'member']),
  inviteCode: z.string().nullable(),
  members: z.array(z.object({ userId: z.uuid(), displayName: z.string(), role: z.enum(['owner', 'member']) })),
});
export type Team = z.infer<typeof teamSchema>;

export const teamItem = storage.defineItem<Team | null>('local:team', { fallback: null });

/** Who is signed in to the team's project (mirrors the session, for the UI). */
export const accountSchema = z.object({ userId: z.uuid(), email: z.string() });
export type Account = z.infer<typeof accountSchema>;
export const accountItem = storage.defineItem<Account | null>('local:account', { fallback: null });

export async function loadTeam(): Promise<Team | null> {
  const parsed = teamSchema.safeParse(await teamItem.getValue());
  return parsed.success ? parsed.data : null;
}
