import { EntryBody } from '../../components/EntryBody';
import type { IncidentDatabase } from '../../lib/db/database';
import type { IncidentReport } from '../../lib/report/report-model';
import { ReportScreenshot } from './ReportScreenshot';

/** About a tall window's worth: what the first paint shows. The rest follows in the next task. */
export const FIRST_SCREENFUL = 30;

/**
 * The whole timeline, every entry dated and named: not windowed (unlike the
 * side panel's), because a printout needs every entry in the document. Entry
 * text is the timeline's own (components/EntryBody.tsx). Until the first
 * paint (`painted`) only a screenful is rendered, and no image loads: the
 * text a reader sees first is not held back by 500 entries' layout or 50
 * images' decoding (bench/report.run.ts).
 */
export function ReportTimeline({
  db,
  report,
  painted,
  onImageSettled,
}: {
  db: IncidentDatabase;
  report: IncidentReport;
  painted: boolean;
  onImageSettled: (eventId: string) => void;
}) {
  const entries = painted ? report.entries : report.entries.slice(0, FIRST_SCREENFUL);
  return (
    <ol className="report-timeline" aria-label="Timeline">
      {entries.map(({ event, at, author, annotatedBy }) => (
        <li key={event.id} className={`report-entry entry-${event.kind}`}>
          <p className="report-when">
            <time dateTime={at.iso}>{at.utc}</time> <span className="muted">({at.local}, local time)</span> ·{' '}
            <span className="entry-author">{author}</span>
          </p>
          {event.kind === 'screenshot' ? (
            <ReportScreenshot db={db} event={event} annotatedBy={annotatedBy} load={painted} onSettled={onImageSettled} />
          ) : (
            <EntryBody event={event} followUpText={report.followUpText} />
          )}
        </li>
      ))}
    </ol>
  );
}
