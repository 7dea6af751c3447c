import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_TEAM_SETTINGS, loadTeamSettings, saveTeamSettings } from './team-settings';

describe('team settings', () => {
  it('defaults, round-trips, and survives corrupt storage', async () => {
    expect(await loadTeamSettings()).toEqual(DEFAULT_TEAM_SETTINGS);
    await saveTeamSettings({ ...DEFAULT_TEAM_SETTINGS, nudgeMinutes: 45 });
    expect((await loadTeamSettings()).nudgeMinutes).toBe(45);
    await fakeBrowser.storage.local.set({ teamSettings: { nudgeMinutes: 'soon' } });
    expect(await loadTeamSettings()).toEqual(DEFAULT_TEAM_SETTINGS);
  });

  it('refuses a nudge outside 5 minutes to a day', async () => {
    await expect(saveTeamSettings({ ...DEFAULT_TEAM_SETTINGS, nudgeMinutes: 1 })).rejects.toThrow();
  });

  it('still reads settings stored with the old Slack webhook, leaving it for the destinations migration', async () => {
    await fakeBrowser.storage.local.set({ teamSettings: { ...DEFAULT_TEAM_SETTINGS, nudgeMinutes: 20, slackWebhookUrl: 'https://hooks.slack.com/services/x' } });
    expect(await loadTeamSettings()).toEqual({ ...DEFAULT_TEAM_SETTINGS, nudgeMinutes: 20 });
  });
});
