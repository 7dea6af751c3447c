import { useLiveQuery } from 'dexie-react-hooks';
import { useStorageItem } from '../../components/use-storage-item';
import { teamRecordItem } from '../../lib/supabase/team-id';
import { teamMembersOf } from '../../lib/supabase/team-members';
import { useAction } from '../../components/use-action';
import { SafeLink } from '../../components/SafeLink';
import type { DomainContext } from '../../lib/incidents/context';
import { setFollowUpDone } from '../../lib/incidents/operations';
import { openFollowUps } from '../../lib/incidents/follow-ups';

/** Every open follow-up across incidents, with its owner: the work left once the fires are out. */
export function FollowUpsView({ ctx, onOpen }: { ctx: DomainContext; onOpen: (id: string) => void }) {
  const items = useLiveQuery(() => openFollowUps(ctx.db), []);
  const members = useStorageItem(teamRecordItem, { read: teamMembersOf, initial: [] }).filter((m) => !m.former);
  const tick = useAction((incidentId: string, followUpId: string) => setFollowUpDone(ctx, incidentId, followUpId, true));
  const ownerName = (id: string | undefined) =>
    !id ? 'No owner' : id === ctx.actor.userId ? 'You' : (members.find((m) => m.id === id)?.name ?? 'A teammate');
  if (!items) return <p className="muted">Loading…</p>;
  if (items.length === 0) return <p className="muted">No open follow-ups.</p>;
  return (
    <>
      <ul className="follow-ups" aria-label="Open follow-ups">
        {items.map(({ incident, followUp }) => (
          <li key={followUp.id}>
            <label className="choice">
              <input type="checkbox" checked={false} onChange={() => void tick.run(incident.id, followUp.id)} />
              <span className="text">{followUp.text}</span>
            </label>
            <div className="meta muted">
              {ownerName(followUp.ownerId)} ·{' '}
              <button type="button" className="link" onClick={() => onOpen(incident.id)}>
                {incident.title}
              </button>
              {followUp.link && (
                <>
                  {' · '}
                  <SafeLink href={followUp.link}>Issue</SafeLink>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
      {tick.error && (
        <p className="error" role="alert">
          {tick.error.message}
        </p>
      )}
    </>
  );
}
