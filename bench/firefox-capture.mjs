// Screenshot click → event stored and thumbnail shown in an open side panel,
// in Firefox ESR, against one raw tabs.captureVisibleTab (same format) from
// the extension's background page in the same run. The Chromium twin is
// bench/capture.mjs; this one takes the same steps and times the same span:
// - the side panel (sidebar in Firefox) is opened as sidepanel.html in a
//   window of its own, so the dashboard stays the captured tab;
// - it sends `captureScreenshot` with the dashboard's tab — what the popup's
//   Screenshot button sends — and is timed inside the panel with
//   performance.now(), from the send until a MutationObserver sees the new
//   thumbnail in a timeline row past the last one rendered (the timeline is
//   windowed: see scrollTimelineToEnd in bench/support.mjs);
// - the floor is timed in the extension with performance.now() around
//   `browser.tabs.captureVisibleTab(windowId, {format:'jpeg',quality:92})`,
//   the call the product makes (entrypoints/background/capture-deps.ts), on
//   the background page's `browser` (session.background runs it from an
//   extension page in the same process).
// Each figure is read in the browser, so BiDi's round trips count in neither.
// Captures keep Chromium's 700 ms spacing, though Firefox documents no
// 2-per-second limit, so the two browsers run the same schedule.
//
// Diagnostics, not targets, say where the time goes, timed the same way as
// the floor, with the background page's APIs: one scripting.executeScript round trip into the dashboard
// (masking makes two: mask, unmask), and a raw capture decoded (fetch →
// createImageBitmap, as lib/capture/canvas-codec.ts does) then encoded once as
// WebP at the encode ladder's first quality on an OffscreenCanvas, then as
// JPEG at the same quality for comparison.
import { resolve } from 'node:path';
import { findPage, launchFirefoxWithExtension } from '../test/support/firefox.mjs';
import {
  BENCH_PROFILE,
  dashboardSettled,
  median,
  networkReadMedians,
  startSite,
  storedScreenshotSizes,
  summariseSizes,
  SPACING_MS,
  timeClicksAgainstRaw,
} from './support.mjs';
import { within } from './wait.mjs';

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

const aria = (role, name) => `::-p-aria([name="${name}"][role="${role}"])`;

/** The size of what `captureVisibleTab` returns for `windowId` right now (the dashboard must be its active tab). */
function capturedSize(session, windowId, tabId) {
  return session.background(
    async (bg, [w, t]) => {
      const [active] = await bg.browser.tabs.query({ windowId: w, active: true });
      if (active?.id !== t) return { wrongTab: active?.url ?? 'none' };
      const dataUrl = await bg.browser.tabs.captureVisibleTab(w, { format: 'jpeg', quality: 92 });
      const bitmap = await bg.createImageBitmap(await (await bg.fetch(dataUrl)).blob());
      return { width: bitmap.width, height: bitmap.height };
    },
    [windowId, tabId],
  );
}

/**
 * Makes the dashboard the captured tab and sizes its window so captures are
 * width×height CSS px, like the Chromium bench's 1280×800 viewport. Firefox
 * opens an extension's sidebar_action when it is installed (MDN,
 * sidebar_action.open_at_install, default true), and headless Firefox still
 * lays it out: a window launched at 1280×800 captured 1024×714 (256 px of
 * sidebar, 86 px of toolbars). The sidebar cannot be closed from here
 * (sidebarAction.close() wants a user gesture), so the window grows instead.
 */
async function fitCaptureTo(session, windowId, tabId, width, height) {
  await session.background((bg, t) => bg.browser.tabs.update(t, { active: true }).then(() => true), tabId);
  const first = await capturedSize(session, windowId, tabId);
  if (first.wrongTab) throw new Error(`bench: the dashboard is not the active tab (${first.wrongTab} is)`);
  await session.background(
    (bg, [w, dw, dh]) =>
      bg.browser.windows
        .get(w)
        .then((win) => bg.browser.windows.update(w, { width: win.width + dw, height: win.height + dh }))
        .then(() => true),
    [windowId, width - first.width, height - first.height],
  );
  const deadline = Date.now() + 5_000;
  for (;;) {
    const now = await capturedSize(session, windowId, tabId);
    if (now.width === width && now.height === height) return;
    if (Date.now() > deadline) {
      throw new Error(`bench: captures are ${now.width}×${now.height} after resizing the window, not ${width}×${height}`);
    }
    await sleep(200);
  }
}

