import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import { LeadPicker } from '../../components/LeadPicker';
import { NoteComposer } from '../../components/NoteComposer';
import { ResolveForm } from '../../components/ResolveForm';
import { OUTCOME_LABEL } from '../../lib/model/labels';
import { SeverityBadge, StatusBadge } from '../../components/SeverityBadge';
import { SafeLink } from '../../components/SafeLink';
import { Timeline } from '../../components/Timeline';
import { Timestamp } from '../../components/Timestamp';
import { useAction } from '../../components/use-action';
import { useNow } from '../../components/use-now';
import { useStorageItem } from '../../components/use-storage-item';
import { teamRecordItem } from '../../lib/supabase/team-id';
import { teamMembersOf } from '../../lib/supabase/team-members';
import type { DomainContext } from '../../lib/incidents/context';
import {
  addNote,
  changeLead,
  changeSeverity,
  changeTitle,
  reopenIncident,
  react,
  resolveIncident,
  type NoteInput,
} from '../../lib/incidents/operations';
import { customerUpdateDue } from '../../lib/incidents/views';
import type { REACTIONS } from '../../lib/model/event';
import { CustomerUpdate } from './CustomerUpdate';
import { ReviewPanel } from './ReviewPanel';
import { readTimeline, type Person } from '../../lib/incidents/queries';
import type { Outcome, Severity } from '../../lib/model/incident-fields';
import { encodeImageFile } from '../../lib/capture/image-file';
import { addScreenshot } from '../../lib/incidents/screenshots';
import { ScreenshotViewer } from '../../components/ScreenshotViewer';
import { mayRemove } from '../../lib/incidents/authority';
import type { ScreenshotEvent } from '../../lib/model/event';
import { extensionPort } from '../../components/extension-port';
import { request } from '../../lib/messaging/send';
import { incidentRef, readIncidentNumber } from '../../lib/incidents/numbers';
import { copyIncidentMarkdown } from '../../lib/export/markdown';
import { FollowUps } from './FollowUps';

const FIRST_SCREENFUL = 40;

