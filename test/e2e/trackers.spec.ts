import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINK_SHAPE_MESSAGE } from '../../lib/trackers/link-url';
import { REPO_MESSAGE } from '../../lib/trackers/tracker-settings';
import { launchExtension, openPopupWindow, startTestSite, storedEventCount, type ExtensionSession } from './fixtures';
import { PopupPage } from './pages/popup.page';
import { RecordsPage } from './pages/records.page';
import { SidePanelPage } from './pages/sidepanel.page';
import { FollowUpRow, TrackerSettingsPage } from './pages/trackers.page';

const TITLE = 'Checkout 500s';

/** The incident's id and its follow-ups' ids, read from IndexedDB in an extension page. */
function followUpIds(page: Page): Promise<{ incidentId: string; followUps: Record<string, string> }> {
  return page.evaluate(
    (title) =>
      new Promise((ok, fail) => {
        const open = indexedDB.open('incident-capture');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const r = open.result.transaction('incidents').objectStore('incidents').getAll();
          r.onsuccess = () => {
            open.result.close();
            const incident = (r.result as { id: string; title: string; followUps: { id: string; text: string }[] }[]).find((i) => i.title === title)!;
            ok({ incidentId: incident.id, followUps: Object.fromEntries(incident.followUps.map((f) => [f.text, f.id])) });
          };
        };
      }),
    TITLE,
  );
}

