import { incidentRef } from '../incidents/numbers';

/**
 * The team's number (INC-12) when sync gave one, else the end of the id (a
 * local-only incident). The end, not the start: a UUIDv7 starts with its
 * timestamp, so two incidents declared within a minute would share a prefix.
 */
export function exportRef(incidentId: string, numbers: ReadonlyMap<string, number>): string {
  return incidentRef(numbers.get(incidentId)) ?? incidentId.replace(/-/g, '').slice(-8);
}
