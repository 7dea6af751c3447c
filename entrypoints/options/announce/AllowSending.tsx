import { useCallback, useEffect, useState } from 'react';
import { permissions } from '../../../components/browser-ports';
import { useAction } from '../../../components/use-action';
import { originPattern } from '../../../lib/announce/destination-url';
import { SENT_TO_WEBHOOKS, WEBHOOK_LINKS } from '../../../lib/browser/permissions';
import { ValidationError } from '../../../lib/incidents/errors';

/** Whether the browser lets the extension post to `url`'s origin; null until known. */
export function useHostAllowed(url: string) {
  const [granted, setGranted] = useState<boolean | null>(null);
  const recheck = useCallback(() => {
    void permissions.contains({ origins: [originPattern(url)] }).then(setGranted);
  }, [url]);
  useEffect(recheck, [recheck]);
  return { granted, recheck };
}

/**
 * An organisation's destination arrives by policy, not through Save, so
 * nothing has asked the browser for its host yet: this asks, from the click
 * (the request is the handler's first call: lib/browser/permissions.ts).
 */
export function AllowSending({ url, onAllowed }: { url: string; onAllowed: () => void }) {
  const host = new URL(url).host;
  const allow = useAction(() =>
    permissions.request({ origins: [originPattern(url)], dataCollection: [...SENT_TO_WEBHOOKS, ...WEBHOOK_LINKS] }).then((granted) => {
      if (!granted) throw new ValidationError(`The browser did not allow sending to ${host}.`);
      onAllowed();
    }),
  );
  return (
    <div className="stack">
      <p className="error">The browser has not allowed sending to {host} yet, so nothing is announced there.</p>
      <div className="row">
        <button type="button" onClick={() => void allow.run()} disabled={allow.busy}>
          Allow sending to {host}
        </button>
      </div>
      {allow.error && (
        <p className="error" role="alert">
          {allow.error.message}
        </p>
      )}
    </div>
  );
}
