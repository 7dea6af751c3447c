import { useEffect, useState } from 'react';
import { DEFAULT_TEAM_SETTINGS, loadTeamSettings, parseTeamSettings, teamSettingsItem, type TeamSettings } from '../lib/settings/team-settings';

/** This person's incident settings (templates, nudge, notifications, Slack), kept current. */
export function useTeamSettings(): TeamSettings {
  const [settings, setSettings] = useState<TeamSettings>(DEFAULT_TEAM_SETTINGS);
  useEffect(() => {
    void loadTeamSettings().then(setSettings);
    return teamSettingsItem.watch((value) => setSettings(parseTeamSettings(value)));
  }, []);
  return settings;
}

export const useNudgeMinutes = () => useTeamSettings().nudgeMinutes;
