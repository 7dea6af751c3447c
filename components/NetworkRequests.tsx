import { networkOutline, requestDetails, statusLabel } from '../lib/format/network';
import type { NetworkContext } from '../lib/model/network-context';

/**
 * The page's failed and slowest requests when a screenshot was taken, under
 * it in the timeline (lib/format/network.ts decides what shows). URLs are
 * text, never links: they came from the page and may point anywhere. Each
 * list is a <details>, so a keyboard opens it with Enter or Space.
 */
export function NetworkRequests({ network, allOpen = false }: { network: NetworkContext; /** Every list open: the printable report, where a closed one would not print. */ allOpen?: boolean }) {
  const { note, sections } = networkOutline(network);
  return (
    <div className="network">
      {note && <p className="muted">{note}</p>}
      {sections.map((section) => (
        <details key={section.heading} open={allOpen || section.open}>
          <summary>{section.heading}</summary>
          <ol className="requests">
            {section.requests.map((r, i) => {
              const status = statusLabel(r);
              return (
                <li key={i}>
                  {status && <span className={r.status === 0 ? 'status muted' : 'status'}>{status} </span>}
                  <span className="url" dir="ltr">
                    {r.url}
                  </span>{' '}
                  <span className="muted">· {requestDetails(r)}</span>
                </li>
              );
            })}
          </ol>
        </details>
      ))}
    </div>
  );
}
