import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { DeclareForm, type DeclareContext } from '../../components/DeclareForm';
import { useDomain } from '../../components/use-domain';
import { getDb } from '../../lib/db';
import { findMyCurrentIncident } from '../../lib/incidents/queries';
import type { Incident } from '../../lib/model/incident';
import { profileSchema, type Profile } from '../../lib/profile/profile';
import { parseTeamId } from '../../lib/supabase/team-id';
import type { PopupBoot } from './popup-boot';
import { CurrentIncident } from './CurrentIncident';
import { useRecognisedPage } from './use-recognised-page';
import type { ShellSnapshot } from './shell';

// Trackers (issue 12): loaded after the first paint, only on an https page; it shows itself only on a tracker issue.
const LinkThisPage = lazy(() => import('./LinkThisPage'));

type View = { kind: 'auto' } | { kind: 'declare' } | { kind: 'incident'; id: string };

export function App({ boot, shell }: { boot: PopupBoot; shell: ShellSnapshot | null }) {
  const parsed = profileSchema.safeParse(boot.profile);
  const teamId = parseTeamId(boot.team);
  // First run is the declare form itself, with "Your name" above the title
  // (issue 12). It stays up until that declare has landed: the profile is
  // stored a moment before the incident, and the form must not give way to
  // an empty one in between.
  const [newcomer, setNewcomer] = useState<{ profile: Profile; incidentId: string } | null>(null);
  if (!parsed.success && !newcomer) {
    return (
      <main className="popup">
        <FirstDeclare
          boot={boot}
          teamId={teamId}
          onDeclared={(incident, profile) => profile && setNewcomer({ profile, incidentId: incident.id })}
        />
      </main>
    );
  }
  // No ProfileGate here: the popup closes as soon as another window takes focus,
  // so the profile boot read cannot change under it; and leaving the gate's
  // name screen out keeps the popup's JS budget (bench/README.md).
  const profile = newcomer?.profile ?? parsed.data!;
  return (
    <main className="popup">
      <PopupHome profile={profile} teamId={teamId} boot={boot} shell={shell} shown={newcomer?.incidentId ?? null} />
    </main>
  );
}

function DeclareView({
  ctx,
  boot,
  shell,
  onDeclared,
}: {
  ctx: DeclareContext;
  boot: PopupBoot;
  shell: ShellSnapshot | null;
  onDeclared: (incident: Incident, profile?: Profile) => void;
}) {
  const recognised = useRecognisedPage(boot.tab);
  return (
    <>
      <header>
        <h1>Declare an incident</h1>
      </header>
      <DeclareForm
        ctx={ctx}
        initialTitle={boot.tab?.title ?? ''}
        sourceUrl={boot.tab?.url}
        carriedOver={shell}
        suggestion={recognised}
        onDeclared={onDeclared}
      />
    </>
  );
}

function FirstDeclare({
  boot,
  teamId,
  onDeclared,
}: {
  boot: PopupBoot;
  teamId: string | null;
  onDeclared: (incident: Incident, profile?: Profile) => void;
}) {
  const ctx = useMemo(() => ({ db: getDb(), actor: null, now: () => Date.now(), teamId }), [teamId]);
  return <DeclareView ctx={ctx} boot={boot} shell={null} onDeclared={onDeclared} />;
}

function PopupHome({
  profile,
  teamId,
  boot,
  shell,
  shown,
}: {
  profile: Profile;
  teamId: string | null;
  boot: PopupBoot;
  shell: ShellSnapshot | null;
  /** The incident a first-run declare just made, shown at once. */
  shown: string | null;
}) {
  const ctx = useDomain(profile, teamId);
  const [view, setView] = useState<View>(shown ? { kind: 'incident', id: shown } : { kind: 'auto' });
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

  const linkHere = boot.tab?.url?.startsWith('https://') ? (
    <Suspense fallback={null}>
      <LinkThisPage ctx={ctx} tab={boot.tab} />
    </Suspense>
  ) : null;

  if (view.kind === 'incident') {
    return (
      <>
        <CurrentIncident
          ctx={ctx}
          incidentId={view.id}
          tab={boot.tab}
          onDeclareAnother={() => setView({ kind: 'declare' })}
        />
        {linkHere}
      </>
    );
  }
  if (current === undefined) return <p aria-busy="true" className="muted">Loading…</p>;
  if (view.kind === 'auto' && current) return null; // the effect above is about to pin it

  return (
    <>
      <DeclareView
        ctx={ctx}
        boot={boot}
        shell={view.kind === 'auto' ? shell : null}
        onDeclared={(incident) => setView({ kind: 'incident', id: incident.id })}
      />
      {linkHere}
    </>
  );
}
