import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { DeclareForm } from '../../components/DeclareForm';
import { ProfileGate } from '../../components/ProfileGate';
import { useDomain } from '../../components/use-domain';
import { findMyCurrentIncident } from '../../lib/incidents/queries';
import { profileSchema, type Profile } from '../../lib/profile/profile';
import { parseTeamId } from '../../lib/supabase/team-id';
import type { PopupBoot } from './popup-boot';
import { CurrentIncident } from './CurrentIncident';
import { useRecognisedPage } from './use-recognised-page';
import type { ShellSnapshot } from './shell';

type View = { kind: 'auto' } | { kind: 'declare' } | { kind: 'incident'; id: string };

export function App({ boot, shell }: { boot: PopupBoot; shell: ShellSnapshot | null }) {
  const parsed = profileSchema.safeParse(boot.profile);
  return (
    <main className="popup">
      <ProfileGate initial={parsed.success ? parsed.data : undefined} initialTeamId={parseTeamId(boot.team)}>
        {(profile, teamId) => <PopupHome profile={profile} teamId={teamId} boot={boot} shell={shell} />}
      </ProfileGate>
    </main>
  );
}

function PopupHome({
  profile,
  teamId,
  boot,
  shell,
}: {
  profile: Profile;
  teamId: string | null;
  boot: PopupBoot;
  shell: ShellSnapshot | null;
}) {
  const ctx = useDomain(profile, teamId);
  const [view, setView] = useState<View>({ kind: 'auto' });
  const recognised = useRecognisedPage(boot.tab);
  // null = looked and found none; undefined = still looking. The boot's peek
  // already answered "none" when it showed the shell, so the form stays up.
  const current = useLiveQuery(
    async () => (await findMyCurrentIncident(ctx.db, profile.userId)) ?? null,
    [profile.userId],
    boot.leadsActive === false ? null : undefined,
  );

  // Once the popup shows an incident it stays on it (resolving it must not
  // flip the popup back to an empty form under the person's cursor).
  useEffect(() => {
    if (view.kind === 'auto' && current) setView({ kind: 'incident', id: current.id });
  }, [view.kind, current]);

  if (current === undefined) return <p aria-busy="true" className="muted">Loading…</p>;

  if (view.kind === 'incident') {
    return (
      <CurrentIncident
        ctx={ctx}
        incidentId={view.id}
        tab={boot.tab}
        onDeclareAnother={() => setView({ kind: 'declare' })}
      />
    );
  }
  if (view.kind === 'auto' && current) return null; // the effect above is about to pin it

  return (
    <>
      <header>
        <h1>Declare an incident</h1>
      </header>
      <DeclareForm
        ctx={ctx}
        initialTitle={boot.tab?.title ?? ''}
        sourceUrl={boot.tab?.url}
        carriedOver={view.kind === 'auto' ? shell : null}
        suggestion={recognised}
        onDeclared={(incident) => setView({ kind: 'incident', id: incident.id })}
      />
    </>
  );
}
