import { useState, type FormEvent, type ReactNode } from 'react';
import { describeError } from '../lib/incidents/errors';
import { profileItem, profileOf, saveDisplayName, type Profile } from '../lib/profile/profile';
import { parseTeamId, teamIdItem } from '../lib/supabase/team-id';
import { NameField } from './NameField';
import { useStorageItem } from './use-storage-item';

/**
 * First run asks for one thing: the name teammates will see as the lead.
 * Everything works locally from then on; no account, no server.
 */
export function ProfileGate({
  children,
  initial,
  initialTeamId,
}: {
  /** Who I am, and the team new incidents belong to (null while local-only). */
  children: (profile: Profile, teamId: string | null) => ReactNode;
  /** A profile already read (the popup's boot), so the first render needs no wait. */
  initial?: Profile | undefined;
  initialTeamId?: string | null | undefined;
}) {
  const stored = useStorageItem<unknown, Profile | null | undefined>(profileItem, { read: profileOf, initial });
  const teamId = useStorageItem<unknown, string | null | undefined>(teamIdItem, { read: parseTeamId, initial: initialTeamId });
  // The name just saved shows at once, before storage reports the change.
  const [saved, setSaved] = useState<Profile | null>(null);
  const profile = stored === null && saved ? saved : stored;
  if (profile === undefined || teamId === undefined) return <p className="muted" aria-busy="true">Loading…</p>;
  if (profile === null) return <NameForm onSaved={setSaved} />;
  return <>{children(profile, teamId)}</>;
}

export function NameForm({
  onSaved,
  initial = '',
  heading = 'Welcome',
  autoFocus = true,
  intro = 'Incidents are owned by a lead. What name should your team see when you lead one? Everything stays on this device until you connect a team.',
}: {
  onSaved: (p: Profile) => void;
  initial?: string;
  heading?: string;
  intro?: string;
  /** First run only: on a settings page, focus must not jump here while someone types elsewhere. */
  autoFocus?: boolean;
}) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      onSaved(await saveDisplayName(name));
    } catch (err) {
      setError(describeError(err));
    }
  }
  return (
    <form onSubmit={submit} className="stack" aria-labelledby="welcome-heading">
      <h1 id="welcome-heading">{heading}</h1>
      <p className="muted">{intro}</p>
      <NameField id="display-name" value={name} onChange={setName} error={error} autoFocus={autoFocus} />
      <button type="submit" className="primary">
        Save name
      </button>
    </form>
  );
}
