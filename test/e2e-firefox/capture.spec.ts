import { describe, expect, it } from 'vitest';
import {
  expectBlueBoxPicked,
  expectRedPageMasked,
  isBlue,
  openPopupWindow,
  redAlertSuite,
  screenshotPixels,
  storedScreenshots,
} from './fixtures';
import { PopupPage } from './pages/popup.page';

const isGreen = ([r, g, b]: number[]) => g! > 120 && r! < 60 && b! < 60;
const isWhite = ([r, g, b]: number[]) => r! > 230 && g! > 230 && b! > 230;

describe('evidence capture in Firefox', () => {
  const suite = redAlertSuite();

  /** Starts the element picker from the popup (which then closes) and clicks at (x, y) on the page. */
  async function pickAt(x: number, y: number) {
    const popup = new PopupPage(await openPopupWindow(suite.session));
    await popup.button('Capture an element').click();
    await popup.closedByItself(); // the popup closes once the picker is running
    await suite.tab.bringToFront();
    await suite.tab.mouse.move(x, y);
    await suite.tab.mouse.click(x, y);
  }

  it('the popup Screenshot button puts that page on the timeline of the open sidebar, password masked', async () => {
    const popup = new PopupPage(await openPopupWindow(suite.session));
    await popup.button('Screenshot').click();
    await popup.captured('Screenshot added to the timeline.');

    // Live in the sidebar, as a thumbnail with an accessible name.
    await suite.sidePanel.waitForTimelineImages('Screenshot of Red dashboard');

    const [shot] = await storedScreenshots(suite.sidePanel.page);
    expect(shot).toMatchObject({ source: 'visible', pageTitle: 'Red dashboard', width: 1280, height: 800 });
    expect(shot!.bytes).toBeLessThanOrEqual(100 * 1024);
    // The page's pixels, not the popup's: red around, and the password field an opaque black box.
    await expectRedPageMasked(suite.sidePanel.page, shot!.eventId);
    // And the mask is gone from the live page again.
    expect(await suite.tab.evaluate(() => document.getElementById('__incident_capture_mask__'))).toBeNull();
    await popup.close();
  });

  it('crops an element inside the viewport from a real capture', async () => {
    await suite.tab.goto(`${suite.site.origin}/boxes`);
    await pickAt(300, 200);
    await expectBlueBoxPicked(suite.sidePanel.page);
  });

  it('captures an element taller than the viewport whole', async () => {
    // #tall (200×2000 CSS px at 600,100) runs below the viewport: Firefox captures it with tabs.captureTab and a rect.
    const before = (await storedScreenshots(suite.sidePanel.page)).length;
    await pickAt(700, 400);
    await expect.poll(async () => (await storedScreenshots(suite.sidePanel.page)).length, { timeout: 20_000 }).toBe(before + 1);
    const shot = (await storedScreenshots(suite.sidePanel.page)).at(-1)!;
    expect(shot.source).toBe('element');
    expect(shot.height / shot.width).toBeGreaterThan(9); // 2000 / 200, whatever the encoder's scale
    const [top, bottom] = await screenshotPixels(suite.sidePanel.page, shot.eventId, [
      [Math.floor(shot.width / 2), 10],
      [Math.floor(shot.width / 2), shot.height - 10],
    ]);
    expect(isGreen(top!)).toBe(true);
    expect(isGreen(bottom!)).toBe(true);
  });

  it('Full page captures the whole page, below the fold included', async () => {
    const popup = new PopupPage(await openPopupWindow(suite.session));
    await popup.button('Full page').click();
    await popup.captured('added to the timeline');
    const shot = (await storedScreenshots(suite.sidePanel.page)).at(-1)!;
    expect(shot.source).toBe('full_page');
    // 2100 CSS px tall (the green box ends at 2100); the encoder may scale it down to stay within 100 KB.
    expect(shot.height / shot.width).toBeGreaterThan(1.5);
    const scale = shot.height / 2100;
    const at = (x: number, y: number): [number, number] => [Math.round(x * scale), Math.round(y * scale)];
    const [blue, greenLow, whiteLow] = await screenshotPixels(suite.sidePanel.page, shot.eventId, [
      at(320, 210), // the blue box, in the first screenful
      at(700, 2000), // the green box, 1200 px below the fold
      at(300, 2000), // beside it, the white page
    ]);
    expect(isBlue(blue!)).toBe(true);
    expect(isGreen(greenLow!)).toBe(true);
    expect(isWhite(whiteLow!)).toBe(true);
    await popup.close();
  });
});
