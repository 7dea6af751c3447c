import { useEffect, useState } from 'react';
import { useAction } from '../../../components/use-action';
import { PROVIDER_LABELS, type OAuthProvider } from '../../../lib/supabase/oauth-provider';
import { ask } from './ask';
import { requireTeamConsent } from './team-consent';

const PROVIDERS: OAuthProvider[] = ['github', 'google'];

/**
 * "Continue with GitHub / Google": the background opens the browser's sign-in
 * window (lib/supabase/oauth.ts) and answers once it came back signed in, the
 * same answer as a password sign-in. Also shows this browser's redirect URL,
 * which the project must allow (supabase/README.md, "Sign in with GitHub or Google").
 */
export function OAuthButtons() {
  const [waitingFor, setWaitingFor] = useState<OAuthProvider | null>(null);
  const [redirectUrl, setRedirectUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  async function copyRedirect(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Copied.');
    } catch {
      setCopied('Could not copy: select the address and copy it instead.');
    }
  }
  // Consent first, before any await: Firefox needs the click's user gesture (team-consent.ts).
  const signIn = useAction(async (provider: OAuthProvider) => {
    const consent = requireTeamConsent();
    setWaitingFor(provider);
    try {
      await consent;
      return await ask({ type: 'signInWithProvider', provider });
    } finally {
      setWaitingFor(null);
    }
  });

  useEffect(() => {
    let live = true;
    ask({ type: 'oauthRedirectUrl' })
      .then(({ url }) => live && setRedirectUrl(url))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  return (
    <div className="stack" role="group" aria-label="Sign in with an account you already have">
      <div className="row">
        {PROVIDERS.map((provider) => (
          <button key={provider} type="button" disabled={signIn.busy} aria-busy={waitingFor === provider} onClick={() => void signIn.run(provider)}>
            Continue with {PROVIDER_LABELS[provider]}
          </button>
        ))}
      </div>
      {waitingFor && (
        <p role="status" className="muted">
          Finish signing in in the {PROVIDER_LABELS[waitingFor]} window…
        </p>
      )}
      {signIn.error && (
        <p className="error" role="alert">
          {signIn.error.message}
        </p>
      )}
      {redirectUrl && (
        <p className="muted">
          The project must allow this browser’s redirect URL <code aria-label="This browser’s redirect URL">{redirectUrl}</code> (Supabase
          dashboard → Authentication → URL Configuration → Redirect URLs).{' '}
          <button type="button" className="link" onClick={() => void copyRedirect(redirectUrl)}>
            Copy redirect URL
          </button>{' '}
          {copied && <span role="status">{copied}</span>}
        </p>
      )}
    </div>
  );
}
