import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badge, launchFirefox, openPopupWindow, openSidebarPage, openTab, startTestSite, type FirefoxSession } from './fixtures';
import { PopupPage } from './pages/popup.page';
import { byRole, isChecked, waitForText } from './pages/queries';
import { SidePanelPage } from './pages/sidepanel.page';

const MAJOR_RED = [217, 45, 32, 255];

describe('declaring and running an incident in Firefox', () => {
  let session: FirefoxSession;
  let site: Awaited<ReturnType<typeof startTestSite>>;
  let sidePanel: SidePanelPage;
  let tab: Page;

  beforeAll(async () => {
    site = await startTestSite();
    session = await launchFirefox();
    tab = await openTab(session, `${site.origin}/grafana`);
  });

  afterAll(async () => {
    await session?.close();
    await site?.close();
  });

  it('asks for a name on first run, then declares with the keyboard from the page being looked at', async () => {
    const popup = new PopupPage(await openPopupWindow(session));
    await popup.enterName('Sophie');
    // The popup has its own window: "the page" is still the tab behind it, not the popup itself.
    expect(await popup.titleValue()).toBe('Checkout errors spiking - Grafana');
    expect(await isChecked(popup.page, byRole('radio', 'Minor'))).toBe(true);

    await popup.page.locator(byRole('radio', 'Major')).click();
    await popup.title().click();
    await popup.page.keyboard.press('Enter'); // Enter declares
    expect(await popup.currentIncidentTitle()).toBe('Checkout errors spiking - Grafana');
    await waitForText(popup.page, 'body', 'You are leading');
    await expect.poll(() => badge(session)).toEqual({ text: '1', color: MAJOR_RED });
    await popup.close();
  });

  it('finds the incident stored in the sidebar', async () => {
    sidePanel = new SidePanelPage(await openSidebarPage(session));
    expect(await sidePanel.activeRow('Checkout errors spiking - Grafana')).toMatch(/Major.*Active.*Sophie is leading.*declared just now/);
  });

  it('updates the open sidebar live when the popup declares and writes notes', async () => {
    await tab.goto(`${site.origin}/sentry`);
    await tab.bringToFront();
    const popup = new PopupPage(await openPopupWindow(session));
    // I already lead an active incident: the popup shows it, with a way to declare another.
    expect(await popup.currentIncidentTitle()).toBe('Checkout errors spiking - Grafana');
    await popup.button('Declare another incident').click();
    expect(await popup.titleValue()).toBe('TypeError: cannot read properties of undefined - Sentry');
    await popup.declare({ title: 'Login failing for SSO customers' });
    expect(await popup.currentIncidentTitle()).toBe('Login failing for SSO customers');

    // No reload: the list picked it up.
    await sidePanel.waitForActive('Login failing for SSO customers');
    await sidePanel.openIncident('Login failing for SSO customers');

    await popup.addNote('Okta returns 502 on /callback');
    await sidePanel.waitForTimelineText('Okta returns 502 on /callback');
    await expect.poll(() => badge(session)).toEqual({ text: '2', color: MAJOR_RED });

    await popup.resolve('No action needed');
    await sidePanel.waitForTimelineText('Resolved: No action needed.');
    await waitForText(sidePanel.page, 'body', 'Led by Sophie · Resolved: No action needed');
    await expect.poll(() => badge(session)).toEqual({ text: '1', color: MAJOR_RED });
    await popup.close();
  });
});
