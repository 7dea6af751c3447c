import { useState } from 'react';
import { useAction } from '../../../components/use-action';
import { useStorageItem } from '../../../components/use-storage-item';
import { connectionItem } from '../../../lib/supabase/connection';
import { buildInviteMessage } from '../../../lib/team/invite-message';
import { formatDateTime } from '../../../lib/format/time';
import { MAX_LIVE_INVITES } from '../../../lib/team/lifecycle';
import type { Team } from '../../../lib/team/team-record';
import { ask } from './ask';
import { ConfirmButton } from './ConfirmButton';

function CodeToShare({ code, teamName }: { code: string; teamName: string }) {
  const connection = useStorageItem(connectionItem);
  const [copied, setCopied] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  async function copy(text: string, what: string) {
    try {
      await navigator.clipboard.writeText(text);
      setFailed(null);
      setCopied(what);
    } catch (error) {
      setCopied(null);
      setFailed(`Could not copy to the clipboard (${error instanceof Error ? error.message : String(error)}). Select the code and copy it instead.`);
    }
  }
  return (
    <>
      <p className="row">
        Invite code: <code aria-label="Invite code">{code}</code>
        <button
          type="button"
          className="primary"
          disabled={!connection}
          onClick={() =>
            connection &&
            void copy(buildInviteMessage({ teamName, url: connection.url, anonKey: connection.anonKey, code }), 'Invite message copied: paste it to your teammate.')
          }
        >
          Copy invite
        </button>
        <button type="button" className="link" onClick={() => void copy(code, 'Code copied.')}>
          Copy code only
        </button>
      </p>
      <p className="hint">
        Copy invite puts one message on the clipboard: what this is, where to install it, the project URL and its public key, and this code.
      </p>
      {copied && <p role="status">{copied}</p>}
      {failed && (
        <p className="error" role="alert">
          {failed}
        </p>
      )}
    </>
  );
}

/** Members see the newest live code, if any; owners also see every live code, and create and revoke them. */
export function InviteCodes({ team }: { team: Team }) {
  const create = useAction(() => ask({ type: 'createInvite' }));
  if (team.role !== 'owner') {
    return team.inviteCode ? <CodeToShare code={team.inviteCode} teamName={team.name} /> : <p className="muted">Ask an owner for an invite code.</p>;
  }
  const full = team.invites.length >= MAX_LIVE_INVITES;
  return (
    <div className="stack">
      {team.inviteCode && <CodeToShare code={team.inviteCode} teamName={team.name} />}
      <h3>Live invite codes ({team.invites.length})</h3>
      <ul aria-label="Live invite codes" className="stack">
        {team.invites.map((invite) => (
          <li key={invite.code} className="row">
            <span className="mono">{invite.code}</span>
            <span className="muted">expires {formatDateTime(invite.expiresAt)}</span>
            <ConfirmButton
              label={`Revoke ${invite.code}`}
              question={`Revoke ${invite.code}? Nobody can join with it any more.`}
              confirmLabel={`Revoke code ${invite.code}`}
              onConfirm={() => ask({ type: 'revokeInvite', code: invite.code })}
            />
          </li>
        ))}
      </ul>
      <p className="row">
        <button type="button" disabled={create.busy || full} onClick={() => void create.run()}>
          Create invite code
        </button>
        {full && <span className="muted">A team can have at most {MAX_LIVE_INVITES} live invite codes. Revoke one first.</span>}
      </p>
      {create.error && (
        <p className="error" role="alert">
          {create.error.message}
        </p>
      )}
    </div>
  );
}
