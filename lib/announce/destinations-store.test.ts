import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Destination } from './destination';
import { DEFAULT_TEAM_SETTINGS, saveTeamSettings } from '../settings/team-settings';
import { loadDestinations, migrateStoredDestinations, readDestinations, saveDestinations } from './destinations-store';

const SLACK = 'https://hooks.slack.com/services/T000/B000/XXXX';

describe('destinations', () => {
  it('migrates the old Slack webhook to one Slack destination receiving Major', async () => {
    await fakeBrowser.storage.local.set({ teamSettings: { nudgeMinutes: 30, slackWebhookUrl: SLACK } });
    expect(await loadDestinations()).toEqual([{ id: 'slack', kind: 'slack', url: SLACK, topics: ['major'] }]);
    // The old value stays readable by an older version.
    expect((await fakeBrowser.storage.local.get('teamSettings')).teamSettings).toMatchObject({ slackWebhookUrl: SLACK });
  });

  it('migrates nothing from an empty or malformed old webhook', () => {
    expect(readDestinations(null, { slackWebhookUrl: '' })).toEqual([]);
    expect(readDestinations(null, { slackWebhookUrl: 'https://example.com/x' })).toEqual([]);
    expect(readDestinations(null, 'garbage')).toEqual([]);
    expect(readDestinations(undefined, null)).toEqual([]);
  });

  it('once saved, the list wins over the old webhook, even when empty', async () => {
    await fakeBrowser.storage.local.set({ teamSettings: { slackWebhookUrl: SLACK } });
    await saveDestinations([]);
    expect(await loadDestinations()).toEqual([]);
  });

  it('round-trips, drops an unreadable entry, and keeps a secret only on json', async () => {
    const list: Destination[] = [
      { id: 'a', kind: 'discord', url: ' https://discord.com/api/webhooks/1/abc ', topics: ['declared'], secret: 'stray' },
      { id: 'b', kind: 'json', url: 'https://example.com/hook', topics: ['major', 'customer_update'], secret: 'x'.repeat(64) },
    ];
    await saveDestinations(list);
    expect(await loadDestinations()).toEqual([
      { id: 'a', kind: 'discord', url: 'https://discord.com/api/webhooks/1/abc', topics: ['declared'] },
      list[1],
    ]);
    expect(readDestinations([{ id: 'x', kind: 'fax' }, list[1]], null)).toEqual([list[1]]);
    expect(readDestinations('not a list', null)).toEqual([]);
  });

  it('refuses a wrong URL, no topics, or a json destination without a real secret, and saves nothing', async () => {
    await saveDestinations([{ id: 'keep', kind: 'slack', url: SLACK, topics: ['major'] }]);
    await expect(saveDestinations([{ id: 'a', kind: 'slack', url: 'https://example.com', topics: ['major'] }])).rejects.toThrow(/Slack incoming-webhook URL/);
    await expect(saveDestinations([{ id: 'a', kind: 'slack', url: SLACK, topics: [] }])).rejects.toThrow(/at least one thing/);
    await expect(saveDestinations([{ id: 'a', kind: 'json', url: 'https://example.com', topics: ['major'], secret: 'short' }])).rejects.toThrow(
      /shared secret of at least 16/,
    );
    expect((await loadDestinations()).map((d) => d.id)).toEqual(['keep']);
  });

  it('makes the migration stick, so saving the running settings afterwards does not lose the Slack destination', async () => {
    await fakeBrowser.storage.local.set({ teamSettings: { ...DEFAULT_TEAM_SETTINGS, slackWebhookUrl: SLACK } });
    await migrateStoredDestinations();
    await saveTeamSettings({ ...DEFAULT_TEAM_SETTINGS, nudgeMinutes: 45 }); // rewrites teamSettings without the old key
    expect(await loadDestinations()).toEqual([{ id: 'slack', kind: 'slack', url: SLACK, topics: ['major'] }]);
    // Once a list exists, it is never migrated over.
    await saveDestinations([]);
    await fakeBrowser.storage.local.set({ teamSettings: { ...DEFAULT_TEAM_SETTINGS, slackWebhookUrl: SLACK } });
    await migrateStoredDestinations();
    expect(await loadDestinations()).toEqual([]);
  });

  it('migrates nothing when there was no old webhook', async () => {
    await migrateStoredDestinations();
    expect(await fakeBrowser.storage.local.get('announceDestinations')).toEqual({});
  });
});
