import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badge, launchExtension, openPopupWindow, startTestSite, type ExtensionSession } from './fixtures';
import { PopupPage } from './pages/popup.page';
import { SidePanelPage } from './pages/sidepanel.page';

const MAJOR_RED = [217, 45, 32, 255];

describe('declaring and running an incident', () => {
  let session: ExtensionSession;
  let site: Awaited<ReturnType<typeof startTestSite>>;
  let sidePanel: SidePanelPage;
  let tab: Page;

  beforeAll(async () => {
    site = await startTestSite();
    session = await launchExtension();
    tab = await session.context.newPage();
    await tab.goto(`${site.origin}/grafana`);
  });

  afterAll(async () => {
    await session?.close();
    await site?.close();
  });

  it('asks for a name on first run, then declares from the page being looked at', async () => {
    const popup = new PopupPage(await openPopupWindow(session));
    await popup.enterName('Sophie');
    expect(await popup.title().inputValue()).toBe('Checkout errors spiking - Grafana');
    expect(await popup.page.getByRole('radio', { name: 'Minor' }).isChecked()).toBe(true);
    expect(await popup.page.getByLabel('Lead').inputValue()).not.toBe('');
    expect(await popup.page.getByLabel('Lead').locator('option:checked').textContent()).toBe('Me (Sophie)');

    await popup.page.getByRole('radio', { name: 'Major' }).check();
    await popup.title().press('Enter'); // Enter declares
    expect(await popup.currentIncidentTitle()).toBe('Checkout errors spiking - Grafana');
    await popup.page.getByText('You are leading').waitFor();
    await expect.poll(() => badge(session)).toEqual({ text: '1', color: MAJOR_RED });
    await popup.page.close();
  });

  it('finds the incident stored in the side panel after a reload', async () => {
    sidePanel = new SidePanelPage(await session.context.newPage());
    await sidePanel.page.goto(session.url('sidepanel.html'));
    await sidePanel.page.reload();
    const row = sidePanel.activeList().getByRole('listitem').filter({ hasText: 'Checkout errors spiking - Grafana' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Major.*Active.*Sophie is leading.*declared just now/);
  });

  it('updates the open side panel live when the popup declares and writes notes', async () => {
    await tab.bringToFront();
    await tab.goto(`${site.origin}/sentry`);
    const popup = new PopupPage(await openPopupWindow(session));
    // I already lead an active incident: the popup shows it, with a way to declare another.
    expect(await popup.currentIncidentTitle()).toBe('Checkout errors spiking - Grafana');
    await popup.page.getByRole('button', { name: 'Declare another incident' }).click();
    expect(await popup.title().inputValue()).toBe('TypeError: cannot read properties of undefined - Sentry');
    await popup.declare({ title: 'Login failing for SSO customers' });
    expect(await popup.currentIncidentTitle()).toBe('Login failing for SSO customers');

    // No reload: the list picked it up.
    await sidePanel.activeList().getByRole('button', { name: 'Login failing for SSO customers' }).waitFor();
    await sidePanel.openIncident('Login failing for SSO customers');

    await popup.addNote('Okta returns 502 on /callback');
    await sidePanel.timeline().getByText('Okta returns 502 on /callback').waitFor();
    await expect.poll(() => badge(session)).toEqual({ text: '2', color: MAJOR_RED });

    await popup.resolve('No action needed');
    await sidePanel.timeline().getByText('Resolved: No action needed.').waitFor();
    await sidePanel.page.getByText('Led by Sophie · Resolved: No action needed').waitFor();
    await expect.poll(() => badge(session)).toEqual({ text: '1', color: MAJOR_RED });
    await popup.page.close();
  });

  it('changes severity, lead and title from the side panel, each landing on the timeline', async () => {
    await sidePanel.back();
    await sidePanel.openIncident('Checkout errors spiking - Grafana');
    const page = sidePanel.page;
    await page.getByText('Change title, severity, lead or status').click();

    await page.getByLabel('Severity').selectOption('minor');
    await sidePanel.timeline().getByText('Changed the severity to Minor.').waitFor();
    await expect.poll(() => badge(session)).toEqual({ text: '1', color: [71, 84, 103, 255] });

    await page.getByLabel('Lead', { exact: true }).selectOption({ label: 'Someone else…' });
    await page.getByLabel("Lead's name").fill('Lawrence');
    await page.getByRole('button', { name: 'Hand over' }).click();
    await sidePanel.timeline().getByText('Handed the lead to Lawrence.').waitFor();
    await page.getByText('Lawrence is leading').waitFor();

    await page.getByLabel('Title', { exact: true }).fill('Checkout 500s after deploy 412');
    await page.getByRole('button', { name: 'Save title' }).click();
    await page.getByRole('heading', { level: 1, name: 'Checkout 500s after deploy 412' }).waitFor();
    await sidePanel.timeline().getByText('Renamed the incident to “Checkout 500s after deploy 412”.').waitFor();

    // Every entry is dated: an absolute date and a relative age.
    const stamps = await sidePanel.timeline().locator('time').allTextContents();
    expect(stamps.length).toBeGreaterThanOrEqual(4);
    for (const s of stamps) expect(s).toMatch(/\d{4}.*\d{1,2}:\d{2}.* · just now$/);
  });

  it('keeps a pasted log monospace and ticks off follow-ups', async () => {
    const page = sidePanel.page;
    const composer = page.getByLabel('Add to the timeline');
    await composer.focus();
    const log = 'Error: connect ECONNREFUSED 10.0.0.5:5432\n    at TCPConnectWrap.afterConnect [as oncomplete]';
    await page.evaluate((text) => {
      const el = document.activeElement as HTMLTextAreaElement;
      const data = new DataTransfer();
      data.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, log);
    expect(await page.getByLabel('Log or code (monospace)').isChecked()).toBe(true);
    await composer.fill(log);
    await composer.press('Control+Enter');
    const pre = sidePanel.timeline().locator('pre');
    await pre.waitFor();
    expect(await pre.textContent()).toBe(log);

    await page.getByLabel('New follow-up').fill('Alert on connection pool exhaustion');
    await page.getByRole('button', { name: 'Add follow-up' }).click();
    const item = page.getByRole('checkbox', { name: 'Alert on connection pool exhaustion' });
    await item.check();
    await sidePanel.timeline().getByText('Completed the follow-up: Alert on connection pool exhaustion').waitFor();
    await page.getByText('Follow-ups (0 open of 1)').waitFor();
  });

  it('resolves from the side panel and lists the incident under resolved', async () => {
    const page = sidePanel.page;
    await page.getByRole('radio', { name: 'Fixed' }).check();
    await page.getByRole('button', { name: 'Resolve incident' }).click();
    await page.getByRole('button', { name: 'Reopen incident' }).waitFor();
    await sidePanel.back();
    await sidePanel.page.getByText('Nothing active. All quiet.').waitFor();
    await sidePanel.show('Resolved');
    await sidePanel.resolvedList().getByRole('button', { name: 'Checkout 500s after deploy 412' }).waitFor();
    await expect.poll(() => badge(session)).toEqual({ text: '', color: [71, 84, 103, 255] });
  });
});
