import { expect } from 'vitest';
import type { NetworkContext } from '../../lib/model/network-context';

/**
 * What the IndexedDB readers below need of a page: to run a function in it.
 * Playwright's Page (Chromium suite) and puppeteer's Page (Firefox suite,
 * test/e2e-firefox) both fit, so the two suites share these checks.
 */
export interface EvaluatesInPage {
  // Loose on purpose: the two libraries type the argument differently
  // (Unboxed<A> and FlattenHandle<A>); callers below type their own results.
  evaluate(fn: (arg: any) => unknown, arg: any): Promise<any>;
}

export interface StoredScreenshot {
  eventId: string;
  source: string;
  pageTitle?: string;
  width: number;
  height: number;
  bytes: number;
  mimeType: string;
  thumbnailChars: number;
  /** For an annotated copy: the screenshot it annotates. */
  annotatesEventId?: string;
  network?: NetworkContext;
}

/** Every screenshot event stored on this device, oldest first (read from IndexedDB in an extension page). */
export async function storedScreenshots(page: EvaluatesInPage): Promise<StoredScreenshot[]> {
  return page.evaluate(async (): Promise<StoredScreenshot[]> => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('incident-capture');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((ok) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => ok(r.result as T[]);
      });
    type Row = { id: string; kind: string; hlc: string; body: Record<string, unknown> };
    const events = (await all<Row>('events')).filter((e) => e.kind === 'screenshot').sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
    db.close();
    return events.map((e) => ({
      eventId: e.id,
      source: e.body.source as string,
      pageTitle: e.body.pageTitle as string | undefined,
      width: e.body.width as number,
      height: e.body.height as number,
      bytes: e.body.byteLength as number,
      mimeType: e.body.mimeType as string,
      thumbnailChars: (e.body.thumbnail as string).length,
      ...(e.body.annotatesEventId ? { annotatesEventId: e.body.annotatesEventId as string } : {}),
      network: e.body.network as NetworkContext | undefined,
    }));
  }, null);
}

/** Colour checks for decoded pixels (lossy encoding shifts values a little). */
export const isRed = ([r, g, b]: number[]) => r! > 200 && g! < 60 && b! < 60;
export const isBlack = ([r, g, b]: number[]) => r! < 40 && g! < 40 && b! < 40;
export const isBlue = ([r, g, b]: number[]) => r! < 60 && g! < 60 && b! > 200;
/** The annotation palette's cyan (#00e5ff, lib/annotate/shapes.ts), after a lossy encode. */
export const isCyan = ([r, g, b]: number[]) => r! < 100 && g! > 160 && b! > 160;

/** RGBA of stored image pixels, decoded in an extension page. */
export async function screenshotPixels(page: EvaluatesInPage, eventId: string, points: [number, number][]): Promise<number[][]> {
  return page.evaluate(
    async ({ eventId, points }: { eventId: string; points: [number, number][] }): Promise<number[][]> => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const open = indexedDB.open('incident-capture');
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      const get = <T,>(store: string, key: string) =>
        new Promise<T>((ok) => {
          const r = db.transaction(store).objectStore(store).get(key);
          r.onsuccess = () => ok(r.result as T);
        });
      const event = await get<{ body: { blobId: string } }>('events', eventId);
      const blob = await get<{ bytes: Blob }>('blobs', event.body.blobId);
      db.close();
      const bitmap = await createImageBitmap(blob.bytes);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const g = canvas.getContext('2d')!;
      g.drawImage(bitmap, 0, 0);
      return points.map(([x, y]) => [...g.getImageData(x, y, 1, 1).data]);
    },
    { eventId, points },
  );
}

/**
 * A capture of the /red test page, wherever it ended up (this device, a
 * teammate's, an import): the page's pixels, red around, and the password
 * field an opaque black box, at its middle and near its corner.
 */
export async function expectRedPageMasked(page: EvaluatesInPage, eventId: string): Promise<void> {
  const [corner, middle, field, fieldEdge] = await screenshotPixels(page, eventId, [
    [20, 20],
    [800, 500],
    [250, 120],
    [110, 110],
  ]);
  expect(isRed(corner!) && isRed(middle!)).toBe(true);
  expect(isBlack(field!)).toBe(true);
  expect(isBlack(fieldEdge!)).toBe(true);
}

