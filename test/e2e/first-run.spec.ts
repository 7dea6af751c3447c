import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIDI_NAME_MESSAGE } from '../../lib/model/text-direction';
import { launchExtension, openPopupWindow, startTestSite, storedEventCount, type ExtensionSession } from './fixtures';
import { reportFirstRun, storedFirstRun, whenIncidentStored } from './first-run-checks';
import { PopupPage } from './pages/popup.page';
import { SidePanelPage } from './pages/sidepanel.page';

// Issue 12, "First run in one screen": a newcomer's first popup is the declare
// form, with "Your name" above Title; declaring saves both, or neither.
describe('first run in one screen', () => {
  let session: ExtensionSession;
  let site: Awaited<ReturnType<typeof startTestSite>>;
  let popup: PopupPage;
  const name = () => popup.page.getByLabel('Your name');
  const focused = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.id ?? '');

  beforeAll(async () => {
    [site, session] = await Promise.all([startTestSite(), launchExtension()]);
    const tab = await session.context.newPage();
    await tab.goto(`${site.origin}/grafana`);
  });

  afterAll(async () => {
    await session?.close();
    await site?.close();
  });

  it('the first popup is the declare form, focus in "Your name", above the prefilled Title, me as lead', async () => {
    popup = new PopupPage(await openPopupWindow(session));
    await name().waitFor();
    await expect.poll(() => focused(popup.page)).toBe(await name().getAttribute('id'));
    const labels = await popup.page.locator('form label').allTextContents();
    expect(labels.indexOf('Your name')).toBeLessThan(labels.findIndex((l) => l.startsWith('Title')));
    expect(await popup.title().inputValue()).toBe('Checkout errors spiking - Grafana');
    expect(await popup.page.getByRole('button', { name: 'Save name' }).count()).toBe(0);
    await popup.page.keyboard.type('Sam');
    expect(await popup.page.getByLabel('Lead').locator('option:checked').textContent()).toBe('Me (Sam)');
  });

  it.each([
    ['a missing name', '', 'Checkout 500s', 'Enter a name.', 'Your name'],
    ['a name with text-direction controls', 'Sam \u202emaS', 'Checkout 500s', BIDI_NAME_MESSAGE, 'Your name'],
    ['a good name with an empty title', 'Sophie', '   ', 'Give the incident a title.', 'Title'],
    ['a good name with a title on two lines', 'Sophie', 'tab\there', 'The title contains control characters', 'Title'],
  ])('refuses %s with a clear sentence at the field, and stores nothing', async (_, who, title, message, field) => {
    await name().fill(who);
    await popup.declare({ title });
    await expect.poll(async () => (await popup.alert().allTextContents()).join(' ')).toContain(message);
    expect(await popup.page.getByLabel(field, { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await storedFirstRun(popup.page)).toEqual({ profile: null, incidents: [] });
    expect(await storedEventCount(popup.page)).toBe(0);
  });

  it('the side panel, opened first, still asks for the name on its own (it has no declare form)', async () => {
    const panel = await session.context.newPage();
    await panel.goto(session.url('sidepanel.html'));
    await panel.getByRole('button', { name: 'Save name' }).waitFor();
    expect(await panel.getByRole('heading', { name: 'Welcome' }).isVisible()).toBe(true);
    await panel.close();
  });

  it('a fresh profile types name + title, presses Enter, and the incident is stored with that lead (timed)', async () => {
    await popup.page.close();
    const started = Date.now();
    popup = new PopupPage(await openPopupWindow(session));
    await name().waitFor();
    const ready = Date.now();
    await name().fill('Sophie');
    await popup.title().fill('Checkout 500s for EU cards');
    await popup.title().press('Enter'); // Enter declares
    const stored = await whenIncidentStored(popup.page, 'Checkout 500s for EU cards');
    reportFirstRun('Chromium', stored - started, ready - started);

    const state = await storedFirstRun(popup.page);
    expect(state.profile).toMatchObject({ displayName: 'Sophie' });
    expect(state.incidents).toEqual([{ title: 'Checkout 500s for EU cards', leadId: state.profile!.userId, leadName: 'Sophie' }]);
    expect(await popup.currentIncidentTitle()).toBe('Checkout 500s for EU cards');
    await popup.page.getByText('You are leading').waitFor();
  });

  it('then the side panel knows me, and the next popup goes straight to my incident', async () => {
    const panel = new SidePanelPage(await session.context.newPage());
    await panel.page.goto(session.url('sidepanel.html'));
    const row = panel.activeList().getByRole('listitem').filter({ hasText: 'Checkout 500s for EU cards' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Sophie is leading/);
    await popup.page.close();
    popup = new PopupPage(await openPopupWindow(session));
    expect(await popup.currentIncidentTitle()).toBe('Checkout 500s for EU cards');
    expect(await name().count()).toBe(0);
  });
});
