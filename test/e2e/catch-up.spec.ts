import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUMMARY_MAX } from '../../lib/model/limits';
import { launchExtension, openExtensionWindow, openPopupWindow, storedEventCount, type ExtensionSession } from './fixtures';
import { PopupPage } from './pages/popup.page';
import { SidePanelPage } from './pages/sidepanel.page';
import { hundredEntryLog, storedMeta, storeIncidentLog, teammateHistory } from './seed';
import { atPageEnd, entryOnScreen, focusedEntryText, scrollTop } from './timeline-checks';

// Issue 11, items 3-5 in Chromium: catching up on an incident, following the
// newest entry, and editing the summary. The Firefox twin is
// test/e2e-firefox/catch-up.spec.ts.
describe('catching up, following the newest entry, editing the summary', () => {
  let session: ExtensionSession;
  let panel: SidePanelPage;

  beforeAll(async () => {
    session = await launchExtension();
    const popup = new PopupPage(await openPopupWindow(session));
    await popup.enterName('Sophie');
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

  const history = teammateHistory();

  it('opens a teammate’s incident on a Catch up card built from its log', async () => {
    await storeIncidentLog(panel.page, history.events);
    await panel.showIncident(history.id, history.title);
    const card = panel.catchUp();
    await card.getByRole('list', { name: 'Last notes' }).waitFor();
    const facts = await card.locator('dl').innerText();
    expect(facts).toMatch(/Severity\s+Major/i);
    expect(facts).toMatch(/Lead\s+Tomás Ortega/);
    expect(facts).toMatch(/Active for\s+1 h 3[4-6] min/);
    expect(facts).toMatch(/Last customer update\s+.*\(status page\)\s+We are investigating failed card payments\./s);
    expect(facts).toMatch(/Open follow-ups\s+1\s+Alert on keep-alive resets/);
    const notes = card.getByRole('list', { name: 'Last notes' }).getByRole('listitem');
    expect(await notes.allInnerTexts()).toEqual([
      expect.stringMatching(/^Tomás Ortega .*\nError rate back to 0\.1%; watching$/s),
      expect.stringMatching(/^A teammate .*\nERROR upstream reset\n {2}at proxy \(lb\.js:88\)$/s),
      expect.stringMatching(/^Tomás Ortega .*\n<img src=x onerror="document.title=1">Rolled back 412$/s),
    ]);
    // Text, never markup: no image was made of the note, and its handler never ran.
    expect(await card.locator('img').count()).toBe(0);
    expect(await panel.page.title()).not.toBe('1');
    // A first look: no "new since" marker.
    await panel.scrollToEnd();
    await panel.timeline().getByText('Error rate back to 0.1%; watching').waitFor();
    expect(await panel.page.getByText(/New since you last looked/).count()).toBe(0);
  });

  it('marks what teammates added since I last looked, with a count, and keeps the mark while I read', async () => {
    // The end was on screen: the last-seen point is stored.
    const newest = history.events.at(-1)!.hlc;
    await expect.poll(() => storedMeta(panel.page, `seen:${history.id}`)).toBe(newest);
    await panel.back();
    history.whileAway();
    await storeIncidentLog(panel.page, history.events);
    await panel.showIncident(history.id, history.title);
    await panel.scrollToEnd();
    const marked = panel.timeline().getByRole('listitem').filter({ hasText: 'New since you last looked · 4' });
    await marked.waitFor();
    expect(await marked.innerText()).toContain('Pool resized to 80');
    // Read to the end: the point moves on, the mark stays for this visit.
    await expect.poll(() => storedMeta(panel.page, `seen:${history.id}`)).toBe(history.events.at(-1)!.hlc);
    await marked.waitFor();
    await panel.back();
    await panel.showIncident(history.id, history.title);
    await panel.scrollToEnd();
    await panel.timeline().getByText('Status page says monitoring').waitFor();
    expect(await panel.page.getByText(/New since you last looked/).count()).toBe(0);
  });

  it('follows the newest entry of a 100-entry timeline, or offers "N new entries ↓"', async () => {
    const long = hundredEntryLog();
    await storeIncidentLog(panel.page, long.events);
    await panel.showIncident(long.id, long.title);
    // Another context adds to the same incident: a second side panel (the popup's notes and captures arrive the same way).
    // In a window of its own, so both are on screen (a background tab gets no frames).
    const other = new SidePanelPage(await openExtensionWindow(session, `sidepanel.html#/incident/${long.id}`, { width: 400, height: 800 }));
    await other.page.getByRole('heading', { level: 1, name: long.title }).waitFor();

    // At the end: a new entry scrolls into view.
    await expect.poll(() => panel.scrollToEnd().then(() => atPageEnd(panel.page))).toBe(true);
    await other.addNote('Follow me: entry 101');
    await expect.poll(() => entryOnScreen(panel.page, 'Follow me: entry 101')).toBe(true);

    // Scrolled up: the reader stays, and a button counts what arrived.
    await panel.page.evaluate(() => window.scrollTo(0, 0));
    for (const n of [102, 103, 104]) await other.addNote(`Follow me: entry ${n}`);
    const button = panel.page.getByRole('button', { name: '3 new entries' });
    await button.waitFor();
    expect(await button.textContent()).toBe('3 new entries ↓');
    expect(await scrollTop(panel.page)).toBe(0);
    expect(await entryOnScreen(panel.page, 'Follow me: entry 104')).toBe(false);
    await button.click();
    await expect.poll(() => entryOnScreen(panel.page, 'Follow me: entry 104')).toBe(true);
    await expect.poll(() => focusedEntryText(panel.page)).toContain('Follow me: entry 104');
    expect(await button.count()).toBe(0);

    // One, by keyboard: singular, and Enter takes the reader there too.
    await panel.page.evaluate(() => window.scrollTo(0, 0));
    await other.addNote('Follow me: entry 105');
    const one = panel.page.getByRole('button', { name: '1 new entry' });
    await one.waitFor();
    expect(await one.textContent()).toBe('1 new entry ↓');
    await one.focus();
    await panel.page.keyboard.press('Enter');
    await expect.poll(() => entryOnScreen(panel.page, 'Follow me: entry 105')).toBe(true);
    await other.page.close();
  });
});
