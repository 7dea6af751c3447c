// Screenshot click → event stored and thumbnail shown in an open side panel,
// against one raw captureVisibleTab (same format) in the same run. Captures
// are spaced 700 ms apart so Chrome's 2-per-second limit never queues one.
import {
  BENCH_PROFILE,
  dashboardSettled,
  launch,
  median,
  networkReadMedians,
  startSite,
  storedScreenshotSizes,
  summariseSizes,
  timeClicksAgainstRaw,
} from './support.mjs';

/** `captures` past 15 matters: by then new entries land below the side panel's window (scrollTimelineToEnd in bench/support.mjs). */
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
    await dashboardSettled(tab);
    // A profile and an incident, made through the real popup page.
    await session.worker.evaluate(async (profile) => {
      await chrome.storage.local.set({ profile });
    }, BENCH_PROFILE);
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

    const { click, raw } = await timeClicksAgainstRaw(panel, {
      captures: CAPTURES,
      target: { incidentId, tabId, windowId },
      rawCapture: () =>
        session.worker.evaluate(async (w) => {
          const t0 = performance.now();
          await chrome.tabs.captureVisibleTab(w, { format: 'jpeg', quality: 92 });
          return performance.now() - t0;
        }, windowId),
    });
    const sizes = summariseSizes(await storedScreenshotSizes(panel), CAPTURES);
    const network = await networkReadMedians(
      (names) => session.worker.evaluate((n) => n.map((name) => performance.getEntriesByName(name).map((e) => e.duration)), names),
      CAPTURES,
    );
    return { captures: CAPTURES, clickMedian: median(click), rawMedian: median(raw), ...sizes, ...network, click, raw };
  } finally {
    await session.close();
    await site.close();
  }
}
