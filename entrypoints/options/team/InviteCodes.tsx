import { useAction } from '../../../components/use-action';
import { formatDateTime } from '../../../lib/format/time';
import { MAX_LIVE_INVITES } from '../../../lib/team/lifecycle';
import type { Team } from '../../../lib/team/team-record';
import { ask } from './ask';
import { ConfirmButton } from './ConfirmButton';

function CodeToShare({ code }: { code: string }) {
  return (
    <p>
      Invite code: <code aria-label="Invite code">{code}</code>{' '}
      <button type="button" className="link" onClick={() => void navigator.clipboard.writeText(code)}>
        Copy
      </button>
    </p>
  );
}

/** Members see the newest live code, if any; owners also see every live code, and create and revoke them. */
export function InviteCodes({ team }: { team: Team }) {
  const create = useAction(() => ask({ type: 'createInvite' }));
  if (team.role !== 'owner') {
    return team.inviteCode ? <CodeToShare code={team.inviteCode} /> : <p className="muted">Ask an owner for an invite code.</p>;
  }
  const full = team.invites.length >= MAX_LIVE_INVITES;
  return (
    <div className="stack">
      {team.inviteCode && <CodeToShare code={team.inviteCode} />}
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
