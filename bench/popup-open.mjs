// Popup cold open → Title field ready, against a blank extension page measured
// in the same browser, same run. Both times are read inside the page, relative
// to its navigation start (performance.timeOrigin), so Playwright's own
// overhead is not counted for either.
//
// Usage: npm run bench   (builds the E2E extension first)
import { rmSync } from 'node:fs';
import { BENCH_PROFILE, extensionWithFloors, launch, median, startSite } from './support.mjs';
import { within } from './wait.mjs';

const WARMUP = 3;

export async function benchPopupOpen({ opens: OPENS = Number(process.env.BENCH_OPENS ?? 25) } = {}) {
  const dir = extensionWithFloors('.output/chrome-mv3-e2e', 'bench-ext-');
  const site = await startSite();
  const session = await launch(dir);
  try {
    await session.worker.evaluate(async (profile) => {
      await chrome.storage.local.set({ profile });
    }, BENCH_PROFILE);
    const tab = await session.context.newPage();
    await tab.goto(`${site.origin}/grafana`);

    async function popupOnce() {
      const page = await session.context.newPage();
      await page.goto(session.url('popup.html'));
      const t = await within(
        "the popup's declare:title-ready mark with the Title field focused",
        15_000,
        page.waitForFunction(
          () => {
            const [mark] = performance.getEntriesByName('declare:title-ready');
            const input = document.activeElement;
            return mark && input?.tagName === 'INPUT' ? mark.startTime : null;
          },
          undefined,
          { timeout: 20_000 },
        ),
      );
      const ms = await t.jsonValue();
      await page.close();
      return ms;
    }
    async function blankOnce() {
      const page = await session.context.newPage();
      await page.goto(session.url('bench-blank.html'));
      const ms = await page.evaluate(() => {
        const [nav] = performance.getEntriesByType('navigation');
        return nav.domContentLoadedEventEnd;
      });
      await page.close();
      return ms;
    }

    async function floorOnce() {
      const page = await session.context.newPage();
      await page.goto(session.url('bench-floor.html'));
      const t = await within(
        "the floor page's floor-ready mark",
        15_000,
        page.waitForFunction(() => performance.getEntriesByName('floor-ready')[0]?.startTime, undefined, { timeout: 20_000 }),
      );
      const ms = await t.jsonValue();
      await page.close();
      return ms;
    }

    const popup = [];
    const blank = [];
    const floor = [];
    for (let i = 0; i < OPENS + WARMUP; i++) {
      // Interleaved so drift on a busy machine hits all alike.
      const p = await popupOnce();
      const b = await blankOnce();
      const f = await floorOnce();
      if (i >= WARMUP) {
        popup.push(p);
        blank.push(b);
        floor.push(f);
      }
    }
    return {
      opens: OPENS,
      popupMedian: median(popup),
      blankMedian: median(blank),
      floorMedian: median(floor),
      popup,
      blank,
    };
  } finally {
    await session.close();
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
