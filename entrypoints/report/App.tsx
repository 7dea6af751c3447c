import { useEffect, useState } from 'react';
import type { IncidentDatabase } from '../../lib/db/database';
import { parseReportRoute } from '../../lib/report/report-route';
import { ReportDocument } from './ReportDocument';
import { useReport } from './use-report';

/** The route lives in the hash (report.html#/incident/<id>), so a reload keeps the report. */
function useRoute() {
  const [route, setRoute] = useState(() => parseReportRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseReportRoute(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

/** The printable report page: one incident, or a sentence saying why there is none. */
export function App({ db }: { db: IncidentDatabase }) {
  const route = useRoute();
  const state = useReport(db, route.ok ? route.incidentId : null);
  if (!route.ok) return <Empty message={route.message} />;
  switch (state.status) {
    case 'loading':
      return null; // a local read of a few ms: no flash of a loading line
    case 'missing':
      return <Empty message="This incident is not on this device. It may have been deleted, or not synced here yet." />;
    case 'error':
      return <Empty message={state.message} />;
    case 'ready':
      return <ReportDocument db={db} report={state.report} />;
  }
}

function Empty({ message }: { message: string }) {
  useEffect(() => {
    document.title = 'No report · Incident Capture';
  }, []);
  return (
    <main className="report report-empty" data-ready="true">
      <h1>No report to show</h1>
      <p role="alert">{message}</p>
    </main>
  );
}
