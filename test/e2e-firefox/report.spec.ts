import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The same checks as the Chromium spec (test/e2e/report.spec.ts).
import * as checks from '../e2e/report-checks';
import { launchFirefox, openPopupWindow, openSidebarPage, openTab, startTestSite, type FirefoxSession } from './fixtures';
import { PopupPage } from './pages/popup.page';
import { byRole } from './pages/queries';
import { SidePanelPage } from './pages/sidepanel.page';

/**
 * The address of the tab the Printable report button opened, from the
 * extension's own tabs API. Puppeteer does not follow that tab: over BiDi it
 * stays at its first about:blank document once window.open navigates it to
 * moz-extension:// (probed on ESR 153: "no such frame" for its later
 * contexts), as `page.goto` into moz-extension:// never settles
 * (test/support/firefox.mjs). So the spec reads the report in a tab of its own
 * at the same address.
 */
async function reportTabUrl(session: FirefoxSession): Promise<string> {
  const prefix = session.url('report.html#/incident/');
  const deadline = Date.now() + 15_000;
  for (;;) {
    const urls: (string | undefined)[] = await session.background(async (bg) =>
      (await bg.browser.tabs.query({})).map((t: { url?: string }) => t.url),
    );
    const url = urls.find((u) => u?.startsWith(prefix));
    if (url) return url;
    if (Date.now() > deadline) throw new Error(`No report tab opened: tabs ${JSON.stringify(urls)}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

describe('printable report in Firefox', () => {
  let session: FirefoxSession;
  let site: Awaited<ReturnType<typeof startTestSite>>;
  let report: Page;

  async function screenshot(popup: PopupPage) {
    await popup.button('Screenshot').click();
    await popup.captured('Screenshot added to the timeline.');
  }

  beforeAll(async () => {
    [site, session] = await Promise.all([startTestSite(), launchFirefox()]);
  });

  afterAll(async () => {
    await session?.close();
    await site?.close();
  });

  it('opens from the sidebar with the title as text, the note, the kept image and not the removed one', async () => {
    const sidePanel = new SidePanelPage(await openSidebarPage(session));
    const tab = await openTab(session, `${site.origin}/red`);
    let popup = new PopupPage(await openPopupWindow(session));
    await popup.enterName('Sophie');
    await popup.declare({ title: checks.MARKUP_TITLE, severity: 'Major' });
    await popup.currentIncidentTitle();
    await screenshot(popup);
    await popup.close();
    await tab.goto(`${site.origin}/boxes`);
    await tab.bringToFront();
    popup = new PopupPage(await openPopupWindow(session));
    await screenshot(popup);
    await popup.addNote(checks.NOTE);
    await popup.close();

    await sidePanel.openIncident(checks.MARKUP_TITLE);
    await sidePanel.waitForTimelineImages('Screenshot of Red dashboard');
    await sidePanel.page.locator(byRole('button', 'Open screenshot of red dashboard')).click();
    await sidePanel.page.locator(byRole('button', 'Remove screenshot')).click();
    await sidePanel.page.locator(byRole('button', 'Remove for everyone')).click();
    await sidePanel.waitForTimelineText('Removed a screenshot.');

    await sidePanel.page.locator(byRole('button', 'Printable report')).click();
    const url = await reportTabUrl(session);
    expect(url).toMatch(/#\/incident\/[0-9a-f-]{36}$/);
    report = await session.openExtensionPage(url.slice(session.url('').length));
    checks.expectReportContent(await checks.readyReport(report));
  });

  it('prints to a PDF over WebDriver BiDi (browsingContext.print) whose text holds the title literally and the note', async () => {
    await checks.readyReport(report);
    const pdf = await report.pdf({ format: 'A4' });
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    checks.expectPdfContent(checks.pdfText(pdf));
  });

  it('shows a text placeholder for an image that does not decode or is not on this device, and is still ready', async () => {
    // A fresh tab, not reload(): BiDi's reload of a moz-extension:// page never settles (as its goto).
    const path = (await report.evaluate(() => location.href)).slice(session.url('').length);
    const reopen = async () => {
      await report.close();
      report = await session.openExtensionPage(path);
      return checks.readyReport(report);
    };
    await checks.setImageBytes(report, 'Boxes', checks.BROKEN_IMAGE);
    let snap = await reopen();
    expect(snap.notes).toEqual(['The image could not be shown']);
    expect(snap.text).toContain(checks.NOTE);
    await checks.setImageBytes(report, 'Boxes', null);
    snap = await reopen();
    expect(snap.notes).toEqual(['Image not on this device']);
  });

  it('says why there is no report for a missing, malformed or unknown incident', async () => {
    await checks.expectBadRoutesExplained((path) => session.openExtensionPage(path));
  });
});
