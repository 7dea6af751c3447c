import { EntryBody } from '../../components/EntryBody';
import type { IncidentDatabase } from '../../lib/db/database';
import type { IncidentReport } from '../../lib/report/report-model';
import { ReportScreenshot } from './ReportScreenshot';
import { useAfterFirstPaint } from './use-after-first-paint';

/**
 * The whole timeline, every entry dated and named: not windowed (unlike the
 * side panel's), because a printout needs every entry in the document. Entry
 * text is the timeline's own (components/EntryBody.tsx); screenshots show the
 * full image, which starts loading only after the text has painted.
 */
export function ReportTimeline({
  db,
  report,
  onImageSettled,
}: {
  db: IncidentDatabase;
  report: IncidentReport;
  onImageSettled: (eventId: string) => void;
}) {
  const painted = useAfterFirstPaint();
  return (
    <ol className="report-timeline" aria-label="Timeline">
      {report.entries.map(({ event, at, author, annotatedBy }) => (
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
