// Screenshot click → event stored and thumbnail shown in an open side panel,
// against one raw captureVisibleTab (same format) in the same run. Captures
// are spaced 700 ms apart so Chrome's 2-per-second limit never queues one.
import { launch, median, startSite } from './support.mjs';

const CAPTURES = Number(process.env.BENCH_CAPTURES ?? 21);
const SPACING_MS = 700;
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

export async function benchCapture(extensionDir = '.output/chrome-mv3-e2e') {
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
    await popup.getByRole('button', { name: 'Open side panel' }).waitFor();
    await popup.close();

    const { windowId, tabId } = await session.worker.evaluate(async (url) => {
      const [t] = await chrome.tabs.query({ url });
      return { windowId: t.windowId, tabId: t.id };
    }, `${site.origin}/dashboard`);
    // The side panel in a window of its own, so the page stays the captured tab.
    const opened = session.context.waitForEvent('page', (p) => p.url().startsWith(session.url('sidepanel.html')));
    await session.worker.evaluate(async (url) => {
      await chrome.windows.create({ url, type: 'popup', width: 420, height: 800 });
    }, session.url('sidepanel.html'));
    const panel = await opened;
    await panel.getByRole('button', { name: 'Capture benchmark' }).click();
    await panel.getByRole('heading', { level: 1, name: 'Capture benchmark' }).waitFor();
    const incidentId = await panel.evaluate(() => location.hash.split('/').at(-1));

    const click = [];
    const raw = [];
    for (let i = 0; i < CAPTURES; i++) {
      await sleep(SPACING_MS);
      raw.push(
        await session.worker.evaluate(async (w) => {
          const t0 = performance.now();
          await chrome.tabs.captureVisibleTab(w, { format: 'jpeg', quality: 92 });
          return performance.now() - t0;
        }, windowId),
      );
      await sleep(SPACING_MS);
      click.push(
        await panel.evaluate(
          async (target) => {
            const shown = () => document.querySelectorAll('.entry-screenshot img').length;
            const before = shown();
            const t0 = performance.now();
            const appeared = new Promise((ok) => {
              const observer = new MutationObserver(() => {
                if (shown() > before) {
                  observer.disconnect();
                  ok();
                }
              });
              observer.observe(document.body, { childList: true, subtree: true });
            });
            const reply = await chrome.runtime.sendMessage({ type: 'captureScreenshot', ...target });
            if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
            await appeared;
            return performance.now() - t0;
          },
          { incidentId, tabId, windowId },
        ),
      );
    }
    const sizes = await panel.evaluate(async () => {
      const db = await new Promise((ok) => {
        const r = indexedDB.open('incident-capture');
        r.onsuccess = () => ok(r.result);
      });
      const events = await new Promise((ok) => {
        const r = db.transaction('events').objectStore('events').getAll();
        r.onsuccess = () => ok(r.result);
      });
      db.close();
      return events
        .filter((e) => e.kind === 'screenshot')
        .map((e) => ({ bytes: e.body.byteLength, thumb: e.body.thumbnail.length, type: e.body.mimeType }));
    });
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
