import type { IncidentDatabase } from '../db/database';
import type { FollowUp, Incident } from '../model/incident';

/** Every open follow-up, oldest first, with its incident. */
export async function openFollowUps(db: IncidentDatabase): Promise<{ incident: Incident; followUp: FollowUp }[]> {
  const rows: { incident: Incident; followUp: FollowUp }[] = [];
  await db.incidents.each((incident) => {
    for (const followUp of incident.followUps) if (!followUp.done) rows.push({ incident, followUp });
  });
  return rows.sort((a, b) => (a.followUp.addedAt < b.followUp.addedAt ? -1 : a.followUp.addedAt > b.followUp.addedAt ? 1 : 0));
}
