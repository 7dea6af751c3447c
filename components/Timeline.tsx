import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState } from 'react';
import { hiddenEntries } from '../lib/incidents/authority';
import { foldReactions } from '../lib/incidents/reactions';
import type { IncidentEvent, REACTIONS, ScreenshotEvent } from '../lib/model/event';
import { ReactionBar } from './Reactions';
import type { Incident } from '../lib/model/incident';
import { CHANNEL_IN_SENTENCE, OUTCOME_LABEL, SCREENSHOT_SOURCE_LABEL, SEVERITY_LABEL } from '../lib/model/labels';
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
  const hidden = hiddenEntries(events);
  const reactions = foldReactions(events);
  const shown = events.filter((e) => !hidden.has(e.id) && e.kind !== 'reaction');
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
        const e = shown[row.index]!;
        return (
          <li
            key={e.id}
            data-index={row.index}
            ref={virtualizer.measureElement}
            className={`entry entry-${e.kind}`}
            style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${row.start - offset}px)` }}
          >
            <div className="entry-meta">
              <span className="entry-author">{nameOf(e.authorId)}</span> <Timestamp iso={e.createdAt} now={now} />
            </div>
            <EntryBody event={e} followUpText={followUpText} onOpenScreenshot={onOpenScreenshot} />
            {onReact && me && (
              <ReactionBar reactions={reactions.get(e.id)} me={me} onToggle={(emoji, on) => onReact(e.id, emoji, on)} />
            )}
          </li>
        );
      })}
    </ol>
  );
}

function EntryBody({
  event: e,
  followUpText,
  onOpenScreenshot,
}: {
  event: IncidentEvent;
  followUpText: Map<string, string>;
  onOpenScreenshot?: ((event: ScreenshotEvent) => void) | undefined;
}) {
  switch (e.kind) {
    case 'declared':
      return (
        <p className="text">
          Declared a {SEVERITY_LABEL[e.body.severity]} incident, “{e.body.title}”, led by {e.body.leadName}.
          {e.body.summary ? `\n${e.body.summary}` : ''}
          {e.body.sourceUrl && (
            <>
              {' '}
              <SafeLink href={e.body.sourceUrl}>Source</SafeLink>
            </>
          )}
        </p>
      );
    case 'title_changed':
      return <p className="text">Renamed the incident to “{e.body.title}”.</p>;
    case 'summary_changed':
      return <p className="text">{e.body.summary ? `Updated the summary:\n${e.body.summary}` : 'Cleared the summary.'}</p>;
    case 'severity_changed':
      return <p>Changed the severity to {SEVERITY_LABEL[e.body.severity]}.</p>;
    case 'lead_changed':
      return <p className="text">Handed the lead to {e.body.leadName}.</p>;
    case 'status_changed':
      return <p>{e.body.status === 'resolved' ? `Resolved: ${OUTCOME_LABEL[e.body.outcome]}.` : 'Reopened the incident.'}</p>;
    case 'note':
      return (
        <div>
          {e.body.format === 'log' ? (
            <pre>{e.body.text}</pre>
          ) : (
            <p className="text">
              <Linkified text={e.body.text} />
            </p>
          )}
          {e.body.sourceUrl && (
            <p className="muted source">
              from <SafeLink href={e.body.sourceUrl}>{e.body.sourceUrl}</SafeLink>
            </p>
          )}
        </div>
      );
    case 'customer_update':
      return (
        <p className="text">
          Customer update ({CHANNEL_IN_SENTENCE[e.body.channel]}):{'\n'}
          {e.body.text}
        </p>
      );
    case 'follow_up_added':
      return <p className="text">Added a follow-up: {e.body.text}</p>;
    case 'follow_up_done':
      return (
        <p className="text">
          {e.body.done ? 'Completed' : 'Reopened'} the follow-up: {followUpText.get(e.body.followUpId) ?? '(removed)'}
        </p>
      );
    case 'feedback':
      return <p className="text">Feedback: {e.body.text}</p>;
    case 'screenshot':
      return <ScreenshotEntry event={e} onOpen={onOpenScreenshot} />;
    case 'redacted':
      return <p>{e.body.reason === 'replaced' ? 'Redacted a screenshot (replaced by the copy below).' : 'Removed a screenshot.'}</p>;
    case 'reviewed':
      return <p>Reviewed the incident.</p>;
    case 'reaction':
      return null; // shown as counts on the entry it reacts to
  }
}

function ScreenshotEntry({ event: e, onOpen }: { event: ScreenshotEvent; onOpen?: ((e: ScreenshotEvent) => void) | undefined }) {
  const { pageTitle, pageUrl, thumbnail, width, height } = e.body;
  const label = `${SCREENSHOT_SOURCE_LABEL[e.body.source]}${pageTitle ? ` of ${pageTitle}` : ''}`;
  return (
    <figure className="shot">
      <button type="button" className="shot-open" onClick={() => onOpen?.(e)} aria-label={`Open ${label.toLowerCase()}`}>
        {thumbnail ? <img src={thumbnail} alt={label} width={320} /> : <span className="muted">{label}</span>}
      </button>
      <figcaption className="muted">
        <span className="text">{label}</span> · {width}×{height}
        {pageUrl && (
          <>
            {' · '}
            <SafeLink href={pageUrl}>page</SafeLink>
          </>
        )}
      </figcaption>
    </figure>
  );
}

const URL_IN_TEXT = /(https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]])/g;

/** Plain text with its http(s) URLs as links; everything else stays text. */
export function Linkified({ text }: { text: string }) {
  const parts = text.split(URL_IN_TEXT);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <SafeLink key={i} href={part}>
            {part}
          </SafeLink>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** Only http(s) links become anchors; anything else is shown as text. */
export function SafeLink({ href, children }: { href: string; children: React.ReactNode }) {
  let safe = false;
  try {
    const { protocol } = new URL(href);
    safe = protocol === 'http:' || protocol === 'https:';
  } catch {
    safe = false;
  }
  if (!safe) return <span className="text">{href}</span>;
  return (
    <a href={href} target="_blank" rel="noreferrer noopener" className="text">
      {children}
    </a>
  );
}
