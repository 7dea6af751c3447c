import { SafeLink } from '../../components/SafeLink';
import type { IncidentReport } from '../../lib/report/report-model';

/** Follow-ups in two lists, open first: what is left to do is what a hand-over is for. */
export function ReportFollowUps({ followUps: { open, done } }: { followUps: IncidentReport['followUps'] }) {
  const lists = [
    { name: 'Open', box: '☐', items: open },
    { name: 'Done', box: '☑', items: done },
  ];
  return (
    <section aria-labelledby="report-follow-ups">
      <h2 id="report-follow-ups">Follow-ups</h2>
      {open.length + done.length === 0 && <p className="muted">No follow-ups.</p>}
      {lists.map(
        ({ name, box, items }) =>
          items.length > 0 && (
            <div key={name}>
              <h3>
                {name} ({items.length})
              </h3>
              <ul aria-label={`${name} follow-ups`} className="report-checklist">
                {items.map((f) => (
                  <li key={f.id} className="text">
                    {box} {f.text}
                    {f.link && (
                      <>
                        {' · '}
                        <SafeLink href={f.link}>{f.link}</SafeLink>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ),
      )}
    </section>
  );
}
