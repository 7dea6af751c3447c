import { storage } from 'wxt/utils/storage';

/**
 * The connected team's id, zod-free: every page needs it before its first
 * write (new incidents belong to the team), including the popup, whose
 * critical path stays small. It is read from the one team record (team.ts,
 * key `local:team`), never stored on its own: a record saying I left or was
 * removed has no top-level `teamId`, so it reads as "no team".
 */
export const teamRecordItem = storage.defineItem<unknown>('local:team', { fallback: null });
/** Kept under its old name for readers that watch it: its values go through `parseTeamId`. */
export const teamIdItem = teamRecordItem;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The team id of a stored team record (or null for none, a departure, or junk). */
export function parseTeamId(record: unknown): string | null {
  const id = record && typeof record === 'object' ? (record as { teamId?: unknown }).teamId : undefined;
  return typeof id === 'string' && UUID.test(id) ? id : null;
}

export async function loadTeamId(): Promise<string | null> {
  return parseTeamId(await teamRecordItem.getValue());
}
