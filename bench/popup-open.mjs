// Popup cold open → Title field ready, against a blank extension page measured
// in the same browser, same run. Both times are read inside the page, relative
// to its navigation start (performance.timeOrigin), so Playwright's own
// overhead is not counted for either.
//
// Usage: npm run bench   (builds the E2E extension first)
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, median, startSite } from './support.mjs';
import { within } from './wait.mjs';

const WARMUP = 3;

export async function benchPopupOpen({ opens: OPENS = Number(process.env.BENCH_OPENS ?? 25) } = {}) {
  // A copy of the built extension plus one blank page: same origin, same
  // process model, nothing but an HTML document to load.
  const dir = mkdtempSync(join(tmpdir(), 'bench-ext-'));
  cpSync('.output/chrome-mv3-e2e', dir, { recursive: true });
  writeFileSync(join(dir, 'bench-blank.html'), '<!doctype html><html lang="en"><title>blank</title><body></body></html>');
  // A second floor: the least any popup that prefills from the tab must do —
  // one script that asks for the profile and the active tab, then focuses a field.
  writeFileSync(
    join(dir, 'bench-floor.js'),
    `Promise.all([chrome.storage.local.get('profile'), chrome.tabs.query({ active: true, lastFocusedWindow: true })])
      .then(([, [tab]]) => { const i = document.getElementById('t'); i.value = tab?.title ?? ''; i.focus(); performance.mark('floor-ready'); });`,
  );
  writeFileSync(
    join(dir, 'bench-floor.html'),
    '<!doctype html><html lang="en"><title>floor</title><input id="t"><script src="/bench-floor.js"></script></html>',
  );

  const site = await startSite();
  const session = await launch(dir);
  try {
    await session.worker.evaluate(async () => {
      await chrome.storage.local.set({
        profile: { userId: '0190a000-0000-7000-8000-000000000001', displayName: 'Bench' },
      });
    });
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
