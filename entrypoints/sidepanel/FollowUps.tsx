import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import { useAction } from '../../components/use-action';
import { useStorageItem } from '../../components/use-storage-item';
import { exportRef } from '../../lib/export/incident-ref';
import { readIncidentNumber } from '../../lib/incidents/numbers';
import { readTrackerSettings } from '../../lib/trackers/tracker-settings';
import { trackerSettingsItem } from '../../lib/trackers/tracker-settings-item';
import { FollowUpTracker } from './FollowUpTracker';
import type { DomainContext } from '../../lib/incidents/context';
import { addFollowUp, setFollowUpDone } from '../../lib/incidents/operations';
import type { Incident } from '../../lib/model/incident';

/** Follow-ups the lead logs while working: add them, tick them off, take them to the tracker. */
export function FollowUps({ ctx, incident }: { ctx: DomainContext; incident: Incident }) {
  const [text, setText] = useState('');
  const add = useAction((t: string) => addFollowUp(ctx, incident.id, t));
  const tick = useAction((id: string, done: boolean) => setFollowUpDone(ctx, incident.id, id, done));
  const inputId = useId();
  const trackers = useStorageItem(trackerSettingsItem, { read: readTrackerSettings, initial: {} });
  const number = useLiveQuery(() => readIncidentNumber(ctx.db, incident.id), [ctx.db, incident.id]);
  const ref = exportRef(incident.id, new Map(number === undefined ? [] : [[incident.id, number]]));
  // Shown ticked at once; the live query confirms it a moment later.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  async function toggle(id: string, done: boolean) {
    setPending((p) => ({ ...p, [id]: done }));
    await tick.run(id, done);
    setPending(({ [id]: _, ...rest }) => rest);
  }
  const open = incident.followUps.filter((f) => !f.done).length;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await add.run(text)) setText('');
  }

  return (
    <section aria-labelledby="follow-ups-heading">
      <h3 id="follow-ups-heading">
        Follow-ups ({open} open of {incident.followUps.length})
      </h3>
      {incident.followUps.length === 0 ? (
        <p className="muted">No follow-ups. Log anything to do once the fire is out.</p>
      ) : (
        <ul className="follow-ups" aria-label="Follow-ups">
          {incident.followUps.map((f) => (
            <li key={f.id}>
              <label className={`choice ${(pending[f.id] ?? f.done) ? 'done' : ''}`}>
                <input
                  type="checkbox"
                  checked={pending[f.id] ?? f.done}
                  onChange={(e) => void toggle(f.id, e.target.checked)}
                />
                <span className="text">{f.text}</span>
              </label>
              <FollowUpTracker ctx={ctx} incident={incident} followUp={f} incidentRef={ref} trackers={trackers} />
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="row" aria-label="Add a follow-up">
        <label htmlFor={inputId} className="visually-hidden">
          New follow-up
        </label>
        <input
          id={inputId}
          type="text"
          style={{ flex: 1, minWidth: 160 }}
          placeholder="New follow-up"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" disabled={add.busy}>
          Add follow-up
        </button>
      </form>
      {(add.error ?? tick.error) && (
        <p className="error" role="alert">
          {(add.error ?? tick.error)!.message}
        </p>
      )}
    </section>
  );
}
