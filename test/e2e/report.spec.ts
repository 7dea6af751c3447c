import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openPopupWindow, startTestSite, type ExtensionSession } from './fixtures';
import { PopupPage } from './pages/popup.page';
import { SidePanelPage } from './pages/sidepanel.page';
import {
  BROKEN_IMAGE,
  MARKUP_TITLE,
  NOTE,
  expectBadRoutesExplained,
  expectPdfContent,
  expectReportContent,
  pdfText,
  readyReport,
  setImageBytes,
} from './report-checks';

describe('printable report', () => {
  let session: ExtensionSession;
  let site: Awaited<ReturnType<typeof startTestSite>>;
  let report: Page;
  const dialogs: string[] = [];

  async function screenshotFromPopup(tab: Page, path: string, first = false) {
    await tab.goto(`${site.origin}${path}`);
    const popup = new PopupPage(await openPopupWindow(session));
    if (first) {
      await popup.enterName('Sophie');
      await popup.declare({ title: MARKUP_TITLE, severity: 'Major' });
    }
    await popup.page.getByRole('button', { name: 'Screenshot' }).click();
    await popup.page.getByRole('status').filter({ hasText: 'Screenshot added' }).waitFor();
    return popup;
  }

  beforeAll(async () => {
    site = await startTestSite();
    session = await launchExtension();
  });

  afterAll(async () => {
    await session?.close();
    await site?.close();
  });

  it('opens from the side panel as report.html#/incident/<id> with the title as text, the note, the kept image and not the removed one', async () => {
    const tab = await session.context.newPage();
    await (await screenshotFromPopup(tab, '/red', true)).page.close();
    const popup = await screenshotFromPopup(tab, '/boxes');
    await popup.addNote(NOTE);
    await popup.page.close();

    const sidePanel = new SidePanelPage(await session.context.newPage());
    await sidePanel.page.goto(session.url('sidepanel.html'));
    await sidePanel.openIncident(MARKUP_TITLE);
    // Remove the /red screenshot: the report must leave it out.
    await sidePanel.page.getByRole('button', { name: 'Open screenshot of red dashboard' }).click();
    const dialog = sidePanel.page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Remove screenshot' }).click();
    await dialog.getByRole('button', { name: 'Remove for everyone' }).click();
    await sidePanel.timeline().getByText('Removed a screenshot.').waitFor();

    const opened = session.context.waitForEvent('page');
    await sidePanel.page.getByRole('button', { name: 'Printable report' }).click();
    report = await opened;
    report.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await report.waitForLoadState('domcontentloaded');
    expect(report.url()).toMatch(new RegExp(`^${session.url('report.html')}#/incident/[0-9a-f-]{36}$`));
    const snap = await readyReport(report);
    expectReportContent(snap);
    expect(dialogs).toEqual([]); // the title's onerror=alert(1) never ran
    expect(await report.title()).toMatch(/^[0-9a-f]{8} · <img src=x onerror=alert\(1\)> Checkout/);
  });

  it('prints to a PDF whose text holds the title literally and the note, without the buttons', async () => {
    await readyReport(report);
    const pdf = await report.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expectPdfContent(text);
    // Chromium draws the @page margin boxes: the ref and the page count on every page.
    expect(text).toMatch(/Page 1 of \d+/);
  });

  it('prints black on white with no controls even in a dark theme, images within the page and never split', async () => {
    await report.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const style = await report.evaluate(() => {
      const css = (el: Element | null) => (el ? getComputedStyle(el) : null);
      const img = css(document.querySelector('.report-shot img'));
      return {
        body: css(document.body)!.backgroundColor,
        text: css(document.querySelector('h1'))!.color,
        button: css(document.querySelector('button'))!.display,
        imgMaxWidth: img?.maxWidth,
        imgBreak: img?.breakInside,
        entryBreak: css(document.querySelector('.report-entry'))!.breakInside,
      };
    });
    expect(style).toEqual({
      body: 'rgb(255, 255, 255)',
      text: 'rgb(0, 0, 0)',
      button: 'none',
      imgMaxWidth: '100%',
      imgBreak: 'avoid',
      entryBreak: 'avoid',
    });
    await report.emulateMedia({ media: 'screen', colorScheme: 'dark' });
    expect(await report.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(255, 255, 255)'); // the check can fail
    await report.emulateMedia({ media: null, colorScheme: null });
  });

  it('Print / Save as PDF prints once every image is in', async () => {
    const printed = () => report.evaluate(() => (window as { __printedAt?: string }).__printedAt ?? null);
    await report.reload();
    // Clicked as soon as the button is there (the images may still be loading): it prints only once data-ready is true.
    await report.evaluate(() => {
      window.print = () => {
        (window as { __printedAt?: string }).__printedAt = document.querySelector('main')?.getAttribute('data-ready') ?? 'none';
      };
    });
    await report.getByRole('button', { name: 'Print / Save as PDF' }).click();
    await expect.poll(printed, { timeout: 20_000 }).toBe('true');
  });

  it('shows a text placeholder for an image that is not on this device or does not decode, and is still ready', async () => {
    await setImageBytes(report, 'Boxes', BROKEN_IMAGE);
    await report.reload();
    let snap = await readyReport(report);
    expect(snap.notes).toEqual(['The image could not be shown']);
    expect(snap.images).toEqual([]);
    expect(snap.text).toContain(NOTE);

    await setImageBytes(report, 'Boxes', null);
    await report.reload();
    snap = await readyReport(report);
    expect(snap.notes).toEqual(['Image not on this device']);
  });

  it('says why there is no report for a missing, malformed or unknown incident', async () => {
    await expectBadRoutesExplained(async (path) => {
      const page = await session.context.newPage();
      await page.goto(session.url(path));
      return page;
    });
  });
});
