import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUMMARY_MAX } from '../../lib/model/limits';
import { hundredEntryLog, teammateHistory } from '../e2e/seed';
import { atPageEnd, entryOnScreen, focusedEntryText, scrollTop } from '../e2e/timeline-checks';
import { launchFirefox, openPopupWindow, openSidebarPage, storedEventCount, storedMeta, storeIncidentLog, type FirefoxSession } from './fixtures';
import { PopupPage } from './pages/popup.page';
import { byRole, fillIn, inputValue, roleWithText, waitForText } from './pages/queries';
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
    await popup.enterName('Sophie');
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
    await fillIn(page, 'Summary', 'EU card payments fail since 08:40');
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
    await fillIn(page, 'Summary', 'Not this');
    await page.locator(box).click();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('header textarea'), { polling: 100 });
    await waitForText(page, 'header .summary p', 'EU card payments fail since 08:40', { exact: true });

    // Oversized, then a control character: the schema's message, the draft kept, nothing stored.
    const before = await storedEventCount(page);
    await page.locator(byRole('button', 'Edit summary')).click();
    await fillIn(page, 'Summary', 'x'.repeat(SUMMARY_MAX + 1));
    await page.locator(byRole('button', 'Save summary')).click();
    await roleWithText(page, 'alert', `Keep the summary to ${SUMMARY_MAX} characters or fewer.`);
    expect(await inputValue(page, box)).toHaveLength(SUMMARY_MAX + 1);
    await fillIn(page, 'Summary', `Bell \u0007 here, ${'x'.repeat(100)}`);
    await page.locator(byRole('button', 'Save summary')).click();
    await roleWithText(page, 'alert', 'The summary contains control characters.');
    expect(await storedEventCount(page)).toBe(before);

    // Empty clears it.
    await page.locator(box).click();
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.press('Backspace');
    await page.locator(byRole('button', 'Save summary')).click();
    await waitForText(page, 'header .summary p', 'No summary yet.');
    await panel.scrollToEnd();
    await panel.waitForTimelineText('Cleared the summary.');
    expect(await storedEventCount(page)).toBe(before + 1);
  });

  const history = teammateHistory();
  const markers = (page = panel.page) =>
    page.evaluate(() => [...document.querySelectorAll('ol[aria-label="Timeline"] .new-since')].map((p) => [p.textContent, p.parentElement!.textContent]));

  it('opens a teammate’s incident on a Catch up card built from its log', async () => {
    await storeIncidentLog(panel.page, history.events);
    await panel.showIncident(history.id, history.title);
    const { facts, notes } = await panel.catchUp();
    expect(facts).toMatch(/Severity\s+Major/i);
    expect(facts).toMatch(/Lead\s+Tomás Ortega/);
    expect(facts).toMatch(/Active for\s+1 h 3[4-6] min/);
    expect(facts).toMatch(/Last customer update\s+.*\(status page\)\s+We are investigating failed card payments\./s);
    expect(facts).toMatch(/Open follow-ups\s+1\s+Alert on keep-alive resets/);
    expect(notes).toEqual([
      expect.stringMatching(/^Tomás Ortega .*\nError rate back to 0\.1%; watching$/s),
      expect.stringMatching(/^A teammate .*\nERROR upstream reset\n {2}at proxy \(lb\.js:88\)$/s),
      expect.stringMatching(/^Tomás Ortega .*\n<img src=x onerror="document.title=1">Rolled back 412$/s),
    ]);
    // Text, never markup: no image was made of the note, and its handler never ran.
    expect(await panel.page.evaluate(() => document.title)).not.toBe('1');
    expect(await panel.page.evaluate(() => document.querySelectorAll('.catch-up img').length)).toBe(0);
    // A first look: no "new since" marker.
    await panel.scrollToEnd();
    await panel.waitForTimelineText('Error rate back to 0.1%; watching');
    expect(await markers()).toEqual([]);
  });

  it('marks what teammates added since I last looked, with a count, and keeps the mark while I read', async () => {
    await expect.poll(() => storedMeta(panel.page, `seen:${history.id}`)).toBe(history.events.at(-1)!.hlc);
    await panel.back();
    history.whileAway();
    await storeIncidentLog(panel.page, history.events);
    await panel.page.close();
    panel = new SidePanelPage(await openSidebarPage(session));
    await panel.showIncident(history.id, history.title);
    await panel.scrollToEnd();
    await panel.waitForTimelineText('New since you last looked · 4');
    expect(await markers()).toEqual([['New since you last looked · 4', expect.stringContaining('Pool resized to 80')]]);
    await expect.poll(() => storedMeta(panel.page, `seen:${history.id}`)).toBe(history.events.at(-1)!.hlc);
    expect(await markers()).toHaveLength(1);
    await panel.back();
    await panel.showIncident(history.id, history.title);
    await panel.scrollToEnd();
    await panel.waitForTimelineText('Status page says monitoring');
    expect(await markers()).toEqual([]);
  });

  it('follows the newest entry of a 100-entry timeline, or offers "N new entries ↓"', async () => {
    const long = hundredEntryLog();
    await storeIncidentLog(panel.page, long.events);
    await panel.showIncident(long.id, long.title);
    // Another context adds to the same incident: a second sidebar page.
    const other = new SidePanelPage(await openSidebarPage(session));
    await other.showIncident(long.id, long.title);
    // The reader looks at their panel (a page in the background gets no frames: no measuring, no scroll reconciling).
    await panel.page.bringToFront();

    await expect.poll(() => panel.scrollToEnd().then(() => atPageEnd(panel.page))).toBe(true);
    await other.addNote('Follow me: entry 101');
    await expect.poll(() => entryOnScreen(panel.page, 'Follow me: entry 101')).toBe(true);

    await panel.page.evaluate(() => window.scrollTo(0, 0));
    for (const n of [102, 103, 104]) await other.addNote(`Follow me: entry ${n}`);
    expect(await waitForText(panel.page, '.follow-newest button', '3 new entries')).toBe('3 new entries ↓');
    expect(await scrollTop(panel.page)).toBe(0);
    expect(await entryOnScreen(panel.page, 'Follow me: entry 104')).toBe(false);
    await panel.page.locator(byRole('button', '3 new entries')).click();
    await expect.poll(() => entryOnScreen(panel.page, 'Follow me: entry 104')).toBe(true);
    await expect.poll(() => focusedEntryText(panel.page)).toContain('Follow me: entry 104');
    expect(await panel.page.$('.follow-newest button')).toBeNull();

    await panel.page.evaluate(() => window.scrollTo(0, 0));
    await other.addNote('Follow me: entry 105');
    expect(await waitForText(panel.page, '.follow-newest button', '1 new entry')).toBe('1 new entry ↓');
    const one = await panel.page.waitForSelector(byRole('button', '1 new entry'));
    await one!.focus();
    await one!.dispose();
    await panel.page.keyboard.press('Enter');
    await expect.poll(() => entryOnScreen(panel.page, 'Follow me: entry 105')).toBe(true);
    await other.page.close();
  });
});
