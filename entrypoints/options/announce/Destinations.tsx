import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useStorageItem } from '../../../components/use-storage-item';
import { allDestinations } from '../../../lib/announce/all-destinations';
import type { Destination } from '../../../lib/announce/destination';
import { destinationsItem, loadDestinations, readDestinations, saveDestinations } from '../../../lib/announce/destinations-store';
import type { IncidentDatabase } from '../../../lib/db/database';
import { announceStatusItem } from '../../../lib/db/meta-items';
import { useManagedPolicy } from '../use-managed-policy';
import { DestinationForm } from './DestinationForm';
import { DestinationItem } from './DestinationItem';

/**
 * Where incidents are announced (issue 12, part 3): the organisation's
 * destinations first, locked, then this person's own, each added, edited,
 * tested and removed here. Sending happens in the background
 * (entrypoints/background/set-up-announce.ts).
 */
export function Destinations({ db }: { db: IncidentDatabase }) {
  // The migration reads the old Slack webhook only until the list is first
  // saved, so the list is read with it (destinations-store.ts).
  const stored = useStorageItem(destinationsItem);
  const [own, setOwn] = useState<Destination[] | null>(null);
  const [editing, setEditing] = useState<Destination | 'new' | null>(null);
  const statuses = useLiveQuery(() => announceStatusItem.get(db)) ?? {};
  useEffect(() => {
    void loadDestinations().then(setOwn);
  }, [stored]);
  // The organisation's, kept current as the policy changes (use-managed-policy.ts).
  const managed = allDestinations(useManagedPolicy()?.settings?.webhooks ?? [], []);
  if (own === null) return <p className="muted">Loading…</p>;

  async function save(next: Destination[]) {
    await saveDestinations(next);
    setOwn(readDestinations(next, null));
    setEditing(null);
  }

  return (
    <section className="card stack" aria-labelledby="destinations-heading">
      <h2 id="destinations-heading">Announcements</h2>
      <p className="muted">
        Announce incidents where your team talks: Slack, Microsoft Teams, Discord, Mattermost, or any service through a signed
        webhook. Only what this browser declares or changes is sent from here, so a teammate’s incidents are announced once, by
        them.
      </p>
      {managed.length + own.length === 0 ? (
        <p>No destinations yet. Add one to announce incidents in a channel.</p>
      ) : (
        <ul className="stack" aria-label="Destinations" style={{ listStyle: 'none', padding: 0 }}>
          {managed.map((d) => (
            <DestinationItem key={d.id} destination={d} status={statuses[d.id]} locked />
          ))}
          {own.map((d) => (
            <DestinationItem
              key={d.id}
              destination={d}
              status={statuses[d.id]}
              locked={false}
              onEdit={() => setEditing(d)}
              onRemove={() => void save(own.filter((x) => x.id !== d.id))}
            />
          ))}
        </ul>
      )}
      {editing ? (
        <DestinationForm
          key={editing === 'new' ? 'new' : editing.id}
          initial={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSave={(d) => save(own.some((x) => x.id === d.id) ? own.map((x) => (x.id === d.id ? d : x)) : [...own, d])}
        />
      ) : (
        <div className="row">
          <button type="button" onClick={() => setEditing('new')}>
            Add a destination
          </button>
        </div>
      )}
    </section>
  );
}
