import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectBlueBoxPicked,
  expectRedPageMasked,
  isBlack,
  launchExtension,
  openPopupWindow,
  screenshotPixels,
  startTestSite,
  storedScreenshots,
  type ExtensionSession,
} from './fixtures';
import { PopupPage } from './pages/popup.page';
import { SidePanelPage } from './pages/sidepanel.page';


describe('evidence capture', () => {
  let session: ExtensionSession;
  let site: Awaited<ReturnType<typeof startTestSite>>;
  let tab: Page;
  let sidePanel: SidePanelPage;

  async function tabId(url: string): Promise<number> {
    return session.worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]!.id!, url);
  }

  beforeAll(async () => {
    site = await startTestSite();
    session = await launchExtension();
    tab = await session.context.newPage();
    await tab.goto(`${site.origin}/red`);
    const popup = new PopupPage(await openPopupWindow(session));
    await popup.enterName('Sophie');
    await popup.declare({ title: 'Checkout red alert', severity: 'Major' });
    await popup.currentIncidentTitle();
    await popup.page.close();
    sidePanel = new SidePanelPage(await session.context.newPage());
    await sidePanel.page.goto(session.url('sidepanel.html'));
    await sidePanel.openIncident('Checkout red alert');
    await tab.bringToFront();
  });

  afterAll(async () => {
    await session?.close();
    await site?.close();
  });

  it('the popup Screenshot button puts that page on the timeline of an open side panel, password masked', async () => {
    const popup = new PopupPage(await openPopupWindow(session));
    await popup.page.getByRole('button', { name: 'Screenshot' }).click();
    await popup.page.getByRole('status').filter({ hasText: 'Screenshot added to the timeline.' }).waitFor();

    // Live in the side panel, as a thumbnail with an accessible name.
    await sidePanel.timeline().getByRole('img', { name: 'Screenshot of Red dashboard' }).waitFor();

    const [shot] = await storedScreenshots(sidePanel.page);
    expect(shot).toMatchObject({ source: 'visible', pageTitle: 'Red dashboard', width: 1280, height: 800 });
    expect(shot!.bytes).toBeLessThanOrEqual(100 * 1024);
    expect(shot!.thumbnailChars).toBeLessThanOrEqual(10 * 1024);
    // The page's pixels, not the popup's: red around, and the password field an opaque black box.
    await expectRedPageMasked(sidePanel.page, shot!.eventId);
    // And the mask is gone from the live page again.
    expect(await tab.evaluate(() => document.getElementById('__incident_capture_mask__'))).toBeNull();
    await popup.page.close();
  });

  it('ten rapid clicks give ten images and no error', async () => {
    const before = (await storedScreenshots(sidePanel.page)).length;
    const popup = new PopupPage(await openPopupWindow(session));
    const button = popup.page.getByRole('button', { name: 'Screenshot' });
    for (let i = 0; i < 10; i++) await button.click();
    await popup.page
      .getByRole('status')
      .filter({ hasText: '10 screenshots added to the timeline.' })
      .waitFor({ timeout: 30_000 });
    expect(await popup.page.getByRole('alert').count()).toBe(0);
    expect((await storedScreenshots(sidePanel.page)).length).toBe(before + 10);
    await popup.page.close();
  });

  it('crops an element inside the viewport from a real capture', async () => {
    await tab.goto(`${site.origin}/boxes`);
    const popup = new PopupPage(await openPopupWindow(session));
    const closed = popup.page.waitForEvent('close'); // the popup closes once the picker is running
    await popup.page.getByRole('button', { name: 'Capture an element' }).click();
    await closed;
    await tab.bringToFront();
    await tab.mouse.move(300, 200);
    await tab.mouse.click(300, 200);
    await expectBlueBoxPicked(sidePanel.page);
  });

  it('renders an element taller than the viewport with html2canvas', async () => {
    // The picker decides: #tall extends below the viewport, so it is rendered from the DOM.
    const popup = new PopupPage(await openPopupWindow(session));
    const closed = popup.page.waitForEvent('close'); // the popup closes once the picker is running
    await popup.page.getByRole('button', { name: 'Capture an element' }).click();
    await closed;
    await tab.bringToFront();
    await tab.mouse.move(700, 400);
    await tab.mouse.click(700, 400);
    await expect
      .poll(async () => (await storedScreenshots(sidePanel.page)).at(-1)?.height, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(1900);
    const shot = (await storedScreenshots(sidePanel.page)).at(-1)!;
    expect(shot.source).toBe('element');
    const [top, bottom] = await screenshotPixels(sidePanel.page, shot.eventId, [
      [Math.floor(shot.width / 2), 10],
      [Math.floor(shot.width / 2), shot.height - 10],
    ]);
    for (const [r, g, b] of [top!, bottom!]) expect(g! > 120 && r! < 60 && b! < 60).toBe(true);
  });

  it('Full page renders the whole page, below the fold included', async () => {
    await tab.goto(`${site.origin}/boxes`);
    const popup = new PopupPage(await openPopupWindow(session));
    await popup.page.getByRole('button', { name: 'Full page' }).click();
    await popup.page.getByRole('status').filter({ hasText: 'added to the timeline' }).waitFor({ timeout: 20_000 });
    const shot = (await storedScreenshots(sidePanel.page)).at(-1)!;
    expect(shot.source).toBe('full_page');
    // 2100 CSS px tall; the encoder may scale it down to stay within 100 KB, keeping the shape.
    expect(shot.height / shot.width).toBeGreaterThan(1.5);
    await popup.page.close();
  });

  it('masks what the person listed in the options, too', async () => {
    await session.worker.evaluate(async () => {
      await chrome.storage.local.set({ captureSettings: { maskSelectors: ['#log'] } });
    });
    await tab.goto(`${site.origin}/red`);
    const popup = new PopupPage(await openPopupWindow(session));
    const before = new Set((await storedScreenshots(sidePanel.page)).map((s) => s.eventId));
    await popup.page.getByRole('button', { name: 'Screenshot' }).click();
    await popup.page.getByRole('status').filter({ hasText: 'Screenshot added to the timeline.' }).waitFor();
    // This click's image, picked by id rather than by position, so that a
    // slower capture from an earlier test landing now cannot stand in for it.
    const added = (await storedScreenshots(sidePanel.page)).filter((s) => !before.has(s.eventId));
    expect(added.map((s) => [s.source, s.pageTitle])).toEqual([['visible', 'Red dashboard']]);
    const [logText, field] = await screenshotPixels(sidePanel.page, added[0]!.eventId, [[110, 305], [110, 110]]);
    expect({ logText, black: isBlack(logText!) }).toMatchObject({ black: true });
    expect({ field, black: isBlack(field!) }).toMatchObject({ black: true });
    await session.worker.evaluate(async () => chrome.storage.local.remove('captureSettings'));
    await popup.page.close();
  });

  it('the keyboard command captures into my current incident and flashes the badge', async () => {
    await tab.goto(`${site.origin}/red`);
    const before = (await storedScreenshots(sidePanel.page)).length;
    const id = await tabId(`${site.origin}/red`);
    const result = await session.worker.evaluate(async (tabId) => {
      const t = await chrome.tabs.get(tabId);
      const test = (globalThis as unknown as { __incidentTest: { onCaptureCommand(t: unknown): Promise<{ eventId: string }> } })
        .__incidentTest;
      const r = await test.onCaptureCommand(t);
      return { ...r, badge: await chrome.action.getBadgeText({}) };
    }, id);
    expect(result.badge).toBe('✓');
    expect((await storedScreenshots(sidePanel.page)).length).toBe(before + 1);
    await sidePanel.timeline().getByRole('img', { name: 'Screenshot of Red dashboard' }).last().waitFor();
  });

  it('context menu: selection (kept as a log, with its source) and link land as notes', async () => {
    const id = await tabId(`${site.origin}/red`);
    await tab.evaluate(() => getSelection()!.selectAllChildren(document.getElementById('log')!));
    const click = (info: Record<string, unknown>) =>
      session.worker.evaluate(
        async ({ tabId, info }) => {
          const t = await chrome.tabs.get(tabId);
          const test = (globalThis as unknown as { __incidentTest: { onMenuClick(i: unknown, t: unknown): Promise<string> } })
            .__incidentTest;
          return test.onMenuClick(info, t);
        },
        { tabId: id, info },
      );
    expect(await click({ menuItemId: 'selection', selectionText: 'ERROR db timeout at pool.connect', pageUrl: `${site.origin}/red` })).toMatch(
      /Selection added/,
    );
    await sidePanel.scrollToEnd();
    const pre = sidePanel.timeline().locator('pre').filter({ hasText: 'ERROR db timeout' });
    await pre.waitFor();
    expect(await pre.textContent()).toBe('ERROR db timeout\n  at pool.connect');
    await sidePanel.timeline().getByRole('link', { name: `${site.origin}/red` }).first().waitFor();

    await click({ menuItemId: 'link', linkUrl: 'https://status.example.com/incidents/42', pageUrl: `${site.origin}/red` });
    await sidePanel.scrollToEnd();
    await sidePanel.timeline().getByRole('link', { name: 'https://status.example.com/incidents/42' }).waitFor();
  });

  it('says clearly when the browser will not let us capture a page', async () => {
    await tab.goto('chrome://version');
    const popup = new PopupPage(await openPopupWindow(session));
    await popup.page.getByRole('button', { name: 'Screenshot' }).click();
    const alert = popup.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/does not let extensions capture/);
    await popup.page.close();
    await tab.goto(`${site.origin}/red`);
  });
});
