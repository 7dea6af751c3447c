import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badge, expectOneIncidentRegister, launchExtension, openPopupWindow, startTestSite, type ExtensionSession } from './fixtures';
import { OptionsPage } from './pages/options.page';
import { PopupPage } from './pages/popup.page';
import { RecordsPage } from './pages/records.page';
import { SidePanelPage } from './pages/sidepanel.page';

const TITLE = 'Checkout errors spiking - Grafana';

describe('export and import', () => {
  let site: Awaited<ReturnType<typeof startTestSite>>;
  let first: ExtensionSession;
  let second: ExtensionSession | undefined;
  let records: RecordsPage;
  let exported: Buffer;

  beforeAll(async () => {
    site = await startTestSite();
    first = await launchExtension();
    const tab: Page = await first.context.newPage();
    await tab.goto(`${site.origin}/grafana`);
  });

  afterAll(async () => {
    await second?.close();
    await first?.close();
    await site?.close();
  });

  it('downloads the incident register as CSV with the declared incident in it', async () => {
    const popup = new PopupPage(await openPopupWindow(first));
    await popup.enterName('Sophie');
    await popup.declare({ severity: 'Major' });
    expect(await popup.currentIncidentTitle()).toBe(TITLE);
    await popup.addNote('Rolled back deploy 412');
    await popup.page.close();

    const page = await first.context.newPage();
    await page.goto(first.url('options.html'));
    records = new RecordsPage(page);
    const csv = await records.download('Download incident register (CSV)');
    expectOneIncidentRegister(csv, TITLE);
  });

  it('downloads the full export as JSON', async () => {
    await records.section().getByLabel('Include screenshots').check();
    const json = await records.download('Download full export (JSON)');
    expect(json.name).toMatch(/^incident-export-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(json.bytes.toString('utf8')) as { format: string; version: number; events: { kind: string }[] };
    expect(file).toMatchObject({ format: 'incident-capture-export', version: 1 });
    expect(file.events.map((e) => e.kind)).toEqual(['declared', 'note']);
    exported = json.bytes;
  });

  it('imports that file into another browser, where the incident appears in the side panel', async () => {
    second = await launchExtension();
    const options = new OptionsPage(await second.context.newPage());
    await options.page.goto(second.url('options.html'));
    await options.saveName('Lawrence');
    await options.page.getByRole('heading', { name: 'Your profile' }).waitFor();

    const otherRecords = new RecordsPage(options.page);
    await otherRecords.importFile('incident-export.json', exported);
    await otherRecords.status().filter({ hasText: 'Imported 2 events.' }).waitFor();
    await expect.poll(async () => (await badge(second!)).text).toBe('1');

    const sidePanel = new SidePanelPage(await second.context.newPage());
    await sidePanel.page.goto(second.url('sidepanel.html'));
    await sidePanel.activeList().getByRole('button', { name: TITLE }).waitFor();
    await sidePanel.openIncident(TITLE);
    await sidePanel.timeline().getByText('Rolled back deploy 412').waitFor();

    // Importing it again adds nothing.
    await otherRecords.importFile('incident-export.json', exported);
    await otherRecords.status().filter({ hasText: 'Nothing new: all 2 events in this file are already here.' }).waitFor();
  });

  it('refuses a corrupt file and says why', async () => {
    const otherRecords = new RecordsPage(await second!.context.newPage());
    await otherRecords.page.goto(second!.url('options.html'));
    await otherRecords.importFile('incident-export.json', exported.subarray(0, exported.length / 2));
    await otherRecords
      .alert()
      .filter({ hasText: 'This file is not valid JSON (it may be cut short or damaged), so nothing was imported.' })
      .waitFor();
    expect(await otherRecords.status().count()).toBe(0);
  });
});
