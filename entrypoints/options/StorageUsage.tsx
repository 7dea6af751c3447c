import { useLiveQuery } from 'dexie-react-hooks';
import type { IncidentDatabase } from '../../lib/db/database';
import { screenshotUsage } from '../../lib/db/blob-usage';
import { formatBytes } from '../../lib/format/bytes';

export function StorageUsage({ db }: { db: IncidentDatabase }) {
  const usage = useLiveQuery(async () => {
    const [shots, estimate] = await Promise.all([
      screenshotUsage(db),
      navigator.storage?.estimate?.().catch(() => null) ?? null,
    ]);
    return { shots, estimate };
  });
  return (
    <section className="card" aria-labelledby="storage-heading">
      <h2 id="storage-heading">Storage</h2>
      {!usage ? (
        <p className="muted">Measuring…</p>
      ) : (
        <>
          <p>
            Screenshots use <strong>{formatBytes(usage.shots.bytes)}</strong> ({usage.shots.count} image
            {usage.shots.count === 1 ? '' : 's'}).
          </p>
          {usage.estimate?.usage !== undefined && (
            <p className="muted">Everything this extension stores: {formatBytes(usage.estimate.usage)}.</p>
          )}
          <p className="muted">
            Each capture is re-encoded to at most 100 KB. To free space, remove screenshots you no longer need from
            their incident’s timeline.
          </p>
        </>
      )}
    </section>
  );
}
