// The printable report's first paint (issue 11's budget: a 500-entry timeline
// with 50 images, first paint ≤ 500 ms), in headless Chromium with the built
// extension. One incident is written into the extension's IndexedDB (events and
// projection by bench/report-data.ts, 50 WebP screenshots of 1280×800 drawn and
// encoded in the page), then report.html#/incident/<id> is loaded afresh
// LOADS times, interleaved with a floor page: a static extension page with one
// line of text. Both times are the page's own Paint Timing entries
// (https://w3c.github.io/paint-timing/), relative to its navigation start, so
// the driver's overhead counts for neither. Prints a Markdown table; fails
// when the target is missed (not on a smoke run).
// Run: npm run bench:report (after npm run build:e2e).
import { expect, it } from 'vitest';
import { generateReportData } from './report-data';
import { ENTRIES, FLOOR_HTML, FLOOR_PAGE, IMAGES, LOADS, WARMUP, paintOf, reportLoad, reportTable, storeImages, type Paint, type ReportLoad } from './report-browser';
import { startSidePanelBench } from './sidepanel-browser';
import { SMOKE } from './wait.mjs';

/** Installed before any page script: when the report's title is first in the DOM (React's first commit of the report). */
function noteHeading() {
  const observer = new MutationObserver(() => {
    if (!document.getElementById('report-title')) return;
    (window as unknown as { __heading: number }).__heading = performance.now();
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

it('printable report in Chromium: first paint with a 500-entry timeline and 50 images', { timeout: 600_000 }, async () => {
  const data = generateReportData({ entries: ENTRIES, images: IMAGES });
  expect(data.events).toHaveLength(ENTRIES);
  expect(data.blobIds).toHaveLength(IMAGES);
  // A report-sized window: the text above the fold is what first paint draws.
  const bench = await startSidePanelBench(data, { pages: { [FLOOR_PAGE]: FLOOR_HTML }, viewport: { width: 1000, height: 900 } });
  const { session } = bench;
  try {
    const setup = await session.context.newPage();
    await setup.goto(session.url(FLOOR_PAGE));
    const imageBytes = await storeImages(setup, { blobIds: data.blobIds, incidentId: data.longIncidentId });
    await setup.close();

    const report: ReportLoad[] = [];
    const floor: Paint[] = [];
    for (let i = 0; i < LOADS + WARMUP; i++) {
      // Interleaved, so drift on a busy machine hits both alike.
      let page = await session.context.newPage();
      await page.addInitScript(noteHeading);
      await page.goto(session.url(`report.html#/incident/${data.longIncidentId}`));
      const r = await reportLoad(page);
      await page.close();
      page = await session.context.newPage();
      await page.goto(session.url(FLOOR_PAGE));
      const f = await paintOf(page, 'the floor page');
      await page.close();
      expect(r.entries).toBe(ENTRIES); // every entry is in the document (a printout needs them all)…
      expect(r.images).toBe(IMAGES); // …and every image decoded by the ready mark
      if (i >= WARMUP) {
        report.push(r);
        floor.push(f);
      }
    }
    const table = reportTable('Printable report, Chromium (headless)', imageBytes, report, floor);
    console.log(table.text);
    if (!SMOKE) expect(table.missed).toBe(false);
  } finally {
    await bench.close();
  }
});
