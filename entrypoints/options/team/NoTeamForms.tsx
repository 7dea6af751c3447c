import { useEffect, useId, useState, type FormEvent } from 'react';
import { useAction } from '../../../components/use-action';
import { ValidationError } from '../../../lib/incidents/errors';
import { inviteCodeFromPaste } from '../../../lib/team/invite-message-parse';
import { loadPendingInviteCode, pendingInviteCodeItem } from '../../../lib/team/pending-invite';
import { ask } from './ask';
import { useJoinPaste } from './use-invite-paste';

/** Create a team, or join one with an invite code. */
export function NoTeamForms() {
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const create = useAction(() => ask({ type: 'createTeam', name }));
  const join = useAction(async () => {
    // A typed or filled-in message, or a code of the wrong shape, is read (or refused) here, before the server sees it.
    const found = inviteCodeFromPaste(code);
    if (!found.ok) throw new ValidationError(found.error, 'code');
    const joined = await ask({ type: 'joinTeam', code: found.code });
    await pendingInviteCodeItem.removeValue();
    return joined;
  });
  const paste = useJoinPaste(setCode);
  // The code of an invite message pasted into the connect step, kept for here.
  useEffect(() => {
    void loadPendingInviteCode().then((pending) => pending && setCode((typed) => typed || pending));
  }, []);
  const ids = { name: useId(), code: useId() };
  const error = paste.error ? { message: paste.error } : (create.error ?? join.error);
  return (
    <div className="stack">
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void create.run();
        }}
        aria-label="Create a team"
        className="row"
      >
        <label htmlFor={ids.name}>Team name</label>
        <input id={ids.name} type="text" style={{ flex: 1 }} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="primary" disabled={create.busy}>
          Create team
        </button>
      </form>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void join.run();
        }}
        aria-label="Join a team"
        className="row"
      >
        <label htmlFor={ids.code}>Invite code</label>
        <input
          id={ids.code}
          type="text"
          className="mono"
          style={{ flex: 1 }}
          value={code}
          onChange={(e) => (paste.setError(null), setCode(e.target.value))}
          onPaste={paste.onPaste}
          placeholder="The code, or the whole invite message"
        />
        <button type="submit" disabled={join.busy}>
          Join team
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
    </div>
  );
}
