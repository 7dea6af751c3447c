import type { Page } from 'puppeteer-core';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINK_SHAPE_MESSAGE } from '../../lib/trackers/link-url';
import { REPO_MESSAGE } from '../../lib/trackers/tracker-settings';
import { launchFirefox, openPopupWindow, openSidebarPage, openTab, startTestSite, storedEventCount, type FirefoxSession } from './fixtures';
import { PopupPage } from './pages/popup.page';
import { byRole } from './pages/queries';
import { SidePanelPage } from './pages/sidepanel.page';
import { addFollowUp, clickFollowUpLink, followUpRow, linkIssue, saveTrackers } from './pages/trackers.page';
import { FirefoxOptionsPage, saveDownloadsTo, waitForText } from './team-fixture';

const TITLE = 'Checkout 500s';

/** The open tabs' URLs, as the background sees them. */
const tabUrls = (session: FirefoxSession): Promise<string[]> =>
  session.background(async (bg) => (await bg.browser.tabs.query({})).map((t: { url?: string }) => t.url ?? ''));

// Issue 12, part 4, in Firefox: what test/e2e/trackers.spec.ts does in
// Chromium. There is no internet and no request routing here, so a tracker
// page is a tab whose load fails: Firefox keeps the address it was asked for
// as the tab's URL, which is all "Create issue" and "Link this page" need.
describe('follow-ups into trackers (Firefox)', () => {
  let session: FirefoxSession;
  let site: Awaited<ReturnType<typeof startTestSite>>;
  let panel: SidePanelPage;
  let options: FirefoxOptionsPage;
  let downloads: string;

  beforeAll(async () => {
    site = await startTestSite();
    session = await launchFirefox();
    downloads = await saveDownloadsTo(session);
    panel = new SidePanelPage(await openSidebarPage(session));
    await openTab(session, `${site.origin}/grafana`);
    const popup = new PopupPage(await openPopupWindow(session));
    await popup.enterName('Sophie');
    await popup.page.locator(byRole('textbox', 'Summary (optional)')).fill('Stripe webhooks answer 500 & retry');
    await popup.declare({ title: TITLE, severity: 'Major' });
    await popup.currentIncidentTitle();
    await popup.page.close();
    await panel.openIncident(TITLE);
    await addFollowUp(panel.page, 'Alert on pool exhaustion');
  });

  afterAll(async () => {
    await session?.close();
    await site?.close();
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  it('Options → Trackers: a wrong-shape repository gets a sentence and nothing is stored; owner/repo is saved', async () => {
    expect((await followUpRow(panel.page, 'Alert on pool exhaustion')).links).toEqual([
      ['Create issue: set up a tracker', '/options.html#trackers'],
    ]);
    options = new FirefoxOptionsPage(await session.openExtensionPage('options.html'));
    await options.page.waitForSelector(byRole('button', 'Save trackers'));
    await saveTrackers(options.page, [['GitHub repository', 'acme']]);
    await waitForText(options.page, REPO_MESSAGE);
    expect(await session.background((bg) => bg.browser.storage.local.get('trackerSettings'))).toEqual({});
    await saveTrackers(options.page, [['GitHub repository', 'acme/web']]);
    await waitForText(options.page, 'Trackers saved.');
    expect(await session.background((bg) => bg.browser.storage.local.get('trackerSettings'))).toEqual({
      trackerSettings: { github: { owner: 'acme', repo: 'web' } },
    });
  });

  it('Create GitHub issue opens a new tab on the repository’s new-issue page, title and body prefilled', async () => {
    await waitForText(panel.page, 'Create GitHub issue', { within: 'Follow-ups' });
    await clickFollowUpLink(panel.page, 'Alert on pool exhaustion', 'Create GitHub issue');
    let opened: string | undefined;
    await expect
      .poll(async () => (opened = (await tabUrls(session)).find((u) => u.startsWith('https://github.com/acme/web/issues/new?'))), { timeout: 15_000 })
      .toBeTruthy();
    const url = new URL(opened!);
    expect(url.searchParams.get('title')).toBe('Alert on pool exhaustion');
    const body = url.searchParams.get('body')!;
    expect(body).toMatch(/^Follow-up from incident [0-9a-f]{8}: Checkout 500s\n/);
    expect(body).toContain(`Declared from: ${site.origin}/grafana`);
    expect(body).toContain('Stripe webhooks answer 500 & retry');
  });

  it('Link issue: a wrong-shape URL is refused with the sentence and nothing is stored; an issue URL is stored and shown', async () => {
    const before = await storedEventCount(panel.page);
    await linkIssue(panel.page, 'Alert on pool exhaustion', 'https://github.com/acme/web');
    await waitForText(panel.page, LINK_SHAPE_MESSAGE, { within: 'Follow-ups' });
    expect((await followUpRow(panel.page, 'Alert on pool exhaustion')).alert).toBe(LINK_SHAPE_MESSAGE);
    expect(await storedEventCount(panel.page)).toBe(before);

    await linkIssue(panel.page, 'Alert on pool exhaustion', 'https://github.com/acme/web/issues/42');
    await waitForText(panel.page, 'GitHub acme/web#42', { within: 'Follow-ups' });
    expect((await followUpRow(panel.page, 'Alert on pool exhaustion')).links).toContainEqual([
      'GitHub acme/web#42',
      'https://github.com/acme/web/issues/42',
    ]);
    expect(await storedEventCount(panel.page)).toBe(before + 1);
  });

  it('the popup on a tracker issue links the page to the open follow-up I choose', async () => {
    await addFollowUp(panel.page, 'Load test checkout');
    await addFollowUp(panel.page, 'Rotate the webhook secret');
    await session.background(async (bg) => {
      const [win] = await bg.browser.windows.getAll({ windowTypes: ['normal'] });
      await bg.browser.tabs.create({ windowId: win.id, url: 'https://github.com/acme/web/issues/43', active: true });
      await bg.browser.windows.update(win.id, { focused: true });
      return true;
    });
    await expect.poll(async () => (await tabUrls(session)).includes('https://github.com/acme/web/issues/43'), { timeout: 15_000 }).toBe(true);
    const popup: Page = await openPopupWindow(session);
    await popup.waitForSelector(byRole('combobox', 'Link acme/web#43 to a follow-up'), { timeout: 15_000 });
    // Only unlinked open follow-ups, newest first.
    const options = await popup.evaluate(() => [...document.querySelectorAll('form[aria-label="Link this page to a follow-up"] option')].map((o) => o.textContent));
    expect(options).toEqual([`Rotate the webhook secret — ${TITLE}`, `Load test checkout — ${TITLE}`]);
    await popup.evaluate((label: string) => {
      const select = document.querySelector<HTMLSelectElement>('form[aria-label="Link this page to a follow-up"] select')!;
      select.value = [...select.options].find((o) => o.textContent === label)!.value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }, `Load test checkout — ${TITLE}`);
    await popup.locator(byRole('button', 'Link this page')).click();
    await waitForText(popup, 'Linked this issue to “Load test checkout”.');
    await popup.close();
    await waitForText(panel.page, 'GitHub acme/web#43', { within: 'Follow-ups' });
  });

  it('the context menu links the page to a follow-up, refusing a page that is not an issue', async () => {
    const click = (info: Record<string, unknown>) =>
      session.background(async (bg, i) => bg.__incidentTest.onMenuClick(i, undefined).catch((e: Error) => `refused: ${e.message}`), info);
    const ids = await panel.page.evaluate(
      (title: string) =>
        new Promise<{ incidentId: string; followUpId: string }>((ok, fail) => {
          const open = indexedDB.open('incident-capture');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const r = open.result.transaction('incidents').objectStore('incidents').getAll();
            r.onsuccess = () => {
              open.result.close();
              const incident = (r.result as { id: string; title: string; followUps: { id: string; text: string }[] }[]).find((i) => i.title === title)!;
              ok({ incidentId: incident.id, followUpId: incident.followUps.find((f) => f.text === 'Rotate the webhook secret')!.id });
            };
          };
        }),
      TITLE,
    );
    const id = `linkFollowUp:${ids.incidentId}/${ids.followUpId}`;
    const before = await storedEventCount(panel.page);
    expect(await click({ menuItemId: id, pageUrl: 'https://github.com/acme/web/pulls' })).toBe(`refused: ${LINK_SHAPE_MESSAGE}`);
    expect(await storedEventCount(panel.page)).toBe(before);
    expect(await click({ menuItemId: id, pageUrl: 'https://linear.app/acme/issue/ENG-12/rotate-the-webhook-secret' })).toBe(
      'Linked to the follow-up “Rotate the webhook secret”',
    );
    await waitForText(panel.page, 'Linear ENG-12', { within: 'Follow-ups' });
  });

  it('the register CSV lists the follow-ups’ links', async () => {
    await options.page.bringToFront(); // a page behind others gets no frames, which puppeteer's click waits for
    const csv = await options.download('Download incident register (CSV)', downloads);
    const [header, row] = csv.bytes.toString('utf8').slice(1).split('\r\n');
    const column = header!.split(',').indexOf('follow-up links');
    expect(row!.split(',')[column]!.split(' ').sort()).toEqual([
      'https://github.com/acme/web/issues/42',
      'https://github.com/acme/web/issues/43',
      'https://linear.app/acme/issue/ENG-12/rotate-the-webhook-secret',
    ]);
  });

  it('the printable report shows each follow-up’s link', async () => {
    const incidentId = await panel.page.evaluate(
      (title: string) =>
        new Promise<string>((ok, fail) => {
          const open = indexedDB.open('incident-capture');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const r = open.result.transaction('incidents').objectStore('incidents').getAll();
            r.onsuccess = () => (open.result.close(), ok((r.result as { id: string; title: string }[]).find((i) => i.title === title)!.id));
          };
        }),
      TITLE,
    );
    const report = await session.openExtensionPage(`report.html#/incident/${incidentId}`);
    await waitForText(report, 'https://linear.app/acme/issue/ENG-12/rotate-the-webhook-secret', { within: 'Open follow-ups' });
    const hrefs = await report.evaluate(() => [...document.querySelectorAll('[aria-label="Open follow-ups"] a')].map((a) => a.getAttribute('href')));
    expect(hrefs.sort()).toEqual([
      'https://github.com/acme/web/issues/42',
      'https://github.com/acme/web/issues/43',
      'https://linear.app/acme/issue/ENG-12/rotate-the-webhook-secret',
    ]);
    await report.close();
  });
});
