import { useId, useState, type FormEvent } from 'react';
import { useAction } from '../../../components/use-action';
import { ask } from './ask';
import { OAuthButtons } from './OAuthButtons';
import { requireTeamConsent } from './team-consent';

/** Step 2: sign in with GitHub or Google, with a password, or with a one-time code sent by email. */
export function SignInForm() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [codeSent, setCodeSent] = useState(false);
  // Signing in sends the email to the team's project. Consent was asked for at
  // Connect; asking again is silent when still granted, and catches a consent
  // withdrawn since (Firefox: about:addons). It must come before any await.
  const signIn = useAction(async () => {
    await requireTeamConsent();
    return ask({ type: 'signInWithPassword', email, password });
  });
  const [notice, setNotice] = useState<string | null>(null);
  const signUp = useAction(async () => {
    await requireTeamConsent();
    const reply = await ask({ type: 'signUp', email, password });
    if ('confirmEmail' in reply) setNotice('Check your email to confirm the account, then sign in here.');
  });
  const sendCode = useAction(async () => {
    await requireTeamConsent();
    await ask({ type: 'sendSignInCode', email });
    setCodeSent(true);
  });
  const verify = useAction(async () => {
    await requireTeamConsent();
    return ask({ type: 'verifySignInCode', email, code });
  });
  const ids = { email: useId(), password: useId(), code: useId() };
  const error = signIn.error ?? signUp.error ?? sendCode.error ?? verify.error;
  const busy = signIn.busy || signUp.busy || sendCode.busy || verify.busy;

  function submit(e: FormEvent) {
    e.preventDefault();
    void (codeSent ? verify.run() : signIn.run());
  }

  return (
    <div className="stack">
      <OAuthButtons />
      <form onSubmit={submit} className="stack" aria-label="Sign in to the team project">
        <div className="field">
          <label htmlFor={ids.email}>Email</label>
          <input id={ids.email} type="text" inputMode="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        {codeSent ? (
          <div className="field">
            <label htmlFor={ids.code}>Code from the email</label>
            <input id={ids.code} type="text" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
          </div>
        ) : (
          <div className="field">
            <label htmlFor={ids.password}>Password</label>
            <input id={ids.password} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          </div>
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            {codeSent ? 'Verify code' : 'Sign in'}
          </button>
          {!codeSent && (
            <>
              <button type="button" disabled={busy} onClick={() => void sendCode.run()}>
                Email me a code instead
              </button>
              <button type="button" disabled={busy} onClick={() => void signUp.run()}>
                Create account
              </button>
            </>
          )}
          {codeSent && (
            <button type="button" className="link" onClick={() => setCodeSent(false)}>
              Use a password instead
            </button>
          )}
        </div>
        {codeSent && <p role="status" className="muted">We sent a code to {email}. It expires in a few minutes.</p>}
        {notice && <p role="status">{notice}</p>}
        {error && (
          <p className="error" role="alert">
            {error.message}
          </p>
        )}
      </form>
    </div>
  );
}
