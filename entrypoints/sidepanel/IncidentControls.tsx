import { useId, useState } from 'react';
import { ResolveForm } from '../../components/ResolveForm';
import { useAction } from '../../components/use-action';
import type { DomainContext } from '../../lib/incidents/context';
import { changeLead, changeSeverity, changeTitle, reopenIncident, resolveIncident } from '../../lib/incidents/operations';
import type { Person } from '../../lib/incidents/queries';
import type { Incident } from '../../lib/model/incident';
import type { Outcome, Severity } from '../../lib/model/incident-fields';
import { SEVERITY_LABEL } from '../../lib/model/labels';
import { HandOver } from './HandOver';
import { RenameForm } from './RenameForm';

/** Change title, severity, lead or status: folded away until asked for. */
export function IncidentControls({ ctx, incident, me }: { ctx: DomainContext; incident: Incident; me: Person }) {
  const incidentId = incident.id;
  const [open, setOpen] = useState(false);
  const severity = useAction((s: Severity) => changeSeverity(ctx, incidentId, s));
  const resolve = useAction((o: Outcome, followUp?: string) => resolveIncident(ctx, incidentId, o, followUp ? { followUp } : {}));
  const reopen = useAction(() => reopenIncident(ctx, incidentId));
  const severityId = useId();
  return (
    <details className="card" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Change title, severity, lead or status</summary>
      {/* Rendered once opened: the lead picker reads every known person, work the first paint need not wait for. */}
      {open && (
        <div className="stack">
          <RenameForm key={incident.title} current={incident.title} onRename={(t) => changeTitle(ctx, incidentId, t)} />
          <div className="field">
            <label htmlFor={severityId}>Severity</label>
            <select
              id={severityId}
              value={incident.severity}
              onChange={(e) => void severity.run(e.target.value as Severity)}
              disabled={severity.busy}
            >
              {(Object.keys(SEVERITY_LABEL) as Severity[]).map((level) => (
                <option key={level} value={level}>
                  {SEVERITY_LABEL[level]}
                </option>
              ))}
            </select>
            {severity.error && <p className="error" role="alert">{severity.error.message}</p>}
          </div>
          <HandOver db={ctx.db} me={me} current={{ id: incident.leadId, name: incident.leadName }} onHandOver={(p) => changeLead(ctx, incidentId, p)} />
          {incident.status === 'active' ? (
            <ResolveForm
              onResolve={(o, f) => void resolve.run(o, f)}
              busy={resolve.busy}
              error={resolve.error?.message}
              hasOpenFollowUps={incident.followUps.some((f) => !f.done)}
            />
          ) : (
            <div>
              <button type="button" onClick={() => void reopen.run()} disabled={reopen.busy}>
                Reopen incident
              </button>
              {reopen.error && <p className="error" role="alert">{reopen.error.message}</p>}
            </div>
          )}
        </div>
      )}
    </details>
  );
}
