import { useEffect, useId, useState, type FormEvent } from 'react';
import {
  captureSettingsItem,
  loadCaptureSettings,
  parseMaskSelectors,
  saveCaptureSettings,
} from '../../lib/settings/capture-settings';
import { SetByOrganisation } from './SetByOrganisation';
import { useManagedPolicy } from './use-managed-policy';

/** Uses this page's own CSS parser: what it refuses, the capture helpers would too. */
function isValidSelector(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

const MANAGED_LIST_NAME = 'Selectors your organisation masks';

export function CaptureSettingsForm() {
  const [text, setText] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const id = useId();
  const managed = useManagedPolicy()?.settings?.maskSelectors ?? [];
  useEffect(() => {
    void loadCaptureSettings().then((s) => setText(s.maskSelectors.join('\n')));
    return captureSettingsItem.watch(() => void loadCaptureSettings().then((s) => setText(s.maskSelectors.join('\n'))));
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = parseMaskSelectors(text ?? '', isValidSelector);
    if (!parsed.ok) {
      setMessage({ ok: false, text: parsed.error });
      return;
    }
    await saveCaptureSettings({ maskSelectors: parsed.selectors });
    setMessage({ ok: true, text: `Saved. ${parsed.selectors.length} selector${parsed.selectors.length === 1 ? '' : 's'} masked.` });
  }

  if (text === null) return <p className="muted">Loading…</p>;
  return (
    <form onSubmit={submit} className="stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Capture privacy</h2>
      <p className="muted">
        Before every screenshot, password fields are covered with opaque boxes and uncovered right after. Add CSS
        selectors for anything else that must never be captured (API keys, customer emails), one per line.
      </p>
      {managed.length > 0 && (
        <div className="field">
          <p className="row">
            Always masked <SetByOrganisation />
          </p>
          {/* Named outright: Firefox's accessible names carry the label's CSS capitals. */}
          <ul aria-label={MANAGED_LIST_NAME} className="mono">
            {managed.map((selector) => (
              <li key={selector}>
                {selector}
                {!isValidSelector(selector) && <span className="error"> (not a valid CSS selector; ask your admin to correct it)</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="field">
        <label htmlFor={id}>Also mask elements matching</label>
        <textarea
          id={id}
          className="mono"
          rows={5}
          placeholder={'.api-key\n[data-secret]\n#billing-email'}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={message && !message.ok ? true : undefined}
        />
      </div>
      <button type="submit" className="primary">
        Save privacy settings
      </button>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'muted' : 'error'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