/** `captures` past 15 matters: by then new entries land below the side panel's window (scrollTimelineToEnd in bench/support.mjs). */
export async function benchFirefoxCapture({
  extensionDir = '.output/firefox-mv3-e2e',
  captures: CAPTURES = Number(process.env.BENCH_CAPTURES ?? 21),
  diagnostics = 7,
} = {}) {
  const site = await startSite();
  // An absolute path: BiDi's webExtension.install refuses a relative one.
  const session = await launchFirefoxWithExtension(resolve(extensionDir), { width: 1280, height: 800 });
  try {
    const dashboardUrl = `${site.origin}/dashboard`;
    // A profile and an incident, made through the real popup page.
    await session.background(
      (bg, profile) => bg.browser.storage.local.set({ profile }).then(() => true),
      BENCH_PROFILE,
    );
    const popup = await session.openExtensionPage('popup.html');
    await popup.locator(aria('textbox', 'Title')).fill('Capture benchmark');
    await popup.locator(aria('button', 'Declare incident')).click();
    await popup.locator(aria('button', 'Open side panel')).setTimeout(30_000).wait();
    await popup.close();

    const tab = await session.browser.newPage();
    // No emulated viewport: captureVisibleTab ignores it and captures the window's own.
    await tab.setViewport(null).catch(() => undefined);
    await tab.goto(dashboardUrl);
    await dashboardSettled(tab);
    const { windowId, tabId } = await session.background(
      // Filtered here: `tabs.query({ url })` with this http://127.0.0.1:<port>/ URL found nothing in Firefox ESR 153.
      (bg, url) =>
        bg.browser.tabs.query({}).then((tabs) => {
          const t = tabs.find((x) => x.url === url);
          return { windowId: t.windowId, tabId: t.id };
        }),
      dashboardUrl,
    );
    await fitCaptureTo(session, windowId, tabId, 1280, 800);

    await session.background(
      (bg, url) => bg.browser.windows.create({ url, type: 'popup', width: 420, height: 800 }).then(() => true),
      session.url('sidepanel.html'),
    );
    const panel = await findPage(session.browser, session.url('sidepanel.html'), 30_000);
    await panel.locator(aria('button', 'Capture benchmark')).setTimeout(30_000).click();
    await panel.locator(aria('heading', 'Capture benchmark')).setTimeout(30_000).wait();
    const incidentId = await panel.evaluate(() => location.hash.split('/').at(-1));

    const { click, raw } = await timeClicksAgainstRaw(panel, {
      captures: CAPTURES,
      target: { incidentId, tabId, windowId },
      rawCapture: () =>
        session.background(async (bg, w) => {
          const t0 = bg.performance.now();
          await bg.browser.tabs.captureVisibleTab(w, { format: 'jpeg', quality: 92 });
          return bg.performance.now() - t0;
        }, windowId),
    });

    // Diagnostics (see the top of this file).
    const stages = [];
    for (let i = 0; i < diagnostics; i++) {
      await sleep(SPACING_MS);
      stages.push(
        await within(
          `decode and WebP encode of a raw capture (${i + 1})`,
          15_000,
          session.background(async (bg, [w, tab]) => {
            // Masking calls into the page twice (mask, unmask) with scripting.executeScript.
            const s0 = bg.performance.now();
            await bg.browser.scripting.executeScript({ target: { tabId: tab }, func: () => 1 });
            const script = bg.performance.now() - s0;
            const dataUrl = await bg.browser.tabs.captureVisibleTab(w, { format: 'jpeg', quality: 92 });
            const t0 = bg.performance.now();
            const bitmap = await bg.createImageBitmap(await (await bg.fetch(dataUrl)).blob());
            const t1 = bg.performance.now();
            const canvas = new bg.OffscreenCanvas(bitmap.width, bitmap.height);
            canvas.getContext('2d').drawImage(bitmap, 0, 0);
            const blob = await canvas.convertToBlob({ type: 'image/webp', quality: 0.82 });
            const t2 = bg.performance.now();
            // The same canvas as JPEG, for comparison: the ladder tries JPEG only when WebP misses the budget.
            const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.82 });
            const t3 = bg.performance.now();
            return { script, decode: t1 - t0, encode: t2 - t1, type: blob.type, webpBytes: blob.size, jpeg: t3 - t2, jpegBytes: jpeg.size };
          }, [windowId, tabId]),
        ),
      );
    }

    const sizes = summariseSizes(await storedScreenshotSizes(panel), CAPTURES);
    const network = await networkReadMedians(
      (names) => session.background((bg, n) => n.map((name) => bg.performance.getEntriesByName(name).map((e) => e.duration)), names),
      CAPTURES,
    );
    return {
      ...network,
      captures: CAPTURES,
      clickMedian: median(click),
      rawMedian: median(raw),
      scriptMedian: median(stages.map((s) => s.script)),
      decodeMedian: median(stages.map((s) => s.decode)),
      encodeMedian: median(stages.map((s) => s.encode)),
      encodeType: [...new Set(stages.map((s) => s.type))],
      webpBytes: median(stages.map((s) => s.webpBytes)),
      jpegMedian: median(stages.map((s) => s.jpeg)),
      jpegBytes: median(stages.map((s) => s.jpegBytes)),
      ...sizes,
      click,
      raw,
    };
  } finally {
    await session.close();
    await site.close();
  }
}
