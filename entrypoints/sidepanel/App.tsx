import { useEffect, useState } from 'react';
import { ProfileGate } from '../../components/ProfileGate';
import { useDomain } from '../../components/use-domain';
import { useTeamPolling } from '../../components/use-team-polling';
import type { Profile } from '../../lib/profile/profile';
import { idSchema as incidentIdSchema } from '../../lib/model/incident-fields';
import { focusIncidentItem } from '../../lib/navigation/focus-incident';
import { useStorageItem } from '../../components/use-storage-item';
import { DEFAULT_TEAM_SETTINGS, parseTeamSettings, teamSettingsItem } from '../../lib/settings/team-settings';
import { IncidentList } from './IncidentList';
import { IncidentView } from './IncidentView';

const INCIDENT_HASH = /^#\/incident\/(.+)$/;

function incidentFromHash(): string | null {
  const id = INCIDENT_HASH.exec(location.hash)?.[1];
  return id && incidentIdSchema.safeParse(id).success ? id : null;
}

/** Route state lives in the URL hash, so a reload keeps the open incident. */
function useOpenIncident(): [string | null, (id: string | null) => void] {
  const [id, setId] = useState(incidentFromHash);
  useEffect(() => {
    const onHash = () => setId(incidentFromHash());
    window.addEventListener('hashchange', onHash);
    // The popup's "Open side panel" asks for an incident; follow it live.
    const follow = (value: string | null) => {
      if (value && incidentIdSchema.safeParse(value).success) location.hash = `#/incident/${value}`;
    };
    void focusIncidentItem.getValue().then(follow);
    const unwatch = focusIncidentItem.watch(follow);
    return () => {
      window.removeEventListener('hashchange', onHash);
      unwatch();
    };
  }, []);
  const open = (next: string | null) => {
    location.hash = next ? `#/incident/${next}` : '#/';
  };
  return [id, open];
}

export function App() {
  return (
    <main className="sidepanel">
      <ProfileGate>{(profile, teamId) => <SidePanelHome profile={profile} teamId={teamId} />}</ProfileGate>
    </main>
  );
}

function SidePanelHome({ profile, teamId }: { profile: Profile; teamId: string | null }) {
  const ctx = useDomain(profile, teamId);
  useTeamPolling(teamId);
  const [openId, open] = useOpenIncident();
  const { nudgeMinutes } = useStorageItem(teamSettingsItem, { read: parseTeamSettings, initial: DEFAULT_TEAM_SETTINGS });
  // Keyed: another incident is a new view, so nothing of the last one (its log while the next is read,
  // a half-typed summary, the last-seen point) is taken for the next's.
  if (openId) return <IncidentView key={openId} ctx={ctx} incidentId={openId} onBack={() => open(null)} nudgeMinutes={nudgeMinutes} />;
  return <IncidentList ctx={ctx} onOpen={open} nudgeMinutes={nudgeMinutes} />;
}
