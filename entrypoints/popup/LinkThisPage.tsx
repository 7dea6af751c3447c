import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import { useAction } from '../../components/use-action';
import { useStorageItem } from '../../components/use-storage-item';
import type { ActiveTab } from '../../lib/browser/active-tab';
import type { DomainContext } from '../../lib/incidents/context';
import { linkFollowUp } from '../../lib/incidents/follow-up-links';
import { openFollowUps } from '../../lib/incidents/follow-ups';
import { linkCandidates } from '../../lib/trackers/link-candidates';
import { judgeTrackerLink } from '../../lib/trackers/link-url';
import { readTrackerSettings } from '../../lib/trackers/tracker-settings';
import { trackerSettingsItem } from '../../lib/trackers/tracker-settings-item';

/**
 * "Link this page to a follow-up": shown when the tab is a tracker issue
 * (lib/trackers/link-url.ts) and some open follow-up has no link yet. The
 * person picks which (newest first: most likely the one the issue was just
 * created for). Loaded lazily by the popup, after its first paint.
 */
export default function LinkThisPage({ ctx, tab }: { ctx: DomainContext; tab: ActiveTab | null }) {
  const trackers = useStorageItem(trackerSettingsItem, { read: readTrackerSettings, initial: {} });
  const rows = useLiveQuery(() => openFollowUps(ctx.db), [ctx.db]);
  const [chosen, setChosen] = useState('');
  const [linked, setLinked] = useState<string | null>(null);
  const selectId = useId();
  const judged = tab?.url ? judgeTrackerLink(tab.url, trackers) : null;
  const candidates = linkCandidates(rows ?? []);
  const link = useAction((incidentId: string, followUpId: string) => linkFollowUp(ctx, incidentId, followUpId, tab?.url ?? '', trackers));

  if (linked) return <p role="status">Linked this issue to “{linked}”.</p>;
  if (!judged?.ok || candidates.length === 0) return null;
  const value = chosen || `${candidates[0]!.incident.id}/${candidates[0]!.followUp.id}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const pick = candidates.find((c) => `${c.incident.id}/${c.followUp.id}` === value);
    if (!pick) return;
    if (await link.run(pick.incident.id, pick.followUp.id)) setLinked(pick.followUp.text);
  }

  return (
    <form onSubmit={submit} className="stack card" aria-label="Link this page to a follow-up">
      <label htmlFor={selectId}>Link {judged.key} to a follow-up</label>
      <select id={selectId} value={value} onChange={(e) => setChosen(e.target.value)}>
        {candidates.map(({ incident, followUp }) => (
          <option key={followUp.id} value={`${incident.id}/${followUp.id}`}>
            {followUp.text} — {incident.title}
          </option>
        ))}
      </select>
      <button type="submit" disabled={link.busy}>
        Link this page
      </button>
      {link.error && (
        <p className="error" role="alert">
          {link.error.message}
        </p>
      )}
    </form>
  );
}
