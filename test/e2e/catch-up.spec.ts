import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUMMARY_MAX } from '../../lib/model/limits';
import { launchExtension, openPopupWindow, storedEventCount, type ExtensionSession } from './fixtures';
import { PopupPage } from './pages/popup.page';
import { SidePanelPage } from './pages/sidepanel.page';

// Issue 11, items 3-5 in Chromium: catching up on an incident, following the
// newest entry, and editing the summary. The Firefox twin is
// test/e2e-firefox/catch-up.spec.ts.
describe('catching up, following the newest entry, editing the summary', () => {
  let session: ExtensionSession;
  let panel: SidePanelPage;

  beforeAll(async () => {
    session = await launchExtension();
    const popup = new PopupPage(await openPopupWindow(session));
    await popup.saveName('Sophie');
    await popup.declare({ title: 'Checkout down', severity: 'Major', summary: 'Card payments fail' });
    await popup.currentIncidentTitle();
    await popup.page.close();
    panel = new SidePanelPage(await session.context.newPage());
    await panel.page.goto(session.url('sidepanel.html'));
  });

  afterAll(async () => {
    await session?.close();
  });

  it('edits the summary: Save logs it, the header shows it, Esc cancels, bad input changes nothing', async () => {
    await panel.openIncident('Checkout down');
    const header = panel.page.locator('header').filter({ has: panel.page.getByRole('heading', { level: 1 }) });
    await header.getByText('Card payments fail', { exact: true }).waitFor();

    await panel.page.getByRole('button', { name: 'Edit summary' }).click();
    const box = panel.page.getByRole('textbox', { name: 'Summary' });
    await box.fill('EU card payments fail since 08:40');
    await panel.page.getByText(`33 / ${SUMMARY_MAX.toLocaleString('en')} characters`).waitFor();
    await box.press('Control+Enter');
    await header.getByText('EU card payments fail since 08:40', { exact: true }).waitFor();
    await panel.scrollToEnd();
    await panel.timeline().getByText('Updated the summary:').waitFor();

    // Esc leaves it as it was.
    await panel.page.getByRole('button', { name: 'Edit summary' }).click();
    await box.fill('Not this');
    await box.press('Escape');
    await expect.poll(() => box.count()).toBe(0);
    await header.getByText('EU card payments fail since 08:40', { exact: true }).waitFor();

    // Oversized, then a control character: the schema's message, the draft kept, nothing stored.
    const before = await storedEventCount(panel.page);
    await panel.page.getByRole('button', { name: 'Edit summary' }).click();
    await box.fill('x'.repeat(SUMMARY_MAX + 1));
    await panel.page.getByRole('button', { name: 'Save summary' }).click();
    await panel.page.getByRole('alert').filter({ hasText: `Keep the summary to ${SUMMARY_MAX} characters or fewer.` }).waitFor();
    expect(await box.inputValue()).toHaveLength(SUMMARY_MAX + 1);
    await box.fill('Bell \u0007 here');
    await panel.page.getByRole('button', { name: 'Save summary' }).click();
    await panel.page.getByRole('alert').filter({ hasText: 'The summary contains control characters.' }).waitFor();
    expect(await storedEventCount(panel.page)).toBe(before);

    // Empty clears it.
    await box.fill('');
    await panel.page.getByRole('button', { name: 'Save summary' }).click();
    await header.getByText('No summary yet.').waitFor();
    await panel.scrollToEnd();
    await panel.timeline().getByText('Cleared the summary.').waitFor();
    expect(await storedEventCount(panel.page)).toBe(before + 1);
  });
});