/** The last stored screenshot is the /boxes page's blue box, picked as an element: 240×120 and blue to its corners. */
export async function expectBlueBoxPicked(page: EvaluatesInPage): Promise<void> {
  await expect.poll(async () => (await storedScreenshots(page)).at(-1)?.source, { timeout: 15_000 }).toBe('element');
  const shot = (await storedScreenshots(page)).at(-1)!;
  expect([shot.width, shot.height]).toEqual([240, 120]);
  const pixels = await screenshotPixels(page, shot.eventId, [
    [5, 5],
    [120, 60],
    [234, 114],
  ]);
  expect(pixels.every(isBlue)).toBe(true);
}

/** How many events this device has stored (read from IndexedDB in an extension page). */
export function storedEventCount(page: EvaluatesInPage): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((ok, fail) => {
        const open = indexedDB.open('incident-capture');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const r = open.result.transaction('events').objectStore('events').count();
          r.onsuccess = () => (open.result.close(), ok(r.result));
        };
      }),
    undefined,
  );
}

/** The incident register downloaded from Options: one Major incident titled `title`, led by Sophie, still open. */
export function expectOneIncidentRegister(csv: { name: string; bytes: Buffer }, title: string): void {
  expect(csv.name).toMatch(/^incident-register-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = csv.bytes.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true); // so Excel reads it as UTF-8
  expect(text.slice(1).split('\r\n')).toEqual([
    'ref,title,severity,lead,declared,resolved,time to resolve,outcome,follow-ups open,follow-ups done,follow-up links,customer updates',
    expect.stringMatching(new RegExp(`^[0-9a-f]{8},${title},major,Sophie,\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ,,,,0,0,,0$`)),
    '',
  ]);
}

/**
 * The annotate specs (Chromium and Firefox) drag a cyan box from a quarter to
 * three quarters of the shown /red capture. The stored copy of `originalId`
 * must have cyan on the box's left edge (scanned ±10 px across it: the drag is
 * in CSS pixels, the image scaled), the page's red inside and outside it, and
 * the original must still be red there. Answers the copy.
 */
export async function expectAnnotatedBox(page: EvaluatesInPage, originalId: string): Promise<StoredScreenshot> {
  await expect.poll(async () => (await storedScreenshots(page)).some((s) => s.annotatesEventId === originalId), { timeout: 15_000 }).toBe(true);
  const copy = (await storedScreenshots(page)).find((s) => s.annotatesEventId === originalId)!;
  const edgeX = Math.round(copy.width / 4);
  const y = Math.round(copy.height / 2);
  const across = Array.from({ length: 21 }, (_, i): [number, number] => [edgeX - 10 + i, y]);
  const [inside, outside, ...edge] = await screenshotPixels(page, copy.eventId, [[copy.width / 2, y], [copy.width / 10, y], ...across]);
  expect(edge.some(isCyan)).toBe(true);
  expect(isRed(inside!) && isRed(outside!)).toBe(true);
  const original = await screenshotPixels(page, originalId, across);
  expect(original.every(isRed)).toBe(true);
  return copy;
}

/** RGBA at `points` (image pixels) of the image the open screenshot viewer shows. */
export function viewerImagePixels(page: EvaluatesInPage, points: [number, number][]): Promise<number[][]> {
  return page.evaluate(async (pts: [number, number][]) => {
    const img = document.querySelector<HTMLImageElement>('dialog[open] img')!;
    await img.decode();
    const canvas = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
    const g = canvas.getContext('2d')!;
    g.drawImage(img, 0, 0);
    return pts.map(([x, y]) => [...g.getImageData(x, y, 1, 1).data]);
  }, points);
}

/** Replaces the stored bytes of screenshot `eventId` with bytes that are no image (a damaged download, say). */
export function damageStoredImage(page: EvaluatesInPage, eventId: string): Promise<void> {
  return page.evaluate(async (id: string) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('incident-capture');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const tx = db.transaction(['events', 'blobs'], 'readwrite');
    const event = await new Promise<{ body: { blobId: string } }>((ok) => {
      const r = tx.objectStore('events').get(id);
      r.onsuccess = () => ok(r.result);
    });
    const blobs = tx.objectStore('blobs');
    const row = await new Promise<Record<string, unknown>>((ok) => {
      const r = blobs.get(event.body.blobId);
      r.onsuccess = () => ok(r.result);
    });
    blobs.put({ ...row, bytes: new Blob(['not an image at all'], { type: 'image/webp' }) });
    await new Promise((ok) => (tx.oncomplete = ok));
    db.close();
  }, eventId);
}
