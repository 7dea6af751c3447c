import type { IncidentEvent } from '../model/event';
import type { Incident } from '../model/incident';
import { foldIncident } from './fold';

/** Folds a mixed bag of events into one projection row per declared incident. */
export function foldAll(events: Iterable<IncidentEvent>): Incident[] {
  const byIncident = new Map<string, IncidentEvent[]>();
  for (const e of events) {
    const list = byIncident.get(e.incidentId);
    if (list) list.push(e);
    else byIncident.set(e.incidentId, [e]);
  }
  return [...byIncident.values()].map(foldIncident).filter((i): i is Incident => i !== null);
}
