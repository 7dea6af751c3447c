import { storage } from 'wxt/utils/storage';

/**
 * The connected team's id on its own, zod-free: every page needs it before its
 * first write (new incidents belong to the team), including the popup, whose
 * critical path stays small. Written with the full team record (team.ts).
 */
export const teamIdItem = storage.defineItem<string | null>('local:teamId', { fallback: null });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseTeamId(value: unknown): string | null {
  return typeof value === 'string' && UUID.test(value) ? value : null;
}

export async function loadTeamId(): Promise<string | null> {
  return parseTeamId(await teamIdItem.getValue());
}
