import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { EvaluatesInPage } from './fixtures';

// The printable report's checks, shared by the Chromium (test/e2e/report.spec.ts)
// and Firefox (test/e2e-firefox/report.spec.ts) suites.

/** A title that would run script if anything put it into the page as HTML. */
export const MARKUP_TITLE = '<img src=x onerror=alert(1)> Checkout "down" & <b>out</b>';
export const NOTE = 'Rolled back deploy 412';

export interface ReportSnapshot {
  ready: string | null;
  heading: string;
  text: string;
  images: { src: string; alt: string; naturalWidth: number }[];
  notes: string[];
  /** Elements inside the heading: any means the title was parsed as HTML. */
  headingElements: number;
}

/** Waits for the report page's `data-ready="true"` (every image decoded or shown as a placeholder), then reads it. */
export async function readyReport(page: EvaluatesInPage, timeoutMs = 20_000): Promise<ReportSnapshot> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const snap = (await page.evaluate(() => {
      const main = document.querySelector('main');
      return {
        ready: main?.getAttribute('data-ready') ?? null,
        heading: document.querySelector('h1')?.textContent ?? '',
        text: document.body.innerText,
        images: [...document.querySelectorAll('img')].map((i) => ({ src: i.src, alt: i.alt, naturalWidth: i.naturalWidth })),
        notes: [...document.querySelectorAll('[role="note"]')].map((n) => n.textContent ?? ''),
        headingElements: document.querySelectorAll('h1 *').length,
      };
    }, null)) as ReportSnapshot;
    if (snap.ready === 'true') return snap;
    if (Date.now() > deadline) throw new Error(`The report never became ready (data-ready=${snap.ready}): ${snap.text.slice(0, 300)}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** What a reader of the report must see: the markup title as text, the note, one image, the removed one nowhere. */
export function expectReportContent(snap: ReportSnapshot): void {
  expect(snap.heading).toBe(MARKUP_TITLE);
  expect(snap.headingElements).toBe(0);
  expect(snap.images.every((i) => !i.src.endsWith('/x'))).toBe(true);
  expect(snap.text).toContain(NOTE);
  expect(snap.text).toContain('Removed a screenshot.'); // the redaction entry stays on record…
  expect(snap.text).not.toContain('Red dashboard'); // …the screenshot it removed is nowhere
  expect(snap.images).toEqual([expect.objectContaining({ alt: 'Screenshot of Boxes', src: expect.stringMatching(/^blob:/) })]);
  expect(snap.images[0]!.naturalWidth).toBeGreaterThan(100); // the full image, not the thumbnail
  // The page's requests, every list open: the Boxes page's own navigation among the slowest. Not
  // necessarily first: Firefox records the favicon's request too, and under load it can be the slower
  // (CI at d9f5897: favicon.ico 98 ms, /boxes 90 ms). On failure, the report's text from the Boxes
  // screenshot on, whole (a plain toMatch cuts it to a few words).
  const fromBoxes = snap.text.slice(snap.text.indexOf('Screenshot of Boxes'));
  const slowest = fromBoxes.slice(fromBoxes.indexOf('Slowest requests')).split('\n\n')[0]!;
  expect(slowest, `the report from its Boxes screenshot: ${JSON.stringify(fromBoxes.slice(0, 1_500))}`).toMatch(
    /^Slowest requests\n(?:.*\n)*.*http:\/\/127\.0\.0\.1:\d+\/boxes\b/,
  );
  for (const label of ['Severity', 'Status', 'Lead', 'Declared', 'Follow-ups', 'Timeline']) expect(snap.text).toMatch(new RegExp(label, 'i'));
  expect(snap.text).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d UTC \(.+, local time\)/);
}

/** The text of a PDF, as Debian's poppler-utils pdftotext reads it. */
export function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What the printed report must hold: the title literally, the note, the ref line; no buttons. */
export function expectPdfContent(text: string): void {
  const flat = text.replace(/\s+/g, ' ');
  expect(flat).toContain(MARKUP_TITLE);
  expect(flat).toContain(NOTE);
  expect(flat).toMatch(/[0-9a-f]{8} · Incident report · Generated/);
  expect(flat).not.toContain('Print / Save as PDF');
  expect(flat).not.toContain('Red dashboard');
}

/**
 * Replaces the stored bytes of the screenshot shown as `alt` (null deletes
 * them: an image not on this device, as a teammate's before it downloads).
 * Raw IndexedDB in an extension page, as the other stored-data checks.
 */
export function setImageBytes(page: EvaluatesInPage, pageTitle: string, bytes: number[] | null): Promise<void> {
  return page.evaluate(
    async ({ pageTitle, bytes }: { pageTitle: string; bytes: number[] | null }) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const open = indexedDB.open('incident-capture');
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      const events = await new Promise<{ kind: string; body: { pageTitle?: string; blobId: string; mimeType: string } }[]>((ok) => {
        const r = db.transaction('events').objectStore('events').getAll();
        r.onsuccess = () => ok(r.result);
      });
      const shot = events.find((e) => e.kind === 'screenshot' && e.body.pageTitle === pageTitle)!;
      await new Promise<void>((ok, fail) => {
        const tx = db.transaction('blobs', 'readwrite');
        const blobs = tx.objectStore('blobs');
        const r = blobs.get(shot.body.blobId);
        r.onsuccess = () => {
          if (bytes === null) blobs.delete(shot.body.blobId);
          else blobs.put({ ...r.result, bytes: new Blob([new Uint8Array(bytes)], { type: shot.body.mimeType }) });
        };
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
    },
    { pageTitle, bytes },
  );
}

/** A page is not JSON-able bytes of a picture: four bytes that no decoder accepts. */
export const BROKEN_IMAGE = [1, 2, 3, 4];

const BAD_ROUTES: [hash: string, says: string][] = [
  ['', 'No incident was named'],
  ['#/incident/not-an-id', 'This report link is not valid'],
  ['#/incident/0190a000-0000-7000-8000-00000000dead', 'This incident is not on this device'],
];

/** Opens report.html with no, a malformed and an unknown incident id: each says why there is no report. */
export async function expectBadRoutesExplained(open: (path: string) => Promise<EvaluatesInPage & { close(): Promise<void> }>) {
  for (const [hash, says] of BAD_ROUTES) {
    const page = await open(`report.html${hash}`);
    const snap = await readyReport(page);
    expect(snap.heading).toBe('No report to show');
    expect(snap.text).toContain(says);
    await page.close();
  }
}
