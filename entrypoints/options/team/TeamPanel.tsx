import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import { SyncIndicator } from '../../../components/SyncIndicator';
import { useAction } from '../../../components/use-action';
import { getDb } from '../../../lib/db';
import { formatDateTime } from '../../../lib/format/time';
import type { Team } from '../../../lib/supabase/team';
import { ask } from './ask';

/** Step 3: create a team or join one; then its members, invite code, sync state and refusals. */
export function TeamPanel({ team }: { team: Team | null }) {
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const create = useAction(() => ask({ type: 'createTeam', name }));
  const join = useAction(() => ask({ type: 'joinTeam', code }));
  const ids = { name: useId(), code: useId() };
  const deadLetters = useLiveQuery(() => getDb().deadLetters.toArray(), []);

  if (!team) {
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
          <input id={ids.code} type="text" className="mono" style={{ flex: 1 }} value={code} onChange={(e) => setCode(e.target.value)} />
          <button type="submit" disabled={join.busy}>
            Join team
          </button>
        </form>
        {(create.error ?? join.error) && (
          <p className="error" role="alert">
            {(create.error ?? join.error)!.message}
          </p>
        )}
      </div>
    );
  }

  return (
    <div className="stack">
      <p>
        Team <strong>{team.name}</strong> · <SyncIndicator teamId={team.teamId} />
      </p>
      {team.inviteCode && (
        <p>
          Invite code: <code aria-label="Invite code">{team.inviteCode}</code>{' '}
          <button type="button" className="link" onClick={() => void navigator.clipboard.writeText(team.inviteCode!)}>
            Copy
          </button>
        </p>
      )}
      <h3>Members ({team.members.length})</h3>
      <ul aria-label="Team members">
        {team.members.map((m) => (
          <li key={m.userId}>
            {m.displayName}
            {m.role === 'owner' ? ' (owner)' : ''}
          </li>
        ))}
      </ul>
      {deadLetters && deadLetters.length > 0 && (
        <>
          <h3>Refused by the server ({deadLetters.length})</h3>
          <ul aria-label="Refused events">
            {deadLetters.map((d) => (
              <li key={d.eventId}>
                <span className="mono">{d.eventId.slice(0, 8)}</span> · {formatDateTime(d.failedAt)} · {d.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
