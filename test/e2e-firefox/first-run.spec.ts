import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIDI_NAME_MESSAGE } from '../../lib/model/text-direction';
import { reportFirstRun, storedFirstRun, whenIncidentStored } from '../e2e/first-run-checks';
import { launchFirefox, openPopupWindow, openSidebarPage, openTab, startTestSite, storedEventCount, type FirefoxSession } from './fixtures';
import { PopupPage } from './pages/popup.page';
import { byRole, roleWithText, waitForText } from './pages/queries';
import { SidePanelPage } from './pages/sidepanel.page';

/** Sets a field as a paste would (the value setter and one input event): BiDi types U+202E unreliably, and '' must clear. */
async function setField(page: Page, label: string, value: string) {
  await page.$eval(
    byRole('textbox', label),
    (el, v) => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, v);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    value,
  );
}
const invalid = (page: Page, label: string) => page.$eval(byRole('textbox', label), (el) => el.getAttribute('aria-invalid'));
const focusedLabel = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? '');

// The Firefox twin of test/e2e/first-run.spec.ts (issue 12, "First run in one screen").
describe('first run in one screen in Firefox', () => {
  let session: FirefoxSession;
  let site: Awaited<ReturnType<typeof startTestSite>>;
  let popup: PopupPage;

  beforeAll(async () => {
    site = await startTestSite();
    session = await launchFirefox();
    await openTab(session, `${site.origin}/grafana`);
  });

  afterAll(async () => {
    await session?.close();
    await site?.close();
  });

  it('the first popup is the declare form, focus in "Your name", above the prefilled Title', async () => {
    popup = new PopupPage(await openPopupWindow(session));
    await popup.page.waitForSelector(byRole('textbox', 'Your name'));
    await expect.poll(() => focusedLabel(popup.page)).toBe('Your name');
    const labels = await popup.page.$$eval('form label', (all) => all.map((l) => l.textContent ?? ''));
    expect(labels.indexOf('Your name')).toBeLessThan(labels.findIndex((l) => l.startsWith('Title')));
    expect(await popup.titleValue()).toBe('Checkout errors spiking - Grafana');
    expect(await popup.page.$(byRole('button', 'Save name'))).toBeNull();
  });

  it.each([
    ['a missing name', '', 'Checkout 500s', 'Enter a name.', 'Your name'],
    ['a name with text-direction controls', 'Sam \u202emaS', 'Checkout 500s', BIDI_NAME_MESSAGE, 'Your name'],
    ['a good name with an empty title', 'Sophie', '   ', 'Give the incident a title.', 'Title'],
  ])('refuses %s with a clear sentence at the field, and stores nothing', async (_, who, title, message, field) => {
    await setField(popup.page, 'Your name', who);
    await setField(popup.page, 'Title', title);
    await popup.button('Declare incident').click();
    await roleWithText(popup.page, 'alert', message);
    expect(await invalid(popup.page, field)).toBe('true');
    expect(await storedFirstRun(popup.page)).toEqual({ profile: null, incidents: [] });
    expect(await storedEventCount(popup.page)).toBe(0);
  });

  it('a fresh profile types name + title, presses Enter, and the incident is stored with that lead (timed)', async () => {
    await popup.close();
    const started = Date.now();
    popup = new PopupPage(await openPopupWindow(session));
    await popup.page.waitForSelector(byRole('textbox', 'Your name'));
    const ready = Date.now();
    await popup.enterName('Sophie');
    await setField(popup.page, 'Title', 'Checkout 500s for EU cards');
    await popup.title().click();
    await popup.page.keyboard.press('Enter'); // Enter declares
    const stored = await whenIncidentStored(popup.page, 'Checkout 500s for EU cards');
    reportFirstRun('Firefox', stored - started, ready - started);

    const state = await storedFirstRun(popup.page);
    expect(state.profile).toMatchObject({ displayName: 'Sophie' });
    expect(state.incidents).toEqual([{ title: 'Checkout 500s for EU cards', leadId: state.profile!.userId, leadName: 'Sophie' }]);
    expect(await popup.currentIncidentTitle()).toBe('Checkout 500s for EU cards');
    await waitForText(popup.page, 'body', 'You are leading');
    await popup.close();
  });

  it('then the sidebar knows me, without asking for a name', async () => {
    const sidePanel = new SidePanelPage(await openSidebarPage(session));
    expect(await sidePanel.activeRow('Checkout 500s for EU cards')).toMatch(/Sophie is leading/);
    expect(await sidePanel.page.$(byRole('button', 'Save name'))).toBeNull();
  });
});
