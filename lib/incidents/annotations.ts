import type { Incident } from '../model/incident';
import type { DomainContext } from './context';
import { NotFoundError, ValidationError } from './errors';
import { readTimeline } from './queries';
import { familyOf } from './screenshot-family';
import { addScreenshot, type EncodedScreenshot } from './screenshots';

/**
 * Puts an annotated copy of a screenshot on the timeline, through the one
 * write path (addScreenshot): a new screenshot event with its own image,
 * pointing at the original with `annotatesEventId`. The original stays as it
 * was (evidence is not drawn on); the timeline shows the newest copy in its
 * place (./timeline-entries.ts). Annotating a copy annotates the original's
 * family: the new copy points at the original, so a family stays one level
 * deep, and keeps the original's source, page, title and network context.
 *
 * Anyone on the incident may annotate anyone's screenshot; removing follows
 * ./screenshot-family.ts (the original's author and the lead remove it all).
 */
export async function saveAnnotatedCopy(
  ctx: DomainContext,
  incidentId: string,
  eventId: string,
  copy: EncodedScreenshot,
): Promise<{ incident: Incident; eventId: string }> {
  if (copy.bytes.size === 0) throw new ValidationError('The annotated image is empty.');
  const family = familyOf(await readTimeline(ctx.db, incidentId), eventId);
  if (!family) throw new NotFoundError('That screenshot has been removed, so it cannot be annotated.');
  const { original } = family;
  // The page's requests (lib/model/network-context.ts) describe the moment of capture, which the copy shows too.
  const { source, pageUrl, pageTitle, network } = original.body;
  return addScreenshot(ctx, incidentId, { ...copy, source, pageUrl, pageTitle, network, annotatesEventId: original.id });
}
