import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState } from 'react';
import { newestHlc, newSince } from '../lib/incidents/catch-up-marker';
import { foldReactions } from '../lib/incidents/reactions';
import { timelineEntries } from '../lib/incidents/timeline-entries';
import type { IncidentEvent, REACTIONS, ScreenshotEvent } from '../lib/model/event';
import { ReactionBar } from './Reactions';
import type { Incident } from '../lib/model/incident';
import { EntryBody } from './EntryBody';
import { Timestamp } from './Timestamp';
import { useFollowNewest } from './use-follow-newest';

const entries = (n: number) => (n === 1 ? '1 new entry' : `${n} new entries`);

/**
 * The incident's log, oldest first, every entry dated. Everything here is
 * rendered as text: titles, notes and names may come from pages or teammates.
 * With `follow`, it follows the newest entry (./use-follow-newest.ts); with
 * `seenUpTo` (the last-seen point), a marker sits above the first entry new
 * since then (lib/incidents/catch-up-marker.ts).
 */
export function Timeline({
  events,
  incident,
  now,
  nameOf,
  me,
  onOpenScreenshot,
  onReact,
  follow = false,
  seenUpTo,
  onEndSeen,
}: {
  events: readonly IncidentEvent[];
  incident: Incident;
  now: number;
  nameOf: (userId: string) => string;
  me?: string;
  onOpenScreenshot?: (event: ScreenshotEvent) => void;
  onReact?: (eventId: string, emoji: (typeof REACTIONS)[number], on: boolean) => void;
  /** Follow new entries (once the whole log is read). */
  follow?: boolean;
  /** The newest clock the reader had seen before this visit; none: no marker. */
  seenUpTo?: string | null | undefined;
  /** The end is on screen: the log is seen up to this clock. */
  onEndSeen?: (hlc: string) => void;
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
  const marker = newSince(shown, seenUpTo, me ?? '');
  const newest = newestHlc(events);
  const { unseen, followed, jump } = useFollowNewest({
    list,
    virtualizer,
    count: shown.length,
    lastId: shown.at(-1)?.event.id,
    enabled: follow,
    onEndSeen: onEndSeen && newest ? () => onEndSeen(newest) : undefined,
  });
  return (
    <>
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
              tabIndex={-1}
              className={`entry entry-${e.kind}`}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${row.start - offset}px)` }}
            >
              {e.id === marker.firstId && <p className="new-since">New since you last looked · {marker.count}</p>}
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
      {/* Polite: a new entry is news, not an interruption (WAI-ARIA status role, implicitly aria-live="polite"). */}
      <div role="status" className="follow-newest">
        {unseen > 0 ? (
          <button type="button" className="primary new-entries" onClick={jump}>
            {entries(unseen)}
            <span aria-hidden="true"> ↓</span>
          </button>
        ) : (
          followed > 0 && <span className="visually-hidden">Newest entry shown, {shown.length} entries in all.</span>
        )}
      </div>
    </>
  );
}
