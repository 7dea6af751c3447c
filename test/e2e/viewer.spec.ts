import { describe, expect, it } from 'vitest';
import { isBlack, isRed, screenshotPixels, storedScreenshots } from './fixtures';
import { redScreenshotSuite } from './red-screenshot-suite';

describe('screenshot viewer, redaction and pasted images', () => {
  const suite = redScreenshotSuite('Evidence review');

  it('opens the full image in a viewer with its tools', async () => {
    const page = suite.sidePanel.page;
    await page.getByRole('button', { name: 'Open screenshot of red dashboard' }).click();
    const dialog = page.getByRole('dialog', { name: 'Screenshot: Red dashboard' });
    await dialog.waitFor();
    await dialog.getByRole('img', { name: 'Screenshot of Red dashboard' }).waitFor();
    for (const name of ['Fit', 'Actual size', 'Open in new tab', 'Copy image', 'Redact…', 'Remove screenshot']) {
      expect(await dialog.getByRole('button', { name }).isVisible()).toBe(true);
    }
    expect(await dialog.getByRole('link', { name: 'Download' }).getAttribute('download')).toMatch(
      /^incident-screenshot-\d{8}-\d{4}\.(webp|jpg)$/,
    );
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('redacts with opaque boxes: the original is gone and the copy is black where drawn', async () => {
    const page = suite.sidePanel.page;
    const [original] = await storedScreenshots(page);
    await page.getByRole('button', { name: 'Open screenshot of red dashboard' }).click();
    const dialog = page.getByRole('dialog', { name: 'Screenshot: Red dashboard' });
    await dialog.getByRole('button', { name: 'Redact…' }).click();
    const img = dialog.getByRole('img', { name: 'Screenshot of Red dashboard' });
    const box = (await img.boundingBox())!;
    // Drag over the top-left quarter of the shown image.
    await page.mouse.move(box.x + 2, box.y + 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await dialog.getByRole('button', { name: 'Save redacted copy' }).click();
    await dialog.waitFor({ state: 'detached' });

    await suite.sidePanel.timeline().getByText('Redacted a screenshot (replaced by the copy below).').waitFor();
    await suite.sidePanel.timeline().getByRole('img', { name: 'Redacted screenshot of Red dashboard' }).waitFor();
    expect(await suite.sidePanel.timeline().getByRole('img', { name: 'Screenshot of Red dashboard', exact: true }).count()).toBe(0);

    const shots = await storedScreenshots(page);
    const copy = shots.find((s) => s.source === 'redacted_copy')!;
    expect(shots.find((s) => s.eventId === original!.eventId)?.thumbnailChars).toBe(0); // scrubbed
    const [inBox, outside] = await screenshotPixels(page, copy.eventId, [
      [Math.floor(copy.width / 8), Math.floor(copy.height / 8)],
      [Math.floor((copy.width * 7) / 8), Math.floor((copy.height * 7) / 8)],
    ]);
    expect(isBlack(inBox!)).toBe(true);
    expect(isRed(outside!)).toBe(true);
    const originalBlobLeft = await page.evaluate(async (eventId) => {
      const db = await new Promise<IDBDatabase>((ok) => {
        const r = indexedDB.open('incident-capture');
        r.onsuccess = () => ok(r.result);
      });
      const get = (store: string, key: string) =>
        new Promise<unknown>((ok) => {
          const r = db.transaction(store).objectStore(store).get(key);
          r.onsuccess = () => ok(r.result);
        });
      const event = (await get('events', eventId)) as { body: { blobId: string } };
      const blob = await get('blobs', event.body.blobId);
      db.close();
      return blob !== undefined;
    }, original!.eventId);
    expect(originalBlobLeft).toBe(false);
  });

  it('removes a screenshot from the timeline after confirmation', async () => {
    const page = suite.sidePanel.page;
    await page.getByRole('button', { name: 'Open redacted screenshot of red dashboard' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Remove screenshot' }).click();
    await dialog.getByRole('button', { name: 'Remove for everyone' }).click();
    await dialog.waitFor({ state: 'detached' });
    await suite.sidePanel.timeline().getByText('Removed a screenshot.').waitFor();
    expect(await suite.sidePanel.timeline().getByRole('img').count()).toBe(0);
  });

  it('pasting an image into the composer adds it as a screenshot', async () => {
    const page = suite.sidePanel.page;
    await page.getByLabel('Add to the timeline').focus();
    await page.evaluate(async () => {
      const canvas = new OffscreenCanvas(400, 300);
      const g = canvas.getContext('2d')!;
      g.fillStyle = '#ff0000';
      g.fillRect(0, 0, 400, 300);
      const file = new File([await canvas.convertToBlob({ type: 'image/png' })], 'trace.png', { type: 'image/png' });
      const data = new DataTransfer();
      data.items.add(file);
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await suite.sidePanel.timeline().getByRole('img', { name: 'Pasted image of trace.png' }).waitFor();
    const pasted = (await storedScreenshots(page)).at(-1)!;
    expect(pasted).toMatchObject({ source: 'pasted', width: 400, height: 300 });
    expect(await page.getByLabel('Add to the timeline').inputValue()).toBe('');
  });

  it('refuses a pasted file that is not an image it can read, and stores nothing', async () => {
    const page = suite.sidePanel.page;
    const before = (await storedScreenshots(page)).length;
    await page.getByLabel('Add to the timeline').focus();
    await page.evaluate(() => {
      const file = new File([new Uint8Array([1, 2, 3, 4])], 'broken.png', { type: 'image/png' });
      const data = new DataTransfer();
      data.items.add(file);
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    const alert = page.getByRole('alert').filter({ hasText: 'could not be read' });
    await alert.waitFor();
    expect((await storedScreenshots(page)).length).toBe(before);
  });
});
