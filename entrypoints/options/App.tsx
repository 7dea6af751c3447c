import { useState } from 'react';
import { NameForm, ProfileGate } from '../../components/ProfileGate';
import { CaptureSettingsForm } from './CaptureSettingsForm';
import { ExportImport } from './export/ExportImport';
import { InsightsCard } from './InsightsCard';
import { ManagedPolicyProblems } from './ManagedPolicyProblems';
import { StorageUsage } from './StorageUsage';
import { TeamSettings } from './team/TeamSettings';
import { RunningSettings } from './RunningSettings';
import { Destinations } from './announce/Destinations';
import { TrackerSettings } from './TrackerSettings';
import type { IncidentDatabase } from '../../lib/db/database';

/** The options page; main.tsx hands it the one database, which it passes down. */
export function App({ db }: { db: IncidentDatabase }) {
  return (
    <main style={{ maxWidth: 560, margin: '24px auto', padding: '0 16px' }} className="stack">
      <h1>Incident Capture settings</h1>
      <ManagedPolicyProblems />
      <ProfileGate>{(profile) => <Profile name={profile.displayName} />}</ProfileGate>
      <TeamSettings db={db} />
      <RunningSettings />
      <Destinations db={db} />
      <TrackerSettings />
      <section className="card">
        <CaptureSettingsForm />
      </section>
      <StorageUsage db={db} />
      <InsightsCard />
      <ExportImport db={db} />
      <section className="card">
        <h2>Where incidents are kept</h2>
        <p>
          Incidents are stored in this browser first (IndexedDB). They stay on record here and work offline; no account
          or server is needed. When a team is connected, its incidents also sync through the team’s Supabase project.
        </p>
      </section>
      <footer>
        {/* public/privacy.html, generated from PRIVACY.md: shipped inside the extension, so it opens offline. */}
        <a href="/privacy.html" target="_blank" rel="noopener noreferrer">
          Privacy policy
        </a>
      </footer>
    </main>
  );
}

function Profile({ name }: { name: string }) {
  const [saved, setSaved] = useState(false);
  return (
    <section className="card">
      <NameForm
        key={name}
        initial={name}
        heading="Your profile"
        autoFocus={false}
        intro="The name your team sees when you lead an incident or add to a timeline."
        onSaved={() => setSaved(true)}
      />
      {saved && <p role="status">Saved.</p>}
    </section>
  );
}