export function IncidentView({
  ctx,
  incidentId,
  onBack,
  nudgeMinutes,
}: {
  ctx: DomainContext;
  incidentId: string;
  onBack: () => void;
  nudgeMinutes: number;
}) {
  const me = { id: ctx.actor.userId, name: ctx.actor.displayName };
  const incident = useLiveQuery(async () => (await ctx.db.incidents.get(incidentId)) ?? null, [incidentId]);
  // A first screenful arrives long before a long log is read in full: show it at once.
  const head = useLiveQuery(() => readTimeline(ctx.db, incidentId, FIRST_SCREENFUL), [incidentId]);
  const full = useLiveQuery(() => readTimeline(ctx.db, incidentId), [incidentId]);
  const events = full ?? head;
  const [controlsOpen, setControlsOpen] = useState(false);
  const members = useStorageItem(teamRecordItem, { read: teamMembersOf, initial: [] }).filter((m) => !m.former);
  const number = useLiveQuery(() => readIncidentNumber(ctx.db, incidentId), [incidentId]);
  const now = useNow();
  const note = useAction((input: NoteInput) => addNote(ctx, incidentId, input));
  const severity = useAction((s: Severity) => changeSeverity(ctx, incidentId, s));
  const resolve = useAction((o: Outcome, followUp?: string) => resolveIncident(ctx, incidentId, o, followUp ? { followUp } : {}));
  const reopen = useAction(() => reopenIncident(ctx, incidentId));
  const share = useAction(() => request(extensionPort, { type: 'shareIncident', incidentId }));
  const image = useAction(async (file: File) =>
    addScreenshot(ctx, incidentId, { ...(await encodeImageFile(file)), source: 'pasted', pageTitle: file.name || undefined }),
  );
  const severityId = useId();
  const [viewing, setViewing] = useState<ScreenshotEvent | null>(null);
  const [updating, setUpdating] = useState(false);
  const [copied, setCopied] = useState(false);
  const copy = useAction(async () => {
    setCopied(false);
    await copyIncidentMarkdown(ctx.db, incidentId, { nameOf: (id) => (id === me.id ? me.name : (names.get(id) ?? 'A teammate')) });
    setCopied(true);
  });
  const reaction = useAction((eventId: string, emoji: (typeof REACTIONS)[number], on: boolean) => react(ctx, incidentId, eventId, emoji, on));

  if (incident === undefined || events === undefined) return <p className="muted">Loading…</p>;
  if (incident === null) {
    return (
      <div className="empty">
        <p>This incident is not on this device.</p>
        <button type="button" onClick={onBack}>
          All incidents
        </button>
      </div>
    );
  }
  // Names from this incident's own log (leads carry theirs) and the team: no scan of every incident.
  const names = new Map<string, string>([
    ...events.flatMap((e) => (e.kind === 'declared' || e.kind === 'lead_changed' ? [[e.body.leadId, e.body.leadName] as const] : [])),
    ...members.map((m) => [m.id, m.name] as const),
  ]);
  const nameOf = (id: string) => (id === me.id ? `${me.name} (you)` : (names.get(id) ?? 'A teammate'));
  const active = incident.status === 'active';

  return (
    <article className="stack" aria-labelledby="incident-title">
      <nav>
        <button type="button" className="link" onClick={onBack}>
          ← All incidents
        </button>
      </nav>
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
        {incident.summary && <p className="text">{incident.summary}</p>}
        <div className="row">
          {incident.sourceUrl && <SafeLink href={incident.sourceUrl}>Where it was declared</SafeLink>}
          <button type="button" className="link" onClick={() => void copy.run()}>
            Copy as Markdown
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

      {customerUpdateDue(incident, now, nudgeMinutes) && !updating && (
        <div className="card nudge row" role="status">
          <span>
            No customer update for {nudgeMinutes}+ minutes on this Major incident. Customers forgive a lot when they hear
            early and often.
          </span>
          <button type="button" className="primary" onClick={() => setUpdating(true)}>
            Draft an update
          </button>
        </div>
      )}

      <details className="card" open={updating} onToggle={(e) => setUpdating(e.currentTarget.open)}>
        <summary>Customer update{incident.customerUpdateCount ? ` (${incident.customerUpdateCount} sent)` : ''}</summary>
        {updating && <CustomerUpdate ctx={ctx} incident={incident} onDone={() => setUpdating(false)} />}
      </details>

      <details className="card" open={controlsOpen} onToggle={(e) => setControlsOpen(e.currentTarget.open)}>
        <summary>Change title, severity, lead or status</summary>
        {/* Rendered once opened: the lead picker reads every known person, work the first paint need not wait for. */}
        {controlsOpen && (
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
              <option value="minor">Minor</option>
              <option value="major">Major</option>
            </select>
            {severity.error && <p className="error" role="alert">{severity.error.message}</p>}
          </div>
          <HandOver me={me} current={{ id: incident.leadId, name: incident.leadName }} onHandOver={(p) => changeLead(ctx, incidentId, p)} />
          {active ? (
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

      <FollowUps ctx={ctx} incident={incident} />

      {incident.status === 'resolved' && <ReviewPanel ctx={ctx} incident={incident} />}

      <section aria-labelledby="timeline-heading">
        <h3 id="timeline-heading">Timeline ({incident.eventCount})</h3>
        <Timeline
          events={events}
          incident={incident}
          now={now}
          nameOf={nameOf}
          me={me.id}
          onOpenScreenshot={setViewing}
          onReact={(eventId, emoji, on) => void reaction.run(eventId, emoji, on)}
        />
        {viewing && (
          <ScreenshotViewer
            ctx={ctx}
            incidentId={incidentId}
            event={viewing}
            canRemove={mayRemove(viewing, incident.leadId, ctx.actor.userId)}
            onClose={() => setViewing(null)}
          />
        )}
        <NoteComposer onAdd={note.run} busy={note.busy} error={note.error ?? image.error} onImage={image.run} />
        {image.busy && (
          <p role="status" className="muted">
            Adding the image…
          </p>
        )}
      </section>
    </article>
  );
}

function RenameForm({ current, onRename }: { current: string; onRename: (title: string) => Promise<unknown> }) {
  const [title, setTitle] = useState(current);
  const rename = useAction(onRename);
  const id = useId();
  function submit(e: FormEvent) {
    e.preventDefault();
    void rename.run(title);
  }
  return (
    <form onSubmit={submit} aria-label="Rename the incident">
      <div className="field">
        <label htmlFor={id}>Title</label>
        <input id={id} type="text" value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <button type="submit" disabled={rename.busy || title === current}>
        Save title
      </button>
      {rename.error && <p className="error" role="alert">{rename.error.message}</p>}
    </form>
  );
}

function HandOver({
  me,
  current,
  onHandOver,
}: {
  me: Person;
  current: Person;
  onHandOver: (lead: Person) => Promise<unknown>;
}) {
  const [lead, setLead] = useState<Person | null>(current);
  const handOver = useAction(onHandOver);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (lead) void handOver.run(lead);
    else handOver.setError({ message: "Enter the new lead's name." });
  }
  return (
    <form onSubmit={submit} aria-label="Hand over the lead">
      <LeadPicker me={me} value={lead} onChange={setLead} label="Lead" />
      <button type="submit" disabled={handOver.busy || lead?.id === current.id}>
        Hand over
      </button>
      {handOver.error && <p className="error" role="alert">{handOver.error.message}</p>}
    </form>
  );
}
