import type { IncidentDatabase } from '../db/database';
import type { FollowUp, Incident } from '../model/incident';

/** Every open follow-up, oldest first, with its incident: only incidents with one open are read (the `openFollowUpCount` index). */
export async function openFollowUps(db: IncidentDatabase): Promise<{ incident: Incident; followUp: FollowUp }[]> {
  const rows: { incident: Incident; followUp: FollowUp }[] = [];
  await db.incidents.where('openFollowUpCount').above(0).each((incident) => {
    for (const followUp of incident.followUps) if (!followUp.done) rows.push({ incident, followUp });
  });
  return rows.sort((a, b) => (a.followUp.addedAt < b.followUp.addedAt ? -1 : a.followUp.addedAt > b.followUp.addedAt ? 1 : 0));
}
