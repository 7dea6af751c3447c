import type { IncidentDatabase } from '../db/database';

export interface Actor {
  userId: string;
  displayName: string;
}

/**
 * What a domain operation needs from the world, passed in so tests control it:
 * the database, who is acting, the wall clock and the team (null = local-only).
 */
export interface DomainContext {
  db: IncidentDatabase;
  actor: Actor;
  now: () => number;
  teamId?: string | null;
}
