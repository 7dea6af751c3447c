import { useState } from 'react';
import { extensionPort } from '../../components/extension-port';
import { SafeLink } from '../../components/SafeLink';
import { SeverityBadge, StatusBadge } from '../../components/SeverityBadge';
import { Timestamp } from '../../components/Timestamp';
import { useAction } from '../../components/use-action';
import type { DomainContext } from '../../lib/incidents/context';
import { incidentRef } from '../../lib/incidents/numbers';
import { changeSummary } from '../../lib/incidents/operations';
import { copyIncidentMarkdown } from '../../lib/export/markdown';
import { request } from '../../lib/messaging/send';
import type { Incident } from '../../lib/model/incident';
import { OUTCOME_LABEL } from '../../lib/model/labels';
import { reportPath } from '../../lib/report/report-route';
import { SummaryEditor } from './SummaryEditor';

/** Title, number, badges and who leads; copy as Markdown, and share a device-only incident. */
export function IncidentHeader({
  ctx,
  incident,
  number,
  now,
  authorName,
}: {
  ctx: DomainContext;
  incident: Incident;
  number: number | null | undefined;
  now: number;
  authorName: (userId: string) => string;
}) {
  const incidentId = incident.id;
  const active = incident.status === 'active';
  const share = useAction(() => request(extensionPort, { type: 'shareIncident', incidentId }));
  const [copied, setCopied] = useState(false);
  const copy = useAction(async () => {
    setCopied(false);
    await copyIncidentMarkdown(ctx.db, incidentId, { nameOf: authorName });
    setCopied(true);
  });
  return (
    <header>
      <h1 id="incident-title" style={{ overflowWrap: 'anywhere' }}>
        {incident.title}
      </h1>
      <div className="row">
        {typeof number === 'number' && <span className="mono">{incidentRef(number)}</span>}
        <SeverityBadge severity={incident.severity} />
        <StatusBadge status={incident.status} />
        <span className="muted">
          Declared <Timestamp iso={incident.declaredAt} now={now} />
        </span>
      </div>
      <p className="lead-line" style={{ marginTop: 8 }}>
        {active ? `${incident.leadName} is leading` : `Led by ${incident.leadName}`}
        {!active && incident.outcome ? ` · Resolved: ${OUTCOME_LABEL[incident.outcome]}` : ''}
      </p>
      <SummaryEditor summary={incident.summary} onSave={(summary) => changeSummary(ctx, incidentId, summary)} />
      <div className="row">
        {incident.sourceUrl && <SafeLink href={incident.sourceUrl}>Where it was declared</SafeLink>}
        <button type="button" className="link" onClick={() => void copy.run()}>
          Copy as Markdown
        </button>
        <button type="button" className="link" onClick={() => window.open(reportPath(incidentId), '_blank', 'noopener')}>
          Printable report
        </button>
        {copy.error && (
          <span className="error" role="alert">
            {copy.error.message}
          </span>
        )}
        {copied && <span role="status">Copied for Slack, Notion or Docs.</span>}
      </div>
      {!incident.teamId && ctx.teamId && (
        <div className="row" style={{ marginTop: 8 }}>
          <span className="muted">Only on this device.</span>
          <button type="button" onClick={() => void share.run()} disabled={share.busy}>
            Share with the team
          </button>
          {share.error && <span className="error" role="alert">{share.error.message}</span>}
        </div>
      )}
    </header>
  );
}
