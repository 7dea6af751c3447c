import { useEffect } from 'react';
import { SafeLink } from '../../components/SafeLink';
import type { IncidentDatabase } from '../../lib/db/database';
import { REPORT_READY_MARK } from '../../lib/perf/marks';
import type { IncidentReport } from '../../lib/report/report-model';
import type { ReportTime } from '../../lib/report/report-time';
import { PageMargins } from './PageMargins';
import { PrintButton } from './PrintButton';
import { ReportFollowUps } from './ReportFollowUps';
import { ReportTimeline } from './ReportTimeline';
import { useAfterFirstPaint } from './use-after-first-paint';
import { useImagesSettled } from './use-images-settled';

/**
 * The report as a document: header facts, summary, follow-ups and the whole
 * timeline. Every string from the log is a React text node (DESIGN.md's
 * security rules): a title with markup prints as those characters.
 * `data-ready` turns "true" once every image has loaded or shown its
 * placeholder: what printing (and the E2E PDF test) waits for.
 */
export function ReportDocument({ db, report }: { db: IncidentDatabase; report: IncidentReport }) {
  const painted = useAfterFirstPaint();
  const images = useImagesSettled(report.screenshots.length);
  // Ready: every entry rendered (after the first paint) and every image settled.
  const ready = painted && images.ready;
  useEffect(() => {
    if (ready) performance.mark(REPORT_READY_MARK);
  }, [ready]);
  useEffect(() => {
    document.title = `${report.ref} · ${report.title} · Incident report`;
  }, [report.ref, report.title]);
  return (
    <main className="report" data-ready={ready ? 'true' : 'false'} aria-labelledby="report-title">
      <PageMargins report={report} />
      <div className="report-bar no-print">
        <PrintButton ready={ready} />
      </div>
      <header className="report-header">
        <p className="report-kicker">
          <span className="mono">{report.ref}</span> · Incident report · Generated <When time={report.generated} />
        </p>
        <h1 id="report-title">{report.title}</h1>
        <dl className="report-facts">
          <Fact term="Severity">{report.severity}</Fact>
          <Fact term="Status">{report.status}</Fact>
          <Fact term="Lead">{report.lead}</Fact>
          <Fact term="Declared">
            <When time={report.declared} />
          </Fact>
          {report.resolved && (
            <Fact term="Resolved">
              <When time={report.resolved} />
            </Fact>
          )}
          <Fact term="Duration">{report.duration}</Fact>
          {report.outcome && <Fact term="Outcome">{report.outcome}</Fact>}
          {report.sourceUrl && (
            <Fact term="Source">
              <SafeLink href={report.sourceUrl}>{report.sourceUrl}</SafeLink>
            </Fact>
          )}
        </dl>
      </header>
      <section aria-labelledby="report-summary">
        <h2 id="report-summary">Summary</h2>
        <p className="text">{report.summary || 'No summary was written.'}</p>
      </section>
      <ReportFollowUps followUps={report.followUps} />
      <section aria-labelledby="report-timeline">
        <h2 id="report-timeline">Timeline ({report.entries.length} entries)</h2>
        <ReportTimeline db={db} report={report} painted={painted} onImageSettled={images.settle} />
      </section>
    </main>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** UTC first (the same for every reader), then the reader's own clock, each labelled. */
export function When({ time }: { time: ReportTime }) {
  return (
    <>
      <time dateTime={time.iso}>{time.utc}</time> <span className="muted">({time.local}, local time)</span>
    </>
  );
}
