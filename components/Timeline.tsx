import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState } from 'react';
import { foldReactions } from '../lib/incidents/reactions';
import { timelineEntries } from '../lib/incidents/timeline-entries';
import type { IncidentEvent, REACTIONS, ScreenshotEvent } from '../lib/model/event';
import { ReactionBar } from './Reactions';
import type { Incident } from '../lib/model/incident';
import { EntryBody } from './EntryBody';
import { Timestamp } from './Timestamp';

/**
 * The incident's log, oldest first, every entry dated. Everything here is
 * rendered as text: titles, notes and names may come from pages or teammates.
 */
export function Timeline({
  events,
  incident,
  now,
  nameOf,
  me,
  onOpenScreenshot,
  onReact,
}: {
  events: readonly IncidentEvent[];
  incident: Incident;
  now: number;
  nameOf: (userId: string) => string;
  me?: string;
  onOpenScreenshot?: (event: ScreenshotEvent) => void;
  onReact?: (eventId: string, emoji: (typeof REACTIONS)[number], on: boolean) => void;
}) {
  const followUpText = new Map(incident.followUps.map((f) => [f.id, f.text]));
  // A redacted entry is hidden wherever the timeline is shown; the redaction itself stays on record.
  // A redaction or declaration that does not count (lib/incidents/authority.ts) is not shown at all.
  const reactions = foldReactions(events);
  const shown = timelineEntries(events);
  // Windowed: an incident with thousands of entries renders only what is on screen.
  const list = useRef<HTMLOListElement>(null);
  const [offset, setOffset] = useState(0);
  // Where the list starts on the page; what sits above it (forms, follow-ups) can change height.
  useLayoutEffect(() => {
    const top = list.current ? list.current.getBoundingClientRect().top + window.scrollY : 0;
    if (Math.abs(top - offset) > 0.5) setOffset(top);
  });
  const virtualizer = useWindowVirtualizer({ count: shown.length, estimateSize: () => 64, overscan: 12, scrollMargin: offset });
  return (
    <ol ref={list} className="timeline" aria-label="Timeline" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
      {virtualizer.getVirtualItems().map((row) => {
        const { event: e, original } = shown[row.index]!;
        // An annotated copy stands in its original's place: who took it and when (evidence keeps its time).
        const taken = original ?? e;
        return (
          <li
            key={e.id}
            data-index={row.index}
            ref={virtualizer.measureElement}
            className={`entry entry-${e.kind}`}
            style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${row.start - offset}px)` }}
          >
            <div className="entry-meta">
              <span className="entry-author">{nameOf(taken.authorId)}</span> <Timestamp iso={taken.createdAt} now={now} />
            </div>
            <EntryBody event={e} followUpText={followUpText} onOpenScreenshot={onOpenScreenshot} original={original} nameOf={nameOf} />
            {onReact && me && (
              <ReactionBar reactions={reactions.get(e.id)} me={me} onToggle={(emoji, on) => onReact(e.id, emoji, on)} />
            )}
          </li>
        );
      })}
    </ol>
  );
}
