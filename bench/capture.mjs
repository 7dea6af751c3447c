// Screenshot click → event stored and thumbnail shown in an open side panel,
// against one raw captureVisibleTab (same format) in the same run. Captures
// are spaced 700 ms apart so Chrome's 2-per-second limit never queues one.
import { launch, median, startSite } from './support.mjs';
import { within } from './wait.mjs';

const SPACING_MS = 700;
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** `captures` past 15 matters: by then new entries land below the side panel's window (see below). */
export async function benchCapture({
  extensionDir = '.output/chrome-mv3-e2e',
  captures: CAPTURES = Number(process.env.BENCH_CAPTURES ?? 21),
} = {}) {
  const site = await startSite();
  const session = await launch(extensionDir);
  try {
    const tab = await session.context.newPage();
    await tab.setViewportSize({ width: 1280, height: 800 });
    await tab.goto(`${site.origin}/dashboard`);
    // A profile and an incident, made through the real popup page.
    await session.worker.evaluate(async () => {
      await chrome.storage.local.set({ profile: { userId: '0190a000-0000-7000-8000-000000000001', displayName: 'Bench' } });
    });
    const popup = await session.context.newPage();
    await popup.goto(session.url('popup.html'));
    await popup.getByLabel('Title', { exact: true }).fill('Capture benchmark');
    await popup.getByRole('button', { name: 'Declare incident' }).click();
    await popup.getByRole('button', { name: 'Open side panel' }).waitFor({ timeout: 30_000 });
    await popup.close();

    const { windowId, tabId } = await session.worker.evaluate(async (url) => {
      const [t] = await chrome.tabs.query({ url });
      return { windowId: t.windowId, tabId: t.id };
    }, `${site.origin}/dashboard`);
    // The side panel in a window of its own, so the page stays the captured tab.
    const opened = session.context.waitForEvent('page', {
      predicate: (p) => p.url().startsWith(session.url('sidepanel.html')),
      timeout: 30_000,
    });
    await session.worker.evaluate(async (url) => {
      await chrome.windows.create({ url, type: 'popup', width: 420, height: 800 });
    }, session.url('sidepanel.html'));
    const panel = await opened;
    await panel.getByRole('button', { name: 'Capture benchmark' }).click();
    await panel.getByRole('heading', { level: 1, name: 'Capture benchmark' }).waitFor({ timeout: 30_000 });
    const incidentId = await panel.evaluate(() => location.hash.split('/').at(-1));

    const click = [];
    const raw = [];
    for (let i = 0; i < CAPTURES; i++) {
      await sleep(SPACING_MS);
      raw.push(
        await within(
          `raw captureVisibleTab ${i + 1} of ${CAPTURES}`,
          15_000,
          session.worker.evaluate(async (w) => {
            const t0 = performance.now();
            await chrome.tabs.captureVisibleTab(w, { format: 'jpeg', quality: 92 });
            return performance.now() - t0;
          }, windowId),
        ),
      );
      await sleep(SPACING_MS);
      // The timeline is windowed (components/Timeline.tsx renders what is on
      // screen plus a few rows), so an entry appended below the fold is never
      // drawn: counting rendered thumbnails hung at the 15th capture. Scroll to
      // the end first, as someone watching the timeline would, and wait for a
      // thumbnail in a row past the last one rendered before the click.
      await panel.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await within(
        'two frames after scrolling the timeline to its end',
        5_000,
        panel.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)))),
      );
      click.push(
        await within(
          `capture ${i + 1} of ${CAPTURES}: stored and its thumbnail shown`,
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
              const reply = await chrome.runtime.sendMessage({ type: 'captureScreenshot', ...target });
              if (!reply?.ok) {
                observer.disconnect();
                throw new Error(reply?.error ?? 'no reply to captureScreenshot');
              }
              await appeared;
              return performance.now() - t0;
            },
            { target: { incidentId, tabId, windowId }, label: `capture ${i + 1}` },
          ),
        ),
      );
    }
    const sizes = await within(
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
          .map((e) => ({ bytes: e.body.byteLength, thumb: e.body.thumbnail.length, type: e.body.mimeType }));
      }),
    );
    if (sizes.length !== CAPTURES) throw new Error(`bench: ${sizes.length} screenshots stored, expected ${CAPTURES}`);
    return {
      captures: CAPTURES,
      clickMedian: median(click),
      rawMedian: median(raw),
      bytesMedian: median(sizes.map((s) => s.bytes)),
      bytesMax: Math.max(...sizes.map((s) => s.bytes)),
      thumbMedian: median(sizes.map((s) => s.thumb)),
      thumbMax: Math.max(...sizes.map((s) => s.thumb)),
      types: [...new Set(sizes.map((s) => s.type))],
      click,
      raw,
    };
  } finally {
    await session.close();
    await site.close();
  }
}
