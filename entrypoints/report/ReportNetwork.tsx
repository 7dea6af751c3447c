import type { NetworkContext, NetworkRequest } from '../../lib/model/network-context';

// A plain rendering of lib/model/network-context.ts for print. NETWORK's
// components/NetworkRequests.tsx (the timeline's list) had not landed when
// this was written; once it has, the report should show that one instead.

/** The page's failed and slowest requests at the moment of the screenshot. */
export function ReportNetwork({ network }: { network: NetworkContext }) {
  return (
    <div className="report-network">
      {network.failed.length > 0 && (
        <Requests
          title={`Failed requests${network.failedCount > network.failed.length ? ` (first ${network.failed.length} of ${network.failedCount})` : ''}`}
          requests={network.failed}
        />
      )}
      {network.slowest.length > 0 && <Requests title="Slowest requests" requests={network.slowest} />}
      {!network.statusReported && <p className="muted">This browser does not report response status: durations only.</p>}
    </div>
  );
}

function Requests({ title, requests }: { title: string; requests: NetworkRequest[] }) {
  return (
    <>
      <h4>{title}</h4>
      <ul aria-label={title}>
        {requests.map((r, i) => (
          <li key={i} className="mono">
            {statusText(r.status)}
            {r.url} · {r.initiator} · {Math.round(r.durationMs)} ms
          </li>
        ))}
      </ul>
    </>
  );
}

/** 0 is a cross-origin response without Timing-Allow-Origin: unknown, never a failure. */
function statusText(status: number | undefined): string {
  if (status === undefined) return '';
  return status === 0 ? 'status unknown · ' : `${status} · `;
}
