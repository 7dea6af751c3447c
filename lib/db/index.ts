import { IncidentDatabase } from './database';

export { IncidentDatabase } from './database';
export type { BlobRow, MetaRow, OutboxRow } from './database';

let instance: IncidentDatabase | undefined;

/** The extension's one database, shared by popup, side panel, options and background. */
export function getDb(): IncidentDatabase {
  instance ??= new IncidentDatabase();
  return instance;
}
