import Dexie, { type EntityTable } from 'dexie';
import type { IncidentEvent } from '../model/event';
import type { Incident } from '../model/incident';
import { DB_NAME } from './name';
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
  enqueuedAt: string;
  attempts: number;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export class IncidentDatabase extends Dexie {
  events!: EntityTable<IncidentEvent, 'id'>;
  incidents!: EntityTable<Incident, 'id'>;
  blobs!: EntityTable<BlobRow, 'id'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  meta!: EntityTable<MetaRow, 'key'>;

  /** `upTo` opens an older schema version: migration tests only. */
  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1], upTo?: number) {
    super(name, options);
    applySchema(this, upTo);
  }
}
