import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkWebhookUrl, DEFAULT_TEAM_SETTINGS, loadTeamSettings, saveTeamSettings } from './team-settings';

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

  it.each([
    ['', null],
    ['https://hooks.slack.com/services/T000/B000/XXXX', null],
    ['http://127.0.0.1:4000/hook', null],
    ['https://example.com/hook', /Slack incoming-webhook URL/],
    ['http://hooks.slack.com/services/x', /Slack incoming-webhook URL/],
    ['not a url', /Slack incoming-webhook URL/],
  ])('webhook %j', (url, expected) => {
    const result = checkWebhookUrl(url);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toMatch(expected);
  });
});
