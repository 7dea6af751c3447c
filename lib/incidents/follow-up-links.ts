import { judgeTrackerLink } from '../trackers/link-url';
import type { TrackerSettings } from '../trackers/tracker-settings';
import type { Incident } from '../model/incident';
import { appendEvents } from './append';
import type { DomainContext } from './context';
import { NotFoundError, ValidationError } from './errors';

/**
 * Stores a follow-up's tracker issue (one `follow_up_linked` event); an empty
 * `url` clears it. Anyone in the team may link, as anyone may tick a
 * follow-up off (./authority.ts). A URL that is not a tracker issue's
 * (lib/trackers/link-url.ts) is refused with a sentence and nothing is
 * written; the same link again writes nothing.
 */
export async function linkFollowUp(
  ctx: DomainContext,
  incidentId: string,
  followUpId: string,
  url: string,
  trackers: TrackerSettings = {},
): Promise<Incident> {
  const incident = await ctx.db.incidents.get(incidentId);
  if (!incident) throw new NotFoundError('That incident no longer exists on this device.');
  const item = incident.followUps.find((f) => f.id === followUpId);
  if (!item) throw new NotFoundError('That follow-up no longer exists.');
  let link: string | null = null;
  if (url.trim()) {
    const judged = judgeTrackerLink(url, trackers);
    if (!judged.ok) throw new ValidationError(judged.error, 'url');
    link = judged.url;
  }
  if ((item.link ?? null) === link) return incident;
  return (await appendEvents(ctx, incidentId, [{ kind: 'follow_up_linked', body: { followUpId, url: link } }])).incident;
}
