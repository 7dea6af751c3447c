import { useId, useState } from 'react';
import { browser } from 'wxt/browser';
import type { IncidentDatabase } from '../../../lib/db/database';
import { BlobSink } from '../../../lib/evidence/blob-sink';
import { buildEvidencePack } from '../../../lib/evidence/build-pack';
import { datedFileName, downloadBlob } from './download';

type Status = { kind: 'idle' } | { kind: 'packing'; message: string } | { kind: 'done'; message: string } | { kind: 'failed'; message: string };

/**
 * Options → Records: the evidence pack for an auditor (lib/evidence/), one zip
 * built as a stream into a Blob and saved like the other exports. Nothing to
 * pack is still a valid pack (an empty register, an empty chain).
 */
export function EvidencePack({
  db,
  now = Date.now,
  extensionVersion,
}: {
  db: IncidentDatabase;
  now?: () => number;
  /** The manifest records it; read from the extension when packing unless given (tests). */
  extensionVersion?: string;
}) {
  const id = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [majorOnly, setMajorOnly] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const packing = status.kind === 'packing';

  async function pack() {
    setStatus({ kind: 'packing', message: 'Starting the pack…' });
    try {
      const sink = new BlobSink();
      const summary = await buildEvidencePack(db, sink, {
        filter: { declaredFrom: from || null, declaredTo: to || null, majorOnly },
        extensionVersion: extensionVersion ?? browser.runtime.getManifest().version,
        now,
        onProgress: (p) => setStatus({ kind: 'packing', message: p.message }),
      });
      downloadBlob(datedFileName('evidence-pack', 'zip', now()), sink.toBlob());
      const incidents = summary.incidents === 1 ? '1 incident' : `${summary.incidents.toLocaleString('en')} incidents`;
      setStatus({ kind: 'done', message: `Evidence pack saved: ${incidents}, ${summary.events.toLocaleString('en')} events.` });
    } catch (e) {
      setStatus({ kind: 'failed', message: `The evidence pack could not be made: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  return (
    <fieldset className="stack" aria-describedby={`${id}-about`}>
      <legend>Evidence pack</legend>
      <p id={`${id}-about`} className="muted">
        One zip for an auditor: the register, a report per incident with its screenshots (redacted ones left out), every
        event in a hash chain, and a manifest with every file’s SHA-256. VERIFY.md inside says how to check it.
      </p>
      <div className="field">
        <label htmlFor={`${id}-from`}>Declared from (UTC)</label>
        <input id={`${id}-from`} type="date" value={from} disabled={packing} onChange={(e) => setFrom(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>Declared to (UTC)</label>
        <input id={`${id}-to`} type="date" value={to} disabled={packing} onChange={(e) => setTo(e.target.value)} />
      </div>
      <label>
        <input type="checkbox" checked={majorOnly} disabled={packing} onChange={(e) => setMajorOnly(e.target.checked)} /> Major
        only
      </label>
      <div>
        <button type="button" disabled={packing} onClick={() => void pack()}>
          Download evidence pack
        </button>
      </div>
      {(status.kind === 'packing' || status.kind === 'done') && <p role="status">{status.message}</p>}
      {status.kind === 'failed' && (
        <p role="alert" className="error">
          {status.message}
        </p>
      )}
    </fieldset>
  );
}
