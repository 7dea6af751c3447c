// The printable-report bench's page side (bench/report.run.ts): the floor
// page, the images, and reading Paint Timing in the page. Written against
// EvaluatesInPage (Playwright's or puppeteer's page), for a Firefox twin to come.
import { REPORT_READY_MARK } from '../lib/perf/marks';
import type { EvaluatesInPage } from '../test/e2e/fixtures';
import { SHOT_HEIGHT, SHOT_WIDTH } from './report-data';
import { DB_NAME } from './sidepanel-browser';
import { median } from './support.mjs';
import { SMOKE, within } from './wait.mjs';

export const ENTRIES = 500;
export const IMAGES = 50;
export const LOADS = Number(process.env.BENCH_LOADS ?? (SMOKE ? 1 : 15));
export const WARMUP = SMOKE ? 0 : 2;
/** The floor: a static extension page with one line of text (a blank page paints nothing, so has no first contentful paint). */
export const FLOOR_PAGE = 'bench-text.html';
export const FLOOR_HTML = '<!doctype html><html lang="en"><title>text</title><body><p>Incident report</p></body></html>';

/** Draws and stores one dashboard-like WebP per blob id (raw IndexedDB, as the seeding of events); answers the bytes stored. */
export function storeImages(page: EvaluatesInPage, args: { blobIds: string[]; incidentId: string }): Promise<number> {
  return within(`drawing and storing ${args.blobIds.length} screenshots`, 180_000, page.evaluate(
    async ({ name, blobIds, incidentId, width, height }: { name: string; blobIds: string[]; incidentId: string; width: number; height: number }) => {
      const rows: { id: string; incidentId: string; mimeType: string; bytes: Blob; createdAt: string }[] = [];
      for (const [i, id] of blobIds.entries()) {
        const canvas = new OffscreenCanvas(width, height);
        const g = canvas.getContext('2d')!;
        g.fillStyle = '#111217';
        g.fillRect(0, 0, width, height);
        g.strokeStyle = ['#73bf69', '#f2cc0c', '#ff7383', '#5794f2'][i % 4]!;
        g.lineWidth = 2;
        g.beginPath();
        for (let x = 0; x < width; x += 8) g.lineTo(x, height / 2 + Math.sin((x + i * 37) / 40) * 200 + ((x * 13 + i) % 29));
        g.stroke();
        g.fillStyle = '#ccccdc';
        g.font = '24px sans-serif';
        g.fillText(`Panel ${i + 1}: p99 latency (ms)`, 24, 40);
        const bytes = await canvas.convertToBlob({ type: 'image/webp', quality: 0.82 });
        rows.push({ id, incidentId, mimeType: bytes.type, bytes, createdAt: new Date().toISOString() });
      }
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      await new Promise<void>((ok, fail) => {
        const tx = db.transaction('blobs', 'readwrite');
        for (const row of rows) tx.objectStore('blobs').put(row);
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
      return rows.reduce((sum, r) => sum + r.bytes.size, 0);
    },
    { name: DB_NAME, ...args, width: SHOT_WIDTH, height: SHOT_HEIGHT },
  ));
}

export type Paint = { fp: number; fcp: number; dcl: number };
export type ReportLoad = Paint & { ready: number; entries: number; images: number; heading?: number };

async function poll<T>(page: EvaluatesInPage, what: string, timeoutMs: number, read: (arg: any) => T | null, arg: unknown = null): Promise<T> {
  return within(what, timeoutMs + 5_000, (async () => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = (await page.evaluate(read, arg)) as T | null;
      if (value !== null) return value;
      if (Date.now() > deadline) throw new Error(`bench: gave up waiting for ${what}`);
      await new Promise((ok) => setTimeout(ok, 20));
    }
  })());
}

/** The page's first paint, first contentful paint and DOMContentLoaded, from its own timeline, once it has painted. */
export function paintOf(page: EvaluatesInPage, what: string): Promise<Paint> {
  return poll(page, `the first contentful paint of ${what}`, 20_000, () => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    const fp = performance.getEntriesByName('first-paint')[0]?.startTime;
    const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return fcp === undefined ? null : { fp: fp ?? fcp, fcp, dcl: nav!.domContentLoadedEventEnd };
  });
}

/** Waits for the report's ready mark (every image decoded); answers it with what the document holds then. */
export async function reportLoad(page: EvaluatesInPage): Promise<ReportLoad> {
  const paint = await paintOf(page, 'the report');
  const done = await poll(page, 'the report ready (every image decoded)', 60_000, (mark: string) => {
    const [ready] = performance.getEntriesByName(mark);
    if (!ready) return null;
    const decoded = [...document.querySelectorAll('.report-shot img')].filter((i) => (i as HTMLImageElement).naturalWidth > 0);
    const heading = (window as unknown as { __heading?: number }).__heading;
    return { ready: ready.startTime, entries: document.querySelectorAll('li.report-entry').length, images: decoded.length, ...(heading ? { heading } : {}) };
  }, REPORT_READY_MARK);
  return { ...paint, ...done };
}

/** The Markdown table for one browser's run; `missed` when first contentful paint is over 500 ms. */
export function reportTable(title: string, imageBytes: number, report: ReportLoad[], floor: Paint[]): { text: string; missed: boolean } {
  const fcp = median(report.map((r) => r.fcp));
  const floorFcp = median(floor.map((f) => f.fcp));
  const row = (what: string, value: number | string, target = '—', ok = true) =>
    `| ${what} | ${typeof value === 'number' ? `${value.toFixed(1)} ms` : value} | ${target} | ${ok ? 'met' : '**missed**'} |`;
  const med = (xs: (number | undefined)[]) => median(xs.filter((x): x is number => x !== undefined));
  const list = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(' ');
  const headings = report.map((r) => r.heading).filter((h) => h !== undefined);
  const text = [
    `${title}: ${ENTRIES} entries, ${IMAGES} WebP screenshots (${(imageBytes / 1024).toFixed(0)} KB in all), median of ${report.length}`,
    '',
    '| what | measured | target | |',
    '| --- | --- | --- | --- |',
    row('report: navigation → first contentful paint', fcp, '≤ 500 ms', fcp <= 500),
    row('report: navigation → first paint', med(report.map((r) => r.fp))),
    row('floor: a static extension page with one line of text, first contentful paint', floorFcp),
    row('report / floor (first contentful paint)', `${(fcp / floorFcp).toFixed(2)}×`),
    row('… report: DOMContentLoaded (its scripts loaded and run)', med(report.map((r) => r.dcl))),
    ...(headings.length ? [row('… report: its title in the DOM (data read, first screenful rendered)', med(headings))] : []),
    row('… floor: DOMContentLoaded', med(floor.map((f) => f.dcl))),
    row('report: every image decoded (ready to print)', med(report.map((r) => r.ready))),
    '',
    `report FCP samples (ms): ${list(report.map((r) => r.fcp))}`,
    `floor FCP samples (ms): ${list(floor.map((f) => f.fcp))}`,
  ].join('\n');
  return { text, missed: fcp > 500 };
}
