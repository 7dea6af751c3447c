import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  JIRA_PID_MESSAGE,
  JIRA_SITE_MESSAGE,
  jiraSiteOrigin,
  parseRepository,
  REPO_MESSAGE,
} from './tracker-settings';
import { loadTrackerSettings, saveTrackerSettings, trackerSettingsItem } from './tracker-settings-item';

beforeEach(() => fakeBrowser.reset());

describe('tracker settings', () => {
  it('parses owner/repo, also from a pasted repository URL', () => {
    expect(parseRepository('acme/web')).toEqual({ owner: 'acme', repo: 'web' });
    expect(parseRepository(' https://github.com/acme/web.app.git ')).toEqual({ owner: 'acme', repo: 'web.app' });
    for (const bad of ['acme', 'acme/', '/web', 'acme/web/extra', '-acme/web', 'acme/..', 'ac me/web', 'acme/we b']) {
      expect(parseRepository(bad)).toEqual({ error: REPO_MESSAGE });
    }
  });

  it('a Jira site is https and nothing but an origin', () => {
    expect(jiraSiteOrigin('https://acme.atlassian.net/')).toBe('https://acme.atlassian.net');
    expect(jiraSiteOrigin('https://jira.acme.com')).toBe('https://jira.acme.com');
    for (const bad of ['http://acme.atlassian.net', 'acme.atlassian.net', 'https://acme.atlassian.net/jira', 'https://u@acme.atlassian.net', 'https://localhost', 'javascript:x']) {
      expect(jiraSiteOrigin(bad)).toBeNull();
    }
  });

  it('saves good settings (normalised) and reads them back', async () => {
    const saved = await saveTrackerSettings({
      linear: { teamKey: ' eng ' },
      jira: { site: 'https://acme.atlassian.net/', projectId: '10000', issueTypeId: '10001' },
    });
    expect(saved).toEqual({ linear: { teamKey: 'ENG' }, jira: { site: 'https://acme.atlassian.net', projectId: '10000', issueTypeId: '10001' } });
    expect(await loadTrackerSettings()).toEqual(saved);
  });

  it('bad settings give a sentence and change nothing', async () => {
    await saveTrackerSettings({ github: { owner: 'acme', repo: 'web' } });
    await expect(saveTrackerSettings({ jira: { site: 'http://acme.atlassian.net', projectId: '1', issueTypeId: '2' } })).rejects.toThrow(
      JIRA_SITE_MESSAGE,
    );
    await expect(saveTrackerSettings({ jira: { site: 'https://acme.atlassian.net', projectId: 'OPS', issueTypeId: '2' } })).rejects.toThrow(
      JIRA_PID_MESSAGE,
    );
    await expect(saveTrackerSettings({ github: { owner: 'acme/x', repo: 'web' } })).rejects.toThrow(REPO_MESSAGE);
    expect(await loadTrackerSettings()).toEqual({ github: { owner: 'acme', repo: 'web' } });
  });

  it('a malformed stored value reads as no trackers', async () => {
    await trackerSettingsItem.setValue({ github: { owner: 42 } });
    expect(await loadTrackerSettings()).toEqual({});
  });
});
