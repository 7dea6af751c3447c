import { useLiveQuery } from 'dexie-react-hooks';
import { extensionPort } from './extension-port';
import type { IncidentDatabase } from '../lib/db/database';
import { request } from '../lib/messaging/send';
import { describeProgress, describeSync, readSyncStatus } from '../lib/sync/status';
import { teamItem } from '../lib/supabase/team';
import { departureOf, describeDeparture } from '../lib/team/team-record';
import { useAction } from './use-action';
import { useStorageItem } from './use-storage-item';

/**
 * Where sync matters, say how it stands: local only, synced, N pending,
 * offline, signed out, or the error. Live: it reads the persisted state.
 */
export function SyncIndicator({ db, teamId }: { db: IncidentDatabase; teamId: string | null }) {
  const status = useLiveQuery(async () => (teamId ? readSyncStatus(db, teamId) : null), [teamId]);
  const syncNow = useAction(() => request(extensionPort, { type: 'syncNow' }));
  const departure = useStorageItem(teamItem, { read: departureOf, initial: null });
  if (!teamId && departure) {
    // Removed or left: say so, not just "Local only". The team's incidents stay readable here.
    return (
      <span className="sync" role="status">
        {describeDeparture(departure)} Sync is off; its incidents stay on this device.
      </span>
    );
  }
  if (!teamId) return <span className="sync muted">Local only</span>;
  if (!status) return null;
  const text = describeSync(status);
  const progress = describeProgress(status);
  const tone = status.state === 'error' || status.state === 'signed_out' || status.state === 'paused' ? 'error' : status.state === 'offline' ? 'muted' : '';
  return (
    <span className={`sync row ${tone}`} role="status" aria-live="polite">
      {progress ? (
        // "Syncing 340,000 of 1,000,000": the count changes every page, so it
        // sits in its own region that is not live (the nearest aria-live
        // ancestor decides: https://www.w3.org/TR/wai-aria-1.2/#aria-live).
        // Starting and finishing a sync are announced; each page is not.
        <span>
          Syncing <span aria-live="off">{progress}</span>
          {text.slice(`Syncing ${progress}`.length)}
        </span>
      ) : (
        <span>{text}</span>
      )}
      {status.deadLetters > 0 && <span className="error">{status.deadLetters} refused (see Options → Team)</span>}
      <button type="button" className="link" onClick={() => void syncNow.run()} disabled={syncNow.busy}>
        Sync now
      </button>
    </span>
  );
}