// There is no internet here: github.com and linear.app are answered by the test
// (Playwright's context.route), so tabs can sit on tracker-shaped https URLs.
describe('follow-ups into trackers (Chromium)', () => {
  let session: ExtensionSession;
  let site: Awaited<ReturnType<typeof startTestSite>>;
  let tab: Page;
  let panel: SidePanelPage;
  let options: Page;

  beforeAll(async () => {
    site = await startTestSite();
    session = await launchExtension();
    for (const host of ['https://github.com/**', 'https://linear.app/**']) {
      await session.context.route(host, (route) =>
        route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Tracker issue</title><h1>Tracker issue</h1>' }),
      );
    }
    tab = await session.context.newPage();
    await tab.goto(`${site.origin}/grafana`);
    const popup = new PopupPage(await openPopupWindow(session));
    await popup.enterName('Sophie');
    await popup.declare({ title: TITLE, severity: 'Major', summary: 'Stripe webhooks answer 500 & retry' });
    await popup.currentIncidentTitle();
    await popup.page.close();
    panel = new SidePanelPage(await session.context.newPage());
    await panel.page.goto(session.url('sidepanel.html'));
    await panel.openIncident(TITLE);
  });

  afterAll(async () => {
    await session?.close();
    await site?.close();
  });

  it('without a tracker, Create issue points to Options → Trackers', async () => {
    await panel.page.getByLabel('New follow-up').fill('Alert on pool exhaustion');
    await panel.page.getByRole('button', { name: 'Add follow-up' }).click();
    const row = new FollowUpRow(panel.page, 'Alert on pool exhaustion');
    const setUp = row.item().getByRole('link', { name: 'Create issue: set up a tracker' });
    expect(await setUp.getAttribute('href')).toBe('/options.html#trackers');
  });

  it('Options → Trackers: a wrong-shape repository gets a sentence and nothing is stored; owner/repo is saved', async () => {
    options = await session.context.newPage();
    await options.goto(session.url('options.html'));
    const trackers = new TrackerSettingsPage(options);
    await trackers.save({ repository: 'acme' });
    expect(await trackers.form().getByRole('alert').textContent()).toBe(REPO_MESSAGE);
    expect(await session.worker.evaluate(() => chrome.storage.local.get('trackerSettings'))).toEqual({});
    await trackers.save({ jiraSite: 'http://acme.atlassian.net', jiraProject: '10000', jiraIssueType: '10001', repository: 'acme/web' });
    expect(await trackers.form().getByRole('alert').textContent()).toMatch(/^Enter the Jira site as https:/);
    expect(await session.worker.evaluate(() => chrome.storage.local.get('trackerSettings'))).toEqual({});
    await trackers.save({ jiraSite: '', jiraProject: '', jiraIssueType: '' });
    await trackers.form().getByRole('status').filter({ hasText: 'Trackers saved.' }).waitFor();
    expect(await session.worker.evaluate(() => chrome.storage.local.get('trackerSettings'))).toEqual({
      trackerSettings: { github: { owner: 'acme', repo: 'web' } },
    });
  });

  it('Create GitHub issue opens a new tab on the repository’s new-issue page, title and body prefilled', async () => {
    const row = new FollowUpRow(panel.page, 'Alert on pool exhaustion');
    const url = new URL(await row.createIssue('GitHub'));
    expect(url.origin + url.pathname).toBe('https://github.com/acme/web/issues/new');
    expect(url.searchParams.get('title')).toBe('Alert on pool exhaustion');
    const body = url.searchParams.get('body')!;
    expect(body).toMatch(/^Follow-up from incident [0-9a-f]{8}: Checkout 500s\n/);
    expect(body).toContain(`Declared from: ${site.origin}/grafana`);
    expect(body).toContain('Stripe webhooks answer 500 & retry');
  });

  it('Link issue: a wrong-shape URL is refused with the sentence and nothing is stored; an issue URL is stored and shown', async () => {
    const row = new FollowUpRow(panel.page, 'Alert on pool exhaustion');
    const before = await storedEventCount(panel.page);
    await row.linkIssue('https://github.com/acme/web');
    expect(await row.alert().textContent()).toBe(LINK_SHAPE_MESSAGE);
    expect(await storedEventCount(panel.page)).toBe(before);

    await row.linkIssue('https://github.com/acme/web/issues/42');
    await row.issueLink('GitHub acme/web#42').waitFor();
    expect(await row.issueLink('GitHub acme/web#42').getAttribute('href')).toBe('https://github.com/acme/web/issues/42');
    expect(await storedEventCount(panel.page)).toBe(before + 1);
    expect(await row.alert().count()).toBe(0);
  });

  it('the popup on a tracker issue links the page to the open follow-up I choose', async () => {
    for (const text of ['Load test checkout', 'Rotate the webhook secret']) {
      await panel.page.getByLabel('New follow-up').fill(text);
      await panel.page.getByRole('button', { name: 'Add follow-up' }).click();
      await new FollowUpRow(panel.page, text).item().waitFor();
    }
    await tab.bringToFront();
    await tab.goto('https://github.com/acme/web/issues/43');
    const popup = new PopupPage(await openPopupWindow(session));
    await popup.currentIncidentTitle();
    const form = popup.page.getByRole('form', { name: 'Link this page to a follow-up' });
    const choice = form.getByLabel('Link acme/web#43 to a follow-up');
    await choice.waitFor(); // loaded after the popup's first paint
    // Only unlinked open follow-ups, newest first.
    expect(await choice.locator('option').allTextContents()).toEqual([
      `Rotate the webhook secret — ${TITLE}`,
      `Load test checkout — ${TITLE}`,
    ]);
    await choice.selectOption({ label: `Load test checkout — ${TITLE}` });
    await form.getByRole('button', { name: 'Link this page' }).click();
    await popup.page.getByRole('status').filter({ hasText: 'Linked this issue to “Load test checkout”.' }).waitFor();
    await popup.page.close();
    await new FollowUpRow(panel.page, 'Load test checkout').issueLink('GitHub acme/web#43').waitFor();
  });

  it('the context menu links the page to a follow-up, refusing a page that is not an issue', async () => {
    const { incidentId, followUps } = await followUpIds(panel.page);
    const click = (info: Record<string, unknown>) =>
      session.worker.evaluate(async (i) => {
        const test = (globalThis as unknown as { __incidentTest: { onMenuClick(i: unknown, t: unknown): Promise<string> } }).__incidentTest;
        return test.onMenuClick(i, undefined).catch((e: Error) => `refused: ${e.message}`);
      }, info);
    const id = `linkFollowUp:${incidentId}/${followUps['Rotate the webhook secret']}`;
    const before = await storedEventCount(panel.page);
    expect(await click({ menuItemId: id, pageUrl: 'https://github.com/acme/web/pulls' })).toBe(`refused: ${LINK_SHAPE_MESSAGE}`);
    expect(await storedEventCount(panel.page)).toBe(before);
    expect(await click({ menuItemId: id, pageUrl: 'https://linear.app/acme/issue/ENG-12/rotate-the-webhook-secret' })).toBe(
      'Linked to the follow-up “Rotate the webhook secret”',
    );
    await new FollowUpRow(panel.page, 'Rotate the webhook secret').issueLink('Linear ENG-12').waitFor();
  });

  it('the register CSV lists the follow-ups’ links', async () => {
    await options.bringToFront();
    const csv = await new RecordsPage(options).download('Download incident register (CSV)');
    const [header, row] = csv.bytes.toString('utf8').slice(1).split('\r\n');
    const column = header!.split(',').indexOf('follow-up links');
    expect(column).toBeGreaterThan(0);
    expect(row!.split(',')[column]!.split(' ').sort()).toEqual([
      'https://github.com/acme/web/issues/42',
      'https://github.com/acme/web/issues/43',
      'https://linear.app/acme/issue/ENG-12/rotate-the-webhook-secret',
    ]);
  });

  it('the printable report shows each follow-up’s link', async () => {
    const { incidentId } = await followUpIds(panel.page);
    const report = await session.context.newPage();
    await report.goto(session.url(`report.html#/incident/${incidentId}`));
    const open = report.getByRole('list', { name: 'Open follow-ups' });
    for (const url of ['https://github.com/acme/web/issues/42', 'https://linear.app/acme/issue/ENG-12/rotate-the-webhook-secret']) {
      expect(await open.getByRole('link', { name: url }).getAttribute('href')).toBe(url);
    }
    await report.close();
  });
});
