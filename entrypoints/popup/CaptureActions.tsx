import { useState } from 'react';
import { extensionPort } from '../../components/extension-port';
import type { ActiveTab } from '../../lib/browser/active-tab';
import { request } from '../../lib/messaging/send';


/**
 * One click puts evidence on the timeline. The background does the capture
 * (it owns the rate-limited queue), so rapid clicks are never refused: each
 * is queued and counted here.
 */
export function CaptureActions({ incidentId, tab }: { incidentId: string; tab: ActiveTab | null }) {
  const [inFlight, setInFlight] = useState(0);
  const [added, setAdded] = useState(0);
  const [error, setError] = useState<string | null>(null);

  if (!tab || tab.tabId === undefined) {
    return <p className="muted">Open the page you want to capture, then open this popup again.</p>;
  }
  const target = { incidentId, tabId: tab.tabId, windowId: tab.windowId };

  async function capture(type: 'captureScreenshot' | 'capturePage') {
    setError(null);
    setInFlight((n) => n + 1);
    try {
      await request(extensionPort, { type, ...target });
      setAdded((n) => n + 1);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setInFlight((n) => n - 1);
    }
  }

  async function pickElement() {
    setError(null);
    try {
      await request(extensionPort, { type: 'startElementPicker', ...target });
      window.close(); // the person picks on the page itself
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <div>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void capture('captureScreenshot')}>
          Screenshot
        </button>
        <button type="button" onClick={() => void pickElement()}>
          Capture an element
        </button>
        <button type="button" onClick={() => void capture('capturePage')}>
          Full page
        </button>
      </div>
      <p role="status" className="muted" style={{ minHeight: '1.4em', margin: '4px 0 0' }}>
        {inFlight > 0
          ? `Capturing… ${inFlight > 1 ? `(${inFlight} queued)` : ''}`
          : added > 0
            ? `${added === 1 ? 'Screenshot' : `${added} screenshots`} added to the timeline.`
            : ''}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
