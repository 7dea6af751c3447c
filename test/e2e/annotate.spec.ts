import { describe, expect, it } from 'vitest';
import {
  damageStoredImage,
  expectAnnotatedBox,
  isCyan,
  isRed,
  storedEventCount,
  storedScreenshots,
  viewerImagePixels,
} from './fixtures';
import { redScreenshotSuite } from './red-screenshot-suite';

describe('annotating a screenshot in Chromium', () => {
  const suite = redScreenshotSuite('Dashboards on fire');

  it('drag a box with the keyboard-picked colour, undo, redo, save: the stored copy has the colour on its edge', async () => {
    const { page } = suite.sidePanel;
    const [original] = await storedScreenshots(page);
    await page.getByRole('button', { name: 'Open screenshot of red dashboard' }).click();
    const dialog = page.getByRole('dialog', { name: 'Screenshot: Red dashboard' });
    await dialog.getByRole('button', { name: 'Annotate' }).click();
    const editor = dialog.getByRole('region', { name: 'Annotate' });
    await editor.waitFor();
    const save = editor.getByRole('button', { name: 'Save annotated copy' });
    expect(await save.isDisabled()).toBe(true); // nothing to save yet

    await page.keyboard.press('3'); // cyan: it stands out on the red page
    expect(await editor.getByRole('button', { name: 'Cyan' }).getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('b');
    const box = (await dialog.getByRole('img', { name: 'Screenshot of Red dashboard' }).boundingBox())!;
    await page.mouse.move(box.x + box.width / 4, box.y + box.height / 4);
    await page.mouse.down();
    await page.mouse.move(box.x + (box.width * 3) / 4, box.y + (box.height * 3) / 4, { steps: 6 });
    await page.mouse.up();
    expect(await save.isEnabled()).toBe(true);

    await page.keyboard.press('Control+z');
    expect(await save.isDisabled()).toBe(true);
    await page.keyboard.press('Control+Shift+z');
    expect(await save.isEnabled()).toBe(true);

    await save.click();
    await dialog.waitFor({ state: 'detached' });
    await expectAnnotatedBox(page, original!.eventId);
    // In the original's place, saying who annotated it; the original stays out of sight.
    await suite.sidePanel.timeline().getByText('Annotated by Sophie').waitFor();
    expect(await suite.sidePanel.timeline().getByRole('img', { name: 'Screenshot of Red dashboard' }).count()).toBe(1);
  });

  it('"Show original" opens the original, without the box', async () => {
    const { page } = suite.sidePanel;
    const copy = (await storedScreenshots(page)).find((s) => s.annotatesEventId)!;
    await suite.sidePanel.timeline().getByRole('button', { name: 'Show original' }).click();
    const dialog = page.getByRole('dialog', { name: 'Screenshot: Red dashboard' });
    await dialog.getByRole('img', { name: 'Screenshot of Red dashboard' }).waitFor();
    const edge = Array.from({ length: 21 }, (_, i): [number, number] => [Math.round(copy.width / 4) - 10 + i, Math.round(copy.height / 2)]);
    const shown = await viewerImagePixels(page, edge);
    expect(shown.every(isRed)).toBe(true);
    expect(shown.some(isCyan)).toBe(false);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('a finger draws too: a touch drag makes a box (pointer events, touch-action: none)', async () => {
    const { page } = suite.sidePanel;
    await page.getByRole('button', { name: 'Open screenshot of red dashboard' }).click();
    const dialog = page.getByRole('dialog', { name: 'Screenshot: Red dashboard' });
    await dialog.getByRole('button', { name: 'Annotate' }).click();
    const editor = dialog.getByRole('region', { name: 'Annotate' });
    await editor.waitFor();
    const r = (await dialog.getByRole('img', { name: 'Screenshot of Red dashboard' }).boundingBox())!;
    // Real touch input through the DevTools protocol: Chromium turns it into pointer events of type "touch".
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', fx: number, fy: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x: r.x + r.width * fx, y: r.y + r.height * fy }],
      });
    await touch('touchStart', 0.3, 0.3);
    for (const f of [0.4, 0.5, 0.6]) await touch('touchMove', f, f);
    await touch('touchEnd', 0.6, 0.6);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });
    await cdp.detach();
    await editor.getByText('1 shape drawn.').waitFor({ state: 'attached' });
    expect(await editor.getByRole('button', { name: 'Save annotated copy' }).isEnabled()).toBe(true);
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('Esc leaves the editor first, then the viewer', async () => {
    const { page } = suite.sidePanel;
    await page.getByRole('button', { name: 'Open screenshot of red dashboard' }).click();
    const dialog = page.getByRole('dialog', { name: 'Screenshot: Red dashboard' });
    await dialog.getByRole('button', { name: 'Annotate' }).click();
    await dialog.getByRole('region', { name: 'Annotate' }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.getByRole('region', { name: 'Annotate' }).waitFor({ state: 'detached' });
    expect(await dialog.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('crops (a crop to nothing is refused with a message) and labels; the newest copy takes the place', async () => {
    const { page } = suite.sidePanel;
    const [original] = await storedScreenshots(page);
    await suite.sidePanel.timeline().getByRole('button', { name: 'Open screenshot of red dashboard' }).click();
    const dialog = page.getByRole('dialog', { name: 'Screenshot: Red dashboard' });
    await dialog.getByRole('button', { name: 'Annotate' }).click();
    const editor = dialog.getByRole('region', { name: 'Annotate' });
    await editor.waitFor();
    const box = (await dialog.getByRole('img', { name: 'Screenshot of Red dashboard' }).boundingBox())!;
    const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;

    await page.keyboard.press('c');
    await page.mouse.click(...at(0.5, 0.5));
    await editor.getByRole('alert').filter({ hasText: 'Crop to at least 16 × 16 pixels.' }).waitFor();
    expect(await editor.getByRole('button', { name: 'Save annotated copy' }).isDisabled()).toBe(true);

    await page.keyboard.press('t');
    await page.mouse.click(...at(0.1, 0.1));
    const label = editor.getByRole('textbox', { name: 'Label text' });
    await label.fill('p99 spike');
    await label.press('Enter');
    await page.keyboard.press('c');
    // Just inside the image's corner (its very edge may hit the frame), to half way across, the whole height.
    await page.mouse.move(...at(0.01, 0.01));
    await page.mouse.down();
    await page.mouse.move(...at(0.5, 0.99), { steps: 4 });
    await page.mouse.up();
    await editor.getByRole('button', { name: 'Save annotated copy' }).click();
    await dialog.waitFor({ state: 'detached' });

    const copies = (await storedScreenshots(page)).filter((s) => s.annotatesEventId === original!.eventId);
    expect(copies).toHaveLength(2);
    const cropped = copies.at(-1)!;
    expect(cropped.width / original!.width).toBeGreaterThan(0.46);
    expect(cropped.width / original!.width).toBeLessThan(0.52);
    expect(cropped.height / original!.height).toBeGreaterThan(0.95);
    // The newest copy stands in the original's place; still one entry.
    expect(await suite.sidePanel.timeline().getByRole('img', { name: 'Screenshot of Red dashboard' }).count()).toBe(1);
  });

  it('an image whose bytes are damaged cannot be annotated: a plain message, and nothing stored', async () => {
    const { page } = suite.sidePanel;
    const copy = (await storedScreenshots(page)).filter((s) => s.annotatesEventId).at(-1)!;
    await damageStoredImage(page, copy.eventId);
    const before = await storedEventCount(page);
    await suite.sidePanel.timeline().getByRole('button', { name: 'Open screenshot of red dashboard' }).click();
    const dialog = page.getByRole('dialog', { name: 'Screenshot: Red dashboard' });
    await dialog.getByRole('button', { name: 'Annotate' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'could not be read (its bytes are damaged), so it cannot be annotated. Nothing was changed.' }).waitFor();
    expect(await dialog.getByRole('region', { name: 'Annotate' }).count()).toBe(0);
    expect(await storedEventCount(page)).toBe(before);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('removing the annotated entry takes the original and every copy with it: all images scrubbed', async () => {
    const { page } = suite.sidePanel;
    await suite.sidePanel.timeline().getByRole('button', { name: 'Open screenshot of red dashboard' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Remove screenshot' }).click();
    await dialog.getByText('Remove this screenshot and its 2 annotated copies for everyone?').waitFor();
    await dialog.getByRole('button', { name: 'Remove for everyone' }).click();
    await dialog.waitFor({ state: 'detached' });
    const shots = await storedScreenshots(page);
    expect(shots.map((s) => s.thumbnailChars)).toEqual([0, 0, 0]);
    expect(await suite.sidePanel.timeline().getByRole('button', { name: 'Show original' }).count()).toBe(0);
    expect(await suite.sidePanel.timeline().getByText('Annotated by Sophie').count()).toBe(0);
  });
});
