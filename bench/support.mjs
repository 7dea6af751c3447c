import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from '../test/support/chromium.mjs';
import { DASHBOARD_REQUESTS, NETWORK_PROBE_MEASURE, NETWORK_READ_MEASURE } from './network-measures.mjs';
import { within } from './wait.mjs';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const launch = (extensionDir) => launchWithExtension(extensionDir);

// A dashboard-like page: text, a grid and a chart, so encoded sizes are realistic.
const DASHBOARD = `<!doctype html><title>Checkout latency - Grafana</title>
<style>body{margin:0;font:13px system-ui,sans-serif;background:#111217;color:#ccccdc}
header{padding:10px 16px;background:#181b1f;border-bottom:1px solid #2c3235}
.grid{display:grid;grid-template-columns:repeat(3,1fr);gap:8px;padding:8px}
.panel{background:#181b1f;border:1px solid #2c3235;padding:8px;height:230px}
svg{width:100%;height:180px}</style>
<header>Checkout / latency p99 · last 6 hours · refresh 30s</header><div class="grid">${Array.from(
  { length: 6 },
  (_, i) => `<div class="panel"><div>Panel ${i + 1}: p99 latency (ms)</div><svg viewBox="0 0 300 100" preserveAspectRatio="none">
  <polyline fill="none" stroke="${['#73bf69', '#f2cc0c', '#ff7383', '#5794f2', '#b877d9', '#ff9830'][i]}" stroke-width="1.5" points="${Array.from(
    { length: 60 },
    (_, x) => `${x * 5},${50 + Math.round(30 * Math.sin((x + i * 7) / 4) + ((x * 37 + i * 11) % 17) - 8)}`,
  ).join(' ')}"/></svg></div>`,
).join('')}</div>
<script>
// The page's own requests, as a dashboard makes them: ${DASHBOARD_REQUESTS} panel queries, a few failing,
// so every capture reads a realistic Resource Timing list (and the side panel shows the lists).
Promise.all(Array.from({ length: ${DASHBOARD_REQUESTS} }, (_, i) => fetch('/api/panel?i=' + i).then((r) => r.text())))
  .then(() => { document.body.dataset.settled = String(performance.getEntriesByType('resource').length); });
