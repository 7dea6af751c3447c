import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { DeclareForm } from '../../components/DeclareForm';
import { ProfileGate } from '../../components/ProfileGate';
import { useDomain } from '../../components/use-domain';
import { getActiveTab, type ActiveTab, type TabsPort } from '../../lib/browser/active-tab';
import { findMyCurrentIncident } from '../../lib/incidents/queries';
import type { Profile } from '../../lib/profile/profile';
import { CurrentIncident } from './CurrentIncident';

// Started before React mounts, so the tab lookup overlaps the first render.
const activeTab = getActiveTab(browser as unknown as TabsPort);

type View = { kind: 'auto' } | { kind: 'declare' } | { kind: 'incident'; id: string };

export function App() {
  return (
    <main className="popup">
      <ProfileGate>{(profile) => <PopupHome profile={profile} />}</ProfileGate>
    </main>
  );
}

function PopupHome({ profile }: { profile: Profile }) {
  const ctx = useDomain(profile);
  const [tab, setTab] = useState<ActiveTab | null | undefined>(undefined);
  const [view, setView] = useState<View>({ kind: 'auto' });
  useEffect(() => {
    void activeTab.then(setTab);
  }, []);
  // null = looked and found none; undefined = still looking.
  const current = useLiveQuery(
    async () => (await findMyCurrentIncident(ctx.db, profile.userId)) ?? null,
    [profile.userId],
  );

  // Once the popup shows an incident it stays on it (resolving it must not
  // flip the popup back to an empty form under the person's cursor).
  useEffect(() => {
    if (view.kind === 'auto' && current) setView({ kind: 'incident', id: current.id });
  }, [view.kind, current]);

  if (tab === undefined || current === undefined) return <p aria-busy="true" className="muted">Loading…</p>;

  if (view.kind === 'incident') {
    return (
      <CurrentIncident
        ctx={ctx}
        incidentId={view.id}
        tab={tab}
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
        initialTitle={tab?.title ?? ''}
        sourceUrl={tab?.url}
        onDeclared={(incident) => setView({ kind: 'incident', id: incident.id })}
      />
    </>
  );
}
