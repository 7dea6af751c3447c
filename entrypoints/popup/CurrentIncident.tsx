import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useState } from 'react';
import { sidePanel } from '../../components/browser-ports';
import { ResolveForm } from '../../components/ResolveForm';
import { OUTCOME_LABEL } from '../../lib/model/labels';
import { SeverityBadge, StatusBadge } from '../../components/SeverityBadge';
import { Timestamp } from '../../components/Timestamp';
import { useAction } from '../../components/use-action';
import { useNow } from '../../components/use-now';
import type { ActiveTab } from '../../lib/browser/active-tab';
import { openSidePanelThen } from '../../lib/browser/side-panel';
import type { DomainContext } from '../../lib/incidents/context';
import { loadOperations } from '../../lib/incidents/load-operations';
import type { NoteInput } from '../../lib/incidents/operations';
import type { Outcome } from '../../lib/model/incident-fields';
import { focusIncidentItem } from '../../lib/navigation/focus-incident';
import { CaptureActions } from './CaptureActions';

// Loaded when an incident is current, not with the popup's app: the app is
// held to 130 KB gzip (test/e2e/bundle.spec.ts) and a new page of its own
// (Insights, issue 13) re-split the shared chunks past it. The placeholder
// keeps the layout still while the chunk loads (a few ms from the package).
const NoteComposer = lazy(() => import('../../components/NoteComposer').then((m) => ({ default: m.NoteComposer })));

/** The incident I am on, with the quick actions a lead needs mid-debugging. */
export function CurrentIncident({
  ctx,
  incidentId,
  tab,
  onDeclareAnother,
}: {
  ctx: DomainContext;
  incidentId: string;
  tab: ActiveTab | null;
  onDeclareAnother: () => void;
}) {
  const incident = useLiveQuery(() => ctx.db.incidents.get(incidentId), [incidentId]);
  const now = useNow();
  const [resolving, setResolving] = useState(false);
  const note = useAction(async (input: NoteInput) => (await loadOperations()).addNote(ctx, incidentId, input));
  const resolve = useAction(async (outcome: Outcome, followUp?: string) =>
    (await loadOperations()).resolveIncident(ctx, incidentId, outcome, followUp ? { followUp } : {}),
  );
  const [panelError, setPanelError] = useState<string | null>(null);

  if (!incident) return <p className="muted">Loading…</p>;
  const leading = incident.leadId === ctx.actor.userId ? 'You are leading' : `${incident.leadName} is leading`;

  async function openSidePanel() {
    setPanelError(null);
    try {
      // Opening needs the click's user gesture: openSidePanelThen opens before anything awaits.
      await openSidePanelThen(sidePanel, tab?.windowId, () => focusIncidentItem.setValue(incidentId));
      window.close();
    } catch {
      setPanelError('The side panel could not be opened from here. Open it from the browser’s side panel menu.');
    }
  }

  return (
    <section className="stack" aria-labelledby="current-incident-title">
      <header>
        <div>
          <h1 id="current-incident-title" className="incident-title">
            {incident.title}
          </h1>
          <div className="row">
            <SeverityBadge severity={incident.severity} />
            <StatusBadge status={incident.status} />
            <span className="muted">
              {leading} · declared <Timestamp iso={incident.declaredAt} now={now} relativeOnly />
            </span>
          </div>
        </div>
      </header>

      {incident.status === 'active' ? (
        <>
          <CaptureActions incidentId={incidentId} tab={tab} />
          <Suspense fallback={<div className="note-composer-placeholder" aria-busy="true" />}>
            <NoteComposer compact label="Add a note" onAdd={note.run} busy={note.busy} error={note.error} />
          </Suspense>
          {resolving ? (
            <div className="card">
              <ResolveForm
                onResolve={(o, f) => void resolve.run(o, f)}
                busy={resolve.busy}
                error={resolve.error?.message}
                hasOpenFollowUps={incident.followUps.some((f) => !f.done)}
              />
            </div>
          ) : (
            <button type="button" onClick={() => setResolving(true)} aria-expanded={false}>
              Resolve…
            </button>
          )}
        </>
      ) : (
        <p role="status">Resolved: {incident.outcome ? OUTCOME_LABEL[incident.outcome] : ''}.</p>
      )}

      <div className="actions">
        <button type="button" onClick={() => void openSidePanel()}>
          Open side panel
        </button>
        <button type="button" onClick={onDeclareAnother}>
          Declare another incident
        </button>
      </div>
      {panelError && (
        <p className="error" role="alert">
          {panelError}
        </p>
      )}
    </section>
  );
}
