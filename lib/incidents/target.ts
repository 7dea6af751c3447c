import type { DomainContext } from './context';
import { declareIncident } from './operations';
import { findMyCurrentIncident } from './queries';
import { titleFromPage } from './title-from-page';

/**
 * Which incident evidence from a page goes to when the person did not pick one
 * (keyboard command, a context menu with one or no active incident): the one
 * asked for, else my current incident, else a new Minor incident titled from
 * the page (declaring costs nothing; losing the evidence would).
 */
export async function incidentForPage(
  ctx: DomainContext,
  tab: { title?: string | undefined; url?: string | undefined },
  preferredId: string | null = null,
): Promise<{ incidentId: string; declared: boolean }> {
  if (preferredId) return { incidentId: preferredId, declared: false };
  const mine = await findMyCurrentIncident(ctx.db, ctx.actor.userId);
  if (mine) return { incidentId: mine.id, declared: false };
  const incident = await declareIncident(ctx, { title: titleFromPage(tab), severity: 'minor', sourceUrl: tab.url });
  return { incidentId: incident.id, declared: true };
}
