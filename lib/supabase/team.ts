import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { departureOf, teamOf, type Departure, type Team } from '../team/team-record';

export { teamSchema, type Departure, type Team } from '../team/team-record';

/**
 * The team this device syncs with and who is in it (for names and the lead
 * picker), or the note that I left or was removed: one record, one key. The
 * team id is read from it too (team-id.ts); it is never stored twice.
 */
export const teamItem = storage.defineItem<unknown>('local:team', { fallback: null });

/** Who is signed in to the team's project (mirrors the session, for the UI). */
export const accountSchema = z.object({ userId: z.uuid(), email: z.string() });
export type Account = z.infer<typeof accountSchema>;
export const accountItem = storage.defineItem<Account | null>('local:account', { fallback: null });

/** The team I am in, or null (local-only, or no longer in it). */
export async function loadTeam(): Promise<Team | null> {
  return teamOf(await teamItem.getValue());
}

export async function loadDeparture(): Promise<Departure | null> {
  return departureOf(await teamItem.getValue());
}

/**
 * Before team lifecycle, the id was kept in `local:teamId` too, written beside
 * `local:team` by hand. Nothing reads it any more; the background removes it.
 */
export const legacyTeamIdItem = storage.defineItem<unknown>('local:teamId', { fallback: null });
