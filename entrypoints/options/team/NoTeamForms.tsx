import { useId, useState, type FormEvent } from 'react';
import { useAction } from '../../../components/use-action';
import { ask } from './ask';

/** Create a team, or join one with an invite code. */
export function NoTeamForms() {
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const create = useAction(() => ask({ type: 'createTeam', name }));
  const join = useAction(() => ask({ type: 'joinTeam', code }));
  const ids = { name: useId(), code: useId() };
  const error = create.error ?? join.error;
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
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
    </div>
  );
}
