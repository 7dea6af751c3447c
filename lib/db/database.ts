import Dexie, { type EntityTable } from 'dexie';
import type { IncidentEvent } from '../model/event';
import type { StoredFacts } from '../insights/facts';
import type { Incident } from '../model/incident';
import { DB_NAME } from './names';
import { applySchema } from './schema';

export interface BlobRow {
  id: string;
  incidentId: string;
  mimeType: string;
  bytes: Blob;
  createdAt: string;
}

/** One event waiting to reach the team's server; deleted only once acknowledged. */
export interface OutboxRow {
  seq?: number;
  eventId: string;
  incidentId: string;
  /** The event's team; absent for local-only incidents, whose events wait here until shared. */
  teamId?: string;
  /**
   * The event's author. Only the signed-in account's events are pushed (the
   * server accepts no other author), so another account's stay queued here
   * until that account signs in again: switching accounts loses nothing.
   */
  authorId: string;
  enqueuedAt: string;
  attempts: number;
}

/** An event the team's server refused: kept, shown with the reason, never silently dropped. */
export interface DeadLetterRow {
  eventId: string;
  incidentId: string;
  teamId: string;
  reason: string;
  failedAt: string;
}

/** A row pulled from the server that did not parse: kept for inspection, never applied. */
export interface QuarantineRow {
  id?: number;
  teamId: string;
  serverSeq: number | null;
  reason: string;
  row: unknown;
  receivedAt: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export class IncidentDatabase extends Dexie {
  events!: EntityTable<IncidentEvent, 'id'>;
  incidents!: EntityTable<Incident, 'id'>;
  /** One small row per incident for Insights (lib/insights/facts.ts), written with `incidents`. */
  facts!: EntityTable<StoredFacts, 'id'>;
  blobs!: EntityTable<BlobRow, 'id'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  meta!: EntityTable<MetaRow, 'key'>;
  deadLetters!: EntityTable<DeadLetterRow, 'eventId'>;
  quarantine!: EntityTable<QuarantineRow, 'id'>;

  /** `upTo` opens an older schema version: migration tests only. */
  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1], upTo?: number) {
    super(name, options);
    applySchema(this, upTo);
  }
}
