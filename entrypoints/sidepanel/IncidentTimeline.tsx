import { useState } from 'react';
import { NoteComposer } from '../../components/NoteComposer';
import { ScreenshotViewer } from '../../components/ScreenshotViewer';
import { viewerRights } from '../../components/screenshot-rights';
import { Timeline } from '../../components/Timeline';
import { useAction } from '../../components/use-action';
import { encodeImageFile } from '../../lib/capture/image-file';
import type { DomainContext } from '../../lib/incidents/context';
import { addNote, react, type NoteInput } from '../../lib/incidents/operations';
import { addScreenshot } from '../../lib/incidents/screenshots';
import type { IncidentEvent, REACTIONS, ScreenshotEvent } from '../../lib/model/event';
import type { Incident } from '../../lib/model/incident';

/** The log (following its newest entry), the screenshot viewer it opens, and what adds to it: notes, pasted images, reactions. */
export function IncidentTimeline({
  ctx,
  incident,
  events,
  now,
  nameOf,
  complete,
  seenUpTo,
  onEndSeen,
}: {
  ctx: DomainContext;
  incident: Incident;
  events: readonly IncidentEvent[];
  now: number;
  nameOf: (userId: string) => string;
  /** The whole log is read: following starts. */
  complete: boolean;
  /** The last-seen point when the incident was opened (undefined while read). */
  seenUpTo: string | null | undefined;
  onEndSeen: (hlc: string) => void;
}) {
  const incidentId = incident.id;
  const [viewing, setViewing] = useState<ScreenshotEvent | null>(null);
  const note = useAction((input: NoteInput) => addNote(ctx, incidentId, input));
  const image = useAction(async (file: File) =>
    addScreenshot(ctx, incidentId, { ...(await encodeImageFile(file)), source: 'pasted', pageTitle: file.name || undefined }),
  );
  const reaction = useAction((eventId: string, emoji: (typeof REACTIONS)[number], on: boolean) => react(ctx, incidentId, eventId, emoji, on));
  return (
    <section aria-labelledby="timeline-heading">
      <h3 id="timeline-heading">Timeline ({incident.eventCount})</h3>
      <Timeline
        events={events}
        incident={incident}
        now={now}
        nameOf={nameOf}
        me={ctx.actor.userId}
        onOpenScreenshot={setViewing}
        onReact={(eventId, emoji, on) => void reaction.run(eventId, emoji, on)}
        follow={complete && seenUpTo !== undefined}
        seenUpTo={seenUpTo}
        onEndSeen={onEndSeen}
      />
      {viewing && (
        <ScreenshotViewer
          ctx={ctx}
          incidentId={incidentId}
          event={viewing}
          rights={viewerRights(events, viewing.id, incident, ctx.actor.userId, nameOf)}
          onClose={() => setViewing(null)}
        />
      )}
      <NoteComposer onAdd={note.run} busy={note.busy} error={note.error ?? image.error} onImage={image.run} />
      {image.busy && (
        <p role="status" className="muted">
          Adding the image…
        </p>
      )}
    </section>
  );
}
