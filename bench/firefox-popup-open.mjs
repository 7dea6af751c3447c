// Popup cold open → Title field ready in Firefox ESR, against a blank page of
// the same extension opened the same way, same run (bench/popup-open.mjs is
// the Chromium twin; the figures sit side by side in bench/README.md).
//
// How it is timed, and why not as in Chromium: over WebDriver BiDi,
// `page.goto('moz-extension://…')` never resolves (test/support/firefox.mjs),
// so there is no "navigation done" event to time from Node. Both pages are
// therefore timed inside the page, exactly as the Chromium bench reads them,
// relative to the new document's navigation start (performance.timeOrigin):
// - popup: the startTime of the product's own `declare:title-ready` mark
//   (lib/perf/marks.ts, set by entrypoints/popup/shell.ts once Title is
//   rendered, prefilled and focused);
// - blank: PerformanceNavigationTiming.domContentLoadedEventEnd.
// Node then reads those values; its own latency is never part of a figure.
// It reads only after QUIET_MS: each read is a script evaluation in the page
// over BiDi, and reading every 25 ms from the start of the navigation slowed
// the very loads being timed (a probe on the busy machine, 10 loads each: the
// blank page's DOMContentLoaded median 296 ms polled against 135 ms read
// after a quiet second). Both pages are read the same way. Firefox rounds
// performance.now() to 1 ms by default (privacy.reduceTimerPrecision),
// plenty for figures of tens of milliseconds.
import { rmSync } from 'node:fs';
import { launchFirefoxWithExtension } from '../test/support/firefox.mjs';
import { BENCH_PROFILE, extensionWithFloors, median, startSite } from './support.mjs';
import { within } from './wait.mjs';

const WARMUP = 3;
const QUIET_MS = 1_000;
const POLL_MS = 50;
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Opens `url` in a new tab, lets it load undisturbed for QUIET_MS, then polls
 * `probe` (a function source run in the page, returning null until it has its
 * answer) until it answers from that URL.
 */
async function openAndRead(session, url, probe, what) {
  const page = await session.browser.newPage();
  let gaveUp = false;
  try {
    void page.goto(url).catch(() => undefined); // never settles for moz-extension:// (see above)
    const read = async () => {
      await sleep(QUIET_MS);
      while (!gaveUp) {
        await sleep(POLL_MS);
        const value = await page
          .evaluate(`location.href === ${JSON.stringify(url)} ? (${probe})() : null`)
          .catch(() => null); // the document may be swapped mid-evaluation
        if (value != null) return value;
      }
    };
    return await within(what, 15_000, read());
  } finally {
    gaveUp = true;
    await page.close().catch(() => undefined);
  }
}

export async function benchFirefoxPopupOpen({
  extensionDir = '.output/firefox-mv3-e2e',
  opens: OPENS = Number(process.env.BENCH_OPENS ?? 25),
} = {}) {
  // The Chromium bench's floors, word for word (bench/support.mjs).
  const dir = extensionWithFloors(extensionDir, 'bench-ff-ext-');
  const site = await startSite();
  const session = await launchFirefoxWithExtension(dir);
  try {
    await session.background(
      (bg, profile) => bg.browser.storage.local.set({ profile }).then(() => true),
      BENCH_PROFILE,
    );
    // A normal page for the popup to prefill from, as in the Chromium bench.
    const tab = await session.browser.newPage();
    await tab.goto(`${site.origin}/grafana`);

    // The popup's own DOMContentLoaded comes back too, to show how much of
    // its time is loading the document and how much is boot.ts's work after.
    const popupOnce = () =>
      openAndRead(
        session,
        session.url('popup.html'),
        `() => {
          const [mark] = performance.getEntriesByName('declare:title-ready');
          const [nav] = performance.getEntriesByType('navigation');
          return mark && document.activeElement?.tagName === 'INPUT' ? [mark.startTime, nav.domContentLoadedEventEnd] : null;
        }`,
        "the popup's declare:title-ready mark with the Title field focused",
      );
    const blankOnce = () =>
      openAndRead(
        session,
        session.url('bench-blank.html'),
        `() => {
          const [nav] = performance.getEntriesByType('navigation');
          return nav && nav.domContentLoadedEventEnd > 0 ? nav.domContentLoadedEventEnd : null;
        }`,
        "the blank page's DOMContentLoaded",
      );
    const floorOnce = () =>
      openAndRead(
        session,
        session.url('bench-floor.html'),
        `() => performance.getEntriesByName('floor-ready')[0]?.startTime ?? null`,
        "the floor page's floor-ready mark",
      );

    const popup = [];
    const popupDcl = [];
    const blank = [];
    const floor = [];
    for (let i = 0; i < OPENS + WARMUP; i++) {
      // Interleaved so drift on a busy machine hits all alike.
      const [p, pDcl] = await popupOnce();
      const b = await blankOnce();
      const f = await floorOnce();
      if (i >= WARMUP) {
        popup.push(p);
        popupDcl.push(pDcl);
        blank.push(b);
        floor.push(f);
      }
    }
    return {
      opens: OPENS,
      popupMedian: median(popup),
      popupDclMedian: median(popupDcl),
      blankMedian: median(blank),
      floorMedian: median(floor),
      popup,
      blank,
      floor,
    };
  } finally {
    await session.close();
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
