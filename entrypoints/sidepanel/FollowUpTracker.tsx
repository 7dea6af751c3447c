import { useId, useState, type FormEvent } from 'react';
import { SafeLink } from '../../components/SafeLink';
import { useAction } from '../../components/use-action';
import type { DomainContext } from '../../lib/incidents/context';
import { linkFollowUp } from '../../lib/incidents/follow-up-links';
import type { FollowUp, Incident } from '../../lib/model/incident';
import { judgeTrackerLink } from '../../lib/trackers/link-url';
import { prefillUrl } from '../../lib/trackers/prefill-url';
import { TRACKER_KINDS, TRACKER_NAMES, type TrackerSettings } from '../../lib/trackers/tracker-settings';

interface Props {
  ctx: DomainContext;
  incident: Incident;
  followUp: FollowUp;
  /** INC-12, or the end of the id for a local-only incident. */
  incidentRef: string;
  trackers: TrackerSettings;
}

/**
 * One follow-up's way into the tracker: Create issue (the tracker's own
 * prefilled new-issue page, opened in a new tab by a plain link), Link issue
 * (paste the issue's address), and the link once set.
 */
export function FollowUpTracker({ ctx, incident, followUp, incidentRef, trackers }: Props) {
  const [url, setUrl] = useState('');
  const link = useAction((value: string) => linkFollowUp(ctx, incident.id, followUp.id, value, trackers));
  const inputId = useId();
  const source = {
    followUp: followUp.text,
    incident: { ref: incidentRef, title: incident.title, summary: incident.summary, sourceUrl: incident.sourceUrl },
  };
  const creates = TRACKER_KINDS.flatMap((kind) => {
    const href = prefillUrl(kind, trackers, source);
    return href ? [{ kind, href }] : [];
  });
  const linked = followUp.link ? judgeTrackerLink(followUp.link, trackers) : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!url.trim()) return;
    if (await link.run(url)) setUrl('');
  }

  return (
    <div className="follow-up-tracker stack">
      {followUp.link && (
        <div className="row">
          <span className="muted">Issue:</span>
          <SafeLink href={followUp.link}>{linked?.ok ? `${TRACKER_NAMES[linked.tracker]} ${linked.key}` : followUp.link}</SafeLink>
          <button type="button" className="link" onClick={() => void link.run('')} disabled={link.busy}>
            Unlink issue
          </button>
        </div>
      )}
      <div className="row">
        {creates.length === 0 ? (
          <a href="/options.html#trackers" target="_blank" rel="noopener noreferrer">
            Create issue: set up a tracker
          </a>
        ) : (
          creates.map(({ kind, href }) => (
            <a key={kind} href={href} target="_blank" rel="noopener noreferrer">
              Create {TRACKER_NAMES[kind]} issue
            </a>
          ))
        )}
      </div>
      <form onSubmit={submit} className="row" aria-label={`Link an issue to “${followUp.text}”`}>
        <label htmlFor={inputId} className="visually-hidden">
          Issue link
        </label>
        <input
          id={inputId}
          type="url"
          style={{ flex: 1, minWidth: 160 }}
          placeholder="Paste the issue’s link"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          aria-invalid={link.error ? true : undefined}
        />
        <button type="submit" disabled={link.busy}>
          {followUp.link ? 'Replace link' : 'Link issue'}
        </button>
      </form>
      {link.error && (
        <p className="error" role="alert">
          {link.error.message}
        </p>
      )}
    </div>
  );
}
