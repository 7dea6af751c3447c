import { useId, useState, type FormEvent } from 'react';
import { useAction } from '../../../components/use-action';
import { ask } from './ask';
import { requireTeamConsent } from './team-consent';
import { useConnectPaste } from './use-invite-paste';

/** Step 1: the team's Supabase project (URL + publishable or anon key, checked before it is kept). */
export function ConnectForm() {
  const [url, setUrl] = useState('');
  const [anonKey, setAnonKey] = useState('');
  // Consent first: it must be asked for before the click handler awaits anything.
  const connect = useAction(async () => {
    await requireTeamConsent();
    return ask({ type: 'connectProject', url, anonKey });
  });
  const ids = { url: useId(), key: useId() };
  const paste = useConnectPaste((u, k) => (setUrl(u), setAnonKey(k)));
  function submit(e: FormEvent) {
    e.preventDefault();
    void connect.run();
  }
  return (
    <form onSubmit={submit} className="stack" aria-label="Connect a Supabase project">
      <p className="muted">
        Incidents stay on this device until you connect your team’s Supabase project. Run the migrations in{' '}
        <code>supabase/</code> there first (<code>supabase db push</code>). Only the public key (publishable or anon) is stored; a secret or service-role key is refused.
      </p>
      <div className="field">
        <label htmlFor={ids.url}>Project URL</label>
        <input id={ids.url} type="text" placeholder="https://abcdefgh.supabase.co" value={url} onChange={(e) => setUrl(e.target.value)} onPaste={paste.onPaste} />
        <p className="hint">Got an invite message? Paste all of it here: it fills the URL and the key.</p>
      </div>
      <div className="field">
        <label htmlFor={ids.key}>Publishable or anon key</label>
        <input id={ids.key} type="text" className="mono" value={anonKey} onChange={(e) => setAnonKey(e.target.value)} onPaste={paste.onPaste} />
      </div>
      <button type="submit" className="primary" disabled={connect.busy}>
        Connect
      </button>
      {paste.error && (
        <p className="error" role="alert">
          {paste.error}
        </p>
      )}
      {connect.error && (
        <p className="error" role="alert">
          {connect.error.message}
        </p>
      )}
    </form>
  );
}
