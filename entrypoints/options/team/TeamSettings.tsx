import type { IncidentDatabase } from '../../../lib/db/database';
import { useAction } from '../../../components/use-action';
import { useStorageItem } from '../../../components/use-storage-item';
import { managedStatusItem, parseManagedStatus } from '../../../lib/settings/managed-status';
import { connectionItem } from '../../../lib/supabase/connection';
import { accountItem, teamItem } from '../../../lib/supabase/team';
import { departureOf, teamOf } from '../../../lib/team/team-record';
import { useEffect, useState } from 'react';
import { ANSWERED, ask } from './ask';
import { SetByOrganisation } from '../SetByOrganisation';
import { useManagedPolicy } from '../use-managed-policy';
import { ConnectForm } from './ConnectForm';
import { SignInForm } from './SignInForm';
import { TeamPanel } from './TeamPanel';

/** Connect a project → sign in → create or join a team. Each step shows once the one before is done. */
export function TeamSettings({ db }: { db: IncidentDatabase }) {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    window.addEventListener(ANSWERED, bump);
    return () => window.removeEventListener(ANSWERED, bump);
  }, []);
  const stored = useStorageItem(connectionItem, { version });
  // The organisation's project wins: shown connected (the background applies it) and locked.
  const managed = useManagedPolicy()?.settings?.connection ?? null;
  const connection = managed ?? stored;
  const status = useStorageItem(managedStatusItem, { read: parseManagedStatus, initial: parseManagedStatus(null) });
  const account = useStorageItem(accountItem, { version });
  const record = useStorageItem(teamItem, { version });
  const userId = account?.userId ?? null;
  // Opening the page asks the server again: a removal shows here even before the next sync.
  useEffect(() => {
    if (userId) void ask({ type: 'refreshTeam' }).catch(() => undefined);
  }, [userId]);
  const signOut = useAction(() => ask({ type: 'signOut' }));
  const disconnect = useAction(() => ask({ type: 'disconnectProject' }));

  return (
    <section className="card stack" aria-labelledby="team-heading">
      <h2 id="team-heading">Team</h2>
      {connection === undefined ? (
        <p className="muted">Loading…</p>
      ) : !connection ? (
        <ConnectForm />
      ) : (
        <>
          <p className="row">
            Connected to <code>{connection.url}</code>
            {managed ? (
              <SetByOrganisation />
            ) : (
              <button type="button" className="link" onClick={() => void disconnect.run()}>
                Disconnect
              </button>
            )}
          </p>
          {managed && status.connectionError && (
            <p className="error" role="alert">
              {status.connectionError}
            </p>
          )}
          {!account ? (
            <SignInForm />
          ) : (
            <>
              <p className="row">
                Signed in as <strong>{account.email}</strong>
                <button type="button" className="link" onClick={() => void signOut.run()}>
                  Sign out
                </button>
              </p>
              {status.joinError && !teamOf(record) && (
                <p className="error" role="alert">
                  {status.joinError.message}
                </p>
              )}
              <TeamPanel db={db} team={teamOf(record)} departure={departureOf(record)} myUserId={userId} />
            </>
          )}
        </>
      )}
      {(signOut.error ?? disconnect.error) && (
        <p className="error" role="alert">
          {(signOut.error ?? disconnect.error)!.message}
        </p>
      )}
    </section>
  );
}
