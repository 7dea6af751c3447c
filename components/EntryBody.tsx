import type { IncidentEvent, ScreenshotEvent } from '../lib/model/event';
import { CHANNEL_IN_SENTENCE, OUTCOME_LABEL, SEVERITY_LABEL } from '../lib/model/labels';
import { Linkified, SafeLink } from './SafeLink';
import { ScreenshotEntry } from './ScreenshotEntry';

/**
 * What one timeline entry says, by kind. Everything is rendered as text:
 * titles, notes and names may come from pages or teammates. Every kind in
 * lib/model/event.ts's `eventKinds` has a case here (entry-body.test.tsx).
 */
export function EntryBody({
  event: e,
  followUpText,
  onOpenScreenshot,
  original,
  nameOf,
}: {
  event: IncidentEvent;
  followUpText: Map<string, string>;
  onOpenScreenshot?: ((event: ScreenshotEvent) => void) | undefined;
  /** For an annotated copy shown in its original's place: the original (lib/incidents/timeline-entries.ts). */
  original?: ScreenshotEvent | undefined;
  nameOf?: ((userId: string) => string) | undefined;
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
    case 'follow_up_linked': {
      const text = followUpText.get(e.body.followUpId) ?? '(removed)';
      return e.body.url ? (
        <p className="text">
          Linked the follow-up {text} to <SafeLink href={e.body.url}>{e.body.url}</SafeLink>
        </p>
      ) : (
        <p className="text">Unlinked the follow-up: {text}</p>
      );
    }
    case 'feedback':
      return <p className="text">Feedback: {e.body.text}</p>;
    case 'screenshot':
      return <ScreenshotEntry event={e} onOpen={onOpenScreenshot} original={original} annotatedBy={original && nameOf?.(e.authorId)} />;
    case 'redacted':
      return <p>{e.body.reason === 'replaced' ? 'Redacted a screenshot (replaced by the copy below).' : 'Removed a screenshot.'}</p>;
    case 'reviewed':
      return <p>Reviewed the incident.</p>;
    case 'reaction':
      return null; // shown as counts on the entry it reacts to
  }
}
