import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  captureCommand,
  isRed,
  launchFirefox,
  menuClick,
  redAlertDeclared,
  screenshotPixels,
  startTestSite,
  storedScreenshots,
  tabId,
  type FirefoxSession,
} from './fixtures';
import type { SidePanelPage } from './pages/sidepanel.page';

// A headless browser has no context menu or shortcut keys to press, so these
// call the background's own handlers (exposed by the E2E build), as the
// Chromium suite does (test/e2e/capture.spec.ts).
describe('context menus and the capture command in Firefox', () => {
  let session: FirefoxSession;
  let site: Awaited<ReturnType<typeof startTestSite>>;
  let tab: Page;
  let sidePanel: SidePanelPage;
  let redTab: number;

  beforeAll(async () => {
    site = await startTestSite();
    session = await launchFirefox();
    ({ tab, sidePanel } = await redAlertDeclared(session, site.origin));
    redTab = await tabId(session, `${site.origin}/red`);
  });

  afterAll(async () => {
    await session?.close();
    await site?.close();
  });

  it('context menu: Screenshot puts the page on my incident’s timeline', async () => {
    const before = (await storedScreenshots(sidePanel.page)).length;
    expect(await menuClick(session, redTab, { menuItemId: 'screenshot', pageUrl: `${site.origin}/red` })).toBe(
      'Screenshot added to the incident timeline',
    );
    const shots = await storedScreenshots(sidePanel.page);
    expect(shots.length).toBe(before + 1);
    const shot = shots.at(-1)!;
    expect(shot).toMatchObject({ source: 'visible', pageTitle: 'Red dashboard', width: 1280, height: 800 });
    const [corner] = await screenshotPixels(sidePanel.page, shot.eventId, [[20, 20]]);
    expect(isRed(corner!)).toBe(true);
    await sidePanel.waitForTimelineImages('Screenshot of Red dashboard');
  });

  it('context menu: selection (kept as a log, with its source) and link land as notes', async () => {
    await tab.evaluate(() => getSelection()!.selectAllChildren(document.getElementById('log')!));
    expect(
      await menuClick(session, redTab, {
        menuItemId: 'selection',
        selectionText: 'ERROR db timeout at pool.connect',
        pageUrl: `${site.origin}/red`,
      }),
    ).toBe('Selection added to the incident timeline');
    await sidePanel.scrollToEnd();
    // The selection read from the page keeps its line break (the menu's selectionText collapses it).
    expect(await sidePanel.waitForTimelineLog('ERROR db timeout')).toBe('ERROR db timeout\n  at pool.connect');
    await sidePanel.waitForTimelineLink(`${site.origin}/red`);

    expect(
      await menuClick(session, redTab, {
        menuItemId: 'link',
        linkUrl: 'https://status.example.com/incidents/42',
        pageUrl: `${site.origin}/red`,
      }),
    ).toBe('Link added to the incident timeline');
    await sidePanel.scrollToEnd();
    await sidePanel.waitForTimelineLink('https://status.example.com/incidents/42');
  });

  it('the keyboard command captures into my current incident and flashes the badge', async () => {
    const before = (await storedScreenshots(sidePanel.page)).length;
    const result = await captureCommand(session, redTab);
    expect(result.badge).toBe('✓');
    const shots = await storedScreenshots(sidePanel.page);
    expect(shots.length).toBe(before + 1);
    expect(shots.at(-1)).toMatchObject({ eventId: result.eventId, source: 'visible', width: 1280, height: 800 });
    await sidePanel.waitForTimelineImages('Screenshot of Red dashboard', 2);
  });
});
