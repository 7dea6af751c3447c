import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badge,
  expectOneIncidentRegister,
  expectRedPageMasked,
  launchFirefox,
  openPopupWindow,
  openSidebarPage,
  openTab,
  startTestSite,
  storedEventCount,
  storedScreenshots,
  type FirefoxSession,
} from './fixtures';
import { PopupPage } from './pages/popup.page';
import { byRole, roleWithText } from './pages/queries';
import { SidePanelPage } from './pages/sidepanel.page';
import { FirefoxOptionsPage, saveDownloadsTo } from './team-fixture';

const TITLE = 'Red dashboard';
const NOTE = 'Rolled back deploy 412';

// Issue 10: Options → Records and export in Firefox, as test/e2e/export.spec.ts
// does in Chromium. Firefox saves the <a download> of a blob: URL through its
// download manager; BiDi's browser.setDownloadBehavior puts it in a folder the
// test reads. The file then goes into a fresh profile, screenshot and all, and
// that incident is copied out as Markdown.
describe('export and import in Firefox', () => {
  let site: Awaited<ReturnType<typeof startTestSite>>;
  let first: FirefoxSession;
  let second: FirefoxSession;
  let downloads: string;
  let options: FirefoxOptionsPage;
  let exported: Buffer;
  let sidebar: SidePanelPage;
  let theirs: FirefoxOptionsPage;

  beforeAll(async () => {
    // The fresh profile starts now too: a launch is the slow part on a busy machine.
    const [started, one, two] = await Promise.allSettled([startTestSite(), launchFirefox(), launchFirefox()]);
    if (started.status === 'fulfilled') site = started.value;
    if (one.status === 'fulfilled') first = one.value;
    if (two.status === 'fulfilled') second = two.value;
    for (const r of [started, one, two]) if (r.status === 'rejected') throw r.reason;
    downloads = await saveDownloadsTo(first);
  });

  afterAll(async () => {
    await second?.close();
    await first?.close();
    await site?.close();
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  it('downloads the incident register as CSV with the declared incident in it', async () => {
    await openTab(first, `${site.origin}/red`);
    const popup = new PopupPage(await openPopupWindow(first));
    await popup.enterName('Sophie');
    await popup.declare({ severity: 'Major' });
    expect(await popup.currentIncidentTitle()).toBe(TITLE);
    await popup.addNote(NOTE);
    await popup.button('Screenshot').click();
    await popup.status('Screenshot added to the timeline.');
    await popup.close();

    options = new FirefoxOptionsPage(await first.openExtensionPage('options.html'));
    const csv = await options.download('Download incident register (CSV)', downloads);
    expectOneIncidentRegister(csv, TITLE);
  });

  it('downloads the full export as JSON, with the screenshot in it', async () => {
    await options.page.locator('::-p-text(Include screenshots)').click();
    const json = await options.download('Download full export (JSON)', downloads);
    expect(json.name).toMatch(/^incident-export-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(json.bytes.toString('utf8')) as {
      format: string;
      version: number;
      events: { kind: string }[];
      screenshots: { status: string; mimeType: string; data?: string }[];
    };
    expect(file).toMatchObject({ format: 'incident-capture-export', version: 1 });
    expect(file.events.map((e) => e.kind)).toEqual(['declared', 'note', 'screenshot']);
    expect(file.screenshots).toEqual([expect.objectContaining({ status: 'verified', data: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/) })]);
    exported = json.bytes;
  });

  it('imports that file into a fresh profile, where the incident and its screenshot come back', async () => {
    theirs = new FirefoxOptionsPage(await second.openExtensionPage('options.html'));
    await theirs.saveName('Lawrence');

    await theirs.importFile('incident-export.json', exported);
    await roleWithText(theirs.page, 'status', 'Imported 3 events and 1 image.');
    await expect.poll(async () => (await badge(second)).text).toBe('1');

    sidebar = new SidePanelPage(await openSidebarPage(second));
    await sidebar.waitForActive(TITLE);
    await sidebar.openIncident(TITLE);
    await sidebar.waitForTimelineText(NOTE);
    await sidebar.waitForTimelineImages(`Screenshot of ${TITLE}`);
    const [shot] = await storedScreenshots(sidebar.page);
    await expectRedPageMasked(sidebar.page, shot!.eventId); // still masked

    // Importing it again adds nothing.
    await theirs.importFile('incident-export.json', exported);
    await roleWithText(theirs.page, 'status', 'Nothing new: all 3 events in this file are already here.');
  });

  it('copies the imported incident as Markdown from the sidebar', async () => {
    await sidebar.page.locator(byRole('button', 'Copy as Markdown')).click();
    await roleWithText(sidebar.page, 'status', 'Copied for Slack, Notion or Docs.');
    // Read back in the page (WebDriver BiDi evaluates with user activation, which Firefox asks of readText).
    const markdown = await sidebar.page.evaluate(() => navigator.clipboard.readText());
    const [heading, summary] = markdown.split('\n\n');
    expect(heading).toMatch(/^# [0-9a-f]{8} · Red dashboard$/);
    expect(summary).toMatch(/^\*\*Major\*\* · Active · Lead: Sophie · /);
    expect(markdown).toContain(`· Sophie: ${NOTE}\n`);
  });

  it('refuses a corrupt file, says why, and changes nothing', async () => {
    // The same Options page: its last sentence ("Nothing new…") must give way to the refusal alone.
    const before = await storedEventCount(theirs.page);
    await theirs.importFile('incident-export.json', exported.subarray(0, exported.length / 2));
    await roleWithText(theirs.page, 'alert', 'This file is not valid JSON (it may be cut short or damaged), so nothing was imported.');
    expect(await theirs.records((section) => section.querySelectorAll('[role="status"]').length)).toBe(0);
    expect(await storedEventCount(theirs.page)).toBe(before);
  });
});
