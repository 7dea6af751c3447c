import { useId, useState } from 'react';
import { generateSecret } from '../../../lib/announce/sign';

/**
 * The shared secret a signed JSON webhook is signed with (docs/webhooks.md):
 * generated here, copied to the receiver. Shown in full, as the receiver's
 * owner must copy it; it is stored only in this browser.
 */
export function SecretField({ value, onChange }: { value: string; onChange: (next: string) => void }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="field">
      <label htmlFor={id}>Shared secret</label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(e) => {
          setCopied(false);
          onChange(e.target.value);
        }}
      />
      <p className="hint">The receiver checks the X-Incident-Signature header with it (see docs/webhooks.md). At least 16 characters.</p>
      <div className="row">
        <button
          type="button"
          onClick={() => {
            setCopied(false);
            onChange(generateSecret());
          }}
        >
          Generate a secret
        </button>
        <button
          type="button"
          disabled={!value}
          onClick={() => void navigator.clipboard.writeText(value).then(() => setCopied(true))}
        >
          Copy secret
        </button>
        {copied && <span role="status">Copied.</span>}
      </div>
    </div>
  );
}