</script>`;

export async function startSite() {
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/api/panel')) {
      const i = Number(new URL(req.url, 'http://x').searchParams.get('i'));
      res.writeHead(i % 50 === 7 ? 500 : 200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      return res.end('{"points":[]}');
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(req.url === '/dashboard' ? DASHBOARD : '<!doctype html><title>Checkout errors spiking - Grafana</title><h1>graph</h1>');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

/** Between captures, in both browsers: Chrome allows 2 a second, so a 700 ms gap never queues one. */
export const SPACING_MS = 700;
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/**
 * The capture bench's loop, for either browser: `captures` times, a raw
 * capture timed by `rawCapture()` (resolving to its milliseconds, measured in
 * the extension), then a Screenshot click timed to its thumbnail in `panel`.
 */
export async function timeClicksAgainstRaw(panel, { captures, target, rawCapture }) {
  const click = [];
  const raw = [];
  for (let i = 0; i < captures; i++) {
    await sleep(SPACING_MS);
    raw.push(await within(`raw captureVisibleTab ${i + 1} of ${captures}`, 15_000, rawCapture()));
    await sleep(SPACING_MS);
    await scrollTimelineToEnd(panel);
    click.push(await clickToThumbnail(panel, target, `capture ${i + 1} of ${captures}`));
  }
  return { click, raw };
}

/** The profile the benches store first, so the popup skips its first-run form. */
export const BENCH_PROFILE = { userId: '0190a000-0000-7000-8000-000000000001', displayName: 'Bench' };

/**
 * A copy of the built extension plus the popup bench's two floors, for either
 * browser: a blank page (same origin, same process model, nothing but an
 * HTML document to load) and the least any popup that prefills from the tab
 * must do — one script that asks for the profile and the active tab, then
 * focuses a field. (Firefox's `chrome` returns promises in MV3, as boot.ts
 * relies on.) The caller removes the folder.
 */
export function extensionWithFloors(extensionDir, prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(extensionDir, dir, { recursive: true });
  writeFileSync(join(dir, 'bench-blank.html'), '<!doctype html><html lang="en"><title>blank</title><body></body></html>');
  writeFileSync(
    join(dir, 'bench-floor.js'),
    `Promise.all([chrome.storage.local.get('profile'), chrome.tabs.query({ active: true, lastFocusedWindow: true })])
      .then(([, [tab]]) => { const i = document.getElementById('t'); i.value = tab?.title ?? ''; i.focus(); performance.mark('floor-ready'); });`,
  );
  writeFileSync(
    join(dir, 'bench-floor.html'),
    '<!doctype html><html lang="en"><title>floor</title><input id="t"><script src="/bench-floor.js"></script></html>',
  );
  return dir;
}

/**
 * The timeline is windowed (components/Timeline.tsx renders what is on screen
 * plus a few rows), so an entry appended below the fold is never drawn:
 * counting rendered thumbnails hung at the 15th capture. Scroll to the end
 * first, as someone watching the timeline would, and let two frames pass.
 * `panel` is a Playwright or puppeteer page (both have `evaluate(fn, arg)`).
 */
export async function scrollTimelineToEnd(panel) {
  await panel.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await within(
    'two frames after scrolling the timeline to its end',
    5_000,
    panel.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)))),
  );
}

/**
 * Sends `captureScreenshot` for `target` from the side panel — what the
 * popup's Screenshot button sends — and returns the milliseconds, timed in the
 * panel, until a thumbnail shows in a timeline row past the last one rendered
 * before the send.
 */
export function clickToThumbnail(panel, target, label) {
  return within(
    `${label}: stored and its thumbnail shown`,
    20_000,
    panel.evaluate(
      async ({ target, label }) => {
        const lastIndex = () =>
          Math.max(-1, ...[...document.querySelectorAll('.timeline li[data-index]')].map((li) => Number(li.dataset.index)));
        const before = lastIndex();
        const shown = () =>
          [...document.querySelectorAll('.timeline li.entry-screenshot[data-index]')].some(
            (li) => Number(li.dataset.index) > before && li.querySelector('img'),
          );
        const t0 = performance.now();
        let observer;
        const appeared = new Promise((ok, fail) => {
          const timer = setTimeout(() => {
            observer.disconnect();
            fail(new Error(`bench: no thumbnail after timeline row ${before} within 10 s (${label})`));
          }, 10_000);
          observer = new MutationObserver(() => {
            if (!shown()) return;
            observer.disconnect();
            clearTimeout(timer);
            ok();
          });
          observer.observe(document.body, { childList: true, subtree: true });
        });
        // Chromium's `chrome` or Firefox's `browser`: both return a promise in MV3.
        const reply = await (globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: 'captureScreenshot', ...target });
        if (!reply?.ok) {
          observer.disconnect();
          throw new Error(reply?.error ?? 'no reply to captureScreenshot');
        }
        await appeared;
        return performance.now() - t0;
      },
      { target, label },
    ),
  );
}

/** Every stored screenshot's bytes, thumbnail length, type and size, read back from the panel's IndexedDB. */
export function storedScreenshotSizes(panel) {
  return within(
    "the stored screenshots read back from the side panel's IndexedDB",
    15_000,
    panel.evaluate(async () => {
      const db = await new Promise((ok, fail) => {
        const r = indexedDB.open('incident-capture');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      const events = await new Promise((ok, fail) => {
        const r = db.transaction('events').objectStore('events').getAll();
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      db.close();
      return events
        .filter((e) => e.kind === 'screenshot')
        .map((e) => ({
          bytes: e.body.byteLength,
          thumb: e.body.thumbnail.length,
          type: e.body.mimeType,
          size: `${e.body.width}×${e.body.height}`,
        }));
    }),
  );
}

/** Medians and maxima of `storedScreenshotSizes`, after checking every capture was stored. */
export function summariseSizes(sizes, captures) {
  if (sizes.length !== captures) throw new Error(`bench: ${sizes.length} screenshots stored, expected ${captures}`);
  return {
    bytesMedian: median(sizes.map((s) => s.bytes)),
    bytesMax: Math.max(...sizes.map((s) => s.bytes)),
    thumbMedian: median(sizes.map((s) => s.thumb)),
    thumbMax: Math.max(...sizes.map((s) => s.thumb)),
    types: [...new Set(sizes.map((s) => s.type))],
    imageSizes: [...new Set(sizes.map((s) => s.size))],
  };
}

/** Waits until the dashboard's own requests are done (`tab`: a Playwright or puppeteer page). */
export async function dashboardSettled(tab) {
  await within('the dashboard’s requests', 30_000, tab.waitForSelector('body[data-settled]', { timeout: 30_000 }));
}

/**
 * The network reads of a run, from the measures the background records
 * (entrypoints/background/capture-deps.ts): the executeScript round trip and
 * the probe's own time in the page, medians of the last `count`. `read(names)`
 * answers each name's durations, evaluated in the background.
 */
export async function networkReadMedians(read, count) {
  const [trip, probe] = await read([NETWORK_READ_MEASURE, NETWORK_PROBE_MEASURE]);
  if (trip.length < count || probe.length < count) {
    throw new Error(`bench: ${trip.length} network reads (${probe.length} with their in-page time) for ${count} captures`);
  }
  return { networkTripMedian: median(trip.slice(-count)), networkProbeMedian: median(probe.slice(-count)), networkTrip: trip.slice(-count), networkProbe: probe.slice(-count) };
}
