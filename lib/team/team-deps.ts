import type { Slot, TeamServer } from './team-server';

/** What lib/team's operations touch: the server, this device's team record, the clock. */
export interface TeamDeps {
  server: TeamServer;
  /** `local:team` (lib/supabase/team.ts): a TeamRecord, or null. Parsed on every read. */
  team: Slot<unknown>;
  now: () => number;
}
