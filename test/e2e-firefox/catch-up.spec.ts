import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUMMARY_MAX } from '../../lib/model/limits';
import { launchFirefox, openPopupWindow, openSidebarPage, storedEventCount, type FirefoxSession } from './fixtures';
import { PopupPage } from './pages/popup.page';
import { byRole, inputValue, roleWithText, setValue, waitForText } from './pages/queries';
import { SidePanelPage } from './pages/sidepanel.page';

// Issue 11, items 3-5 in Firefox (the side panel is the sidebar): catching up,
// following the newest entry, editing the summary. The Chromium twin is
// test/e2e/catch-up.spec.ts.
describe('Firefox: catching up, following the newest entry, editing the summary', () => {
  let session: FirefoxSession;
  let panel: SidePanelPage;

  beforeAll(async () => {
    session = await launchFirefox();
    const popup = new PopupPage(await openPopupWindow(session));
    await popup.saveName('Sophie');
    await popup.declare({ title: 'Checkout down', severity: 'Major' });
    await popup.currentIncidentTitle();
    await popup.close();
    panel = new SidePanelPage(await openSidebarPage(session));
  });

  afterAll(async () => {
    await session?.close();
  });

  it('edits the summary: Save logs it, the header shows it, Esc cancels, bad input changes nothing', async () => {
    await panel.openIncident('Checkout down');
    const page = panel.page;
    const box = byRole('textbox', 'Summary');
    await waitForText(page, 'header .summary p', 'No summary yet.', { exact: true });

    await page.locator(byRole('button', 'Add a summary')).click();
    await setValue(page, box, 'EU card payments fail since 08:40');
    await waitForText(page, 'header form p', `33 / ${SUMMARY_MAX.toLocaleString('en')} characters`);
    await page.locator(box).click();
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
    await waitForText(page, 'header .summary p', 'EU card payments fail since 08:40', { exact: true });
    await panel.scrollToEnd();
    await panel.waitForTimelineText('Updated the summary:');

    // Esc leaves it as it was.
    await page.locator(byRole('button', 'Edit summary')).click();
    await setValue(page, box, 'Not this');
    await page.locator(box).click();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('header textarea'), { polling: 100 });
    await waitForText(page, 'header .summary p', 'EU card payments fail since 08:40', { exact: true });

    // Oversized, then a control character: the schema's message, the draft kept, nothing stored.
    const before = await storedEventCount(page);
    await page.locator(byRole('button', 'Edit summary')).click();
    await setValue(page, box, 'x'.repeat(SUMMARY_MAX + 1));
    await page.locator(byRole('button', 'Save summary')).click();
    await roleWithText(page, 'alert', `Keep the summary to ${SUMMARY_MAX} characters or fewer.`);
    expect(await inputValue(page, box)).toHaveLength(SUMMARY_MAX + 1);
    await setValue(page, box, 'Bell \u0007 here');
    await page.locator(byRole('button', 'Save summary')).click();
    await roleWithText(page, 'alert', 'The summary contains control characters.');
    expect(await storedEventCount(page)).toBe(before);

    // Empty clears it.
    await setValue(page, box, '');
    await page.locator(byRole('button', 'Save summary')).click();
    await waitForText(page, 'header .summary p', 'No summary yet.');
    await panel.scrollToEnd();
    await panel.waitForTimelineText('Cleared the summary.');
    expect(await storedEventCount(page)).toBe(before + 1);
  });
});
