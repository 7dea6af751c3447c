import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  damageStoredImage,
  expectAnnotatedBox,
  isCyan,
  isRed,
  launchFirefox,
  openPopupWindow,
  redAlertDeclared,
  startTestSite,
  storedEventCount,
  storedScreenshots,
  viewerImagePixels,
  type FirefoxSession,
} from './fixtures';
import { PopupPage } from './pages/popup.page';
import { byRole, roleWithText, waitForText } from './pages/queries';
import type { SidePanelPage } from './pages/sidepanel.page';

// Issue 11, item 1 in Firefox. The Chromium twin, with the same checks from
// test/e2e/fixtures.ts, is test/e2e/annotate.spec.ts.
describe('annotating a screenshot in Firefox', () => {
  let session: FirefoxSession;
  let site: Awaited<ReturnType<typeof startTestSite>>;
  let sidePanel: SidePanelPage;

  const editorOpen = () => sidePanel.page.$('[role="region"][aria-label="Annotate"]');
  const openShot = () => sidePanel.page.locator(byRole('button', 'Open screenshot of red dashboard')).click();

  beforeAll(async () => {
    site = await startTestSite();
    session = await launchFirefox();
    ({ sidePanel } = await redAlertDeclared(session, site.origin));
    const popup = new PopupPage(await openPopupWindow(session));
    await popup.button('Screenshot').click();
    await popup.captured('Screenshot added to the timeline.');
    await popup.close();
    await sidePanel.waitForTimelineImages('Screenshot of Red dashboard');
    await sidePanel.page.bringToFront();
  });

  afterAll(async () => {
    await session?.close();
    await site?.close();
  });

  it('drag a box (cyan, picked with "3"), save: the stored copy has the colour on its edge; Show original shows the original', async () => {
    const { page } = sidePanel;
    const [original] = await storedScreenshots(page);
    await openShot();
    await page.locator(byRole('button', 'Annotate')).click();
    await page.waitForSelector('[role="region"][aria-label="Annotate"]');
    await page.keyboard.press('3');
    await page.waitForSelector('button[aria-label="Cyan"][aria-pressed="true"]');
    const box = (await (await page.waitForSelector('dialog[open] img'))!.boundingBox())!;
    await page.mouse.move(box.x + box.width / 4, box.y + box.height / 4);
    await page.mouse.down();
    await page.mouse.move(box.x + (box.width * 3) / 4, box.y + (box.height * 3) / 4, { steps: 6 });
    await page.mouse.up();
    await page.locator(byRole('button', 'Save annotated copy')).click();
    await page.waitForFunction(() => !document.querySelector('dialog[open]'), { polling: 100 });

    const copy = await expectAnnotatedBox(page, original!.eventId);
    await sidePanel.waitForTimelineText('Annotated by Sophie');

    await page.locator(byRole('button', 'Show original')).click();
    await page.waitForSelector('dialog[open] img');
    const edge = Array.from({ length: 21 }, (_, i): [number, number] => [Math.round(copy.width / 4) - 10 + i, Math.round(copy.height / 2)]);
    const shown = await viewerImagePixels(page, edge);
    expect(shown.every(isRed) && !shown.some(isCyan)).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog[open]'), { polling: 100 });
  });

  it('Esc leaves the editor first, then the viewer', async () => {
    const { page } = sidePanel;
    await openShot();
    await page.locator(byRole('button', 'Annotate')).click();
    await page.waitForSelector('[role="region"][aria-label="Annotate"]');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[role="region"][aria-label="Annotate"]'), { polling: 100 });
    expect(await page.$('dialog[open]')).not.toBeNull();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog[open]'), { polling: 100 });
  });

  it('an image whose bytes are damaged cannot be annotated: a plain message, and nothing stored', async () => {
    const { page } = sidePanel;
    const copy = (await storedScreenshots(page)).find((s) => s.annotatesEventId)!;
    await damageStoredImage(page, copy.eventId);
    const before = await storedEventCount(page);
    await openShot();
    await page.locator(byRole('button', 'Annotate')).click();
    await roleWithText(page, 'alert', 'could not be read (its bytes are damaged), so it cannot be annotated. Nothing was changed.');
    expect(await editorOpen()).toBeNull();
    expect(await storedEventCount(page)).toBe(before);
    await waitForText(page, 'dialog[open] h2', 'Screenshot: Red dashboard');
  });
});
