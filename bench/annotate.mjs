// Annotate, then Save, on a 1280×800 screenshot: from the Save click until the
// annotated copy's thumbnail shows in the timeline (in the original's place),
// in Chromium and in Firefox ESR, with two floors measured in the same page
// and run (issue 11: "≤ 150 ms from Save to the new entry shown"):
// - drop → shown: the same 1280×800 image dropped on the composer, timed
//   until its thumbnail shows: the plain write path (decode, encode within the
//   size budget, thumbnail, addScreenshot, the timeline re-rendering) with no
//   drawing — what a save cannot do without;
// - decode + encode: createImageBitmap of the stored image and one WebP
//   encode (q 0.82, the encode ladder's first step) on an OffscreenCanvas.
// Every figure is timed in the page with performance.now(), so the driver's
// round trips count in none. The box is drawn with the driver's real mouse.
import { resolve } from 'node:path';
import { findPage, launchFirefoxWithExtension } from '../test/support/firefox.mjs';
import { BENCH_PROFILE, launch, median, scrollTimelineToEnd } from './support.mjs';
import { within } from './wait.mjs';

const TITLE = 'Annotate benchmark';

/** Drops a 1280×800 dashboard-like PNG on the composer and answers the ms until its thumbnail shows. */
function dropDashboard(panel) {
  return panel.evaluate(async () => {
    const canvas = new OffscreenCanvas(1280, 800);
    const g = canvas.getContext('2d');
    g.fillStyle = '#111217';
    g.fillRect(0, 0, 1280, 800);
    ['#73bf69', '#f2cc0c', '#ff7383', '#5794f2', '#b877d9', '#ff9830'].forEach((colour, i) => {
      const [x0, y0] = [16 + (i % 3) * 420, 40 + Math.floor(i / 3) * 380];
      g.fillStyle = '#181b1f';
      g.fillRect(x0, y0, 404, 360);
      g.fillStyle = '#ccccdc';
      g.font = '13px sans-serif';
      g.fillText(`Panel ${i + 1}: p99 latency (ms)`, x0 + 8, y0 + 20);
      g.strokeStyle = colour;
      g.beginPath();
      for (let x = 0; x < 60; x++) g.lineTo(x0 + 8 + x * 6.5, y0 + 190 + 80 * Math.sin((x + i * 7) / 4) + ((x * 37 + i * 11) % 17));
      g.stroke();
    });
    const file = new File([await canvas.convertToBlob({ type: 'image/png' })], 'dashboard.png', { type: 'image/png' });
    const target = [...document.querySelectorAll('label')].find((l) => l.textContent === 'Add to the timeline').control;
    // A row keyed by a new event id is a new element (components/Timeline.tsx keys rows by id).
    const rows = () => [...document.querySelectorAll('.timeline li.entry-screenshot')].filter((li) => li.querySelector('img'));
    const before = new Set(rows());
    const data = new DataTransfer();
    data.items.add(file);
    const t0 = performance.now();
    // A drop, not a paste: Firefox empties the files of a script-made ClipboardEvent's clipboardData, not a DragEvent's.
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    await new Promise((ok) => {
      const observer = new MutationObserver(() => rows().some((li) => !before.has(li)) && (observer.disconnect(), ok()));
      observer.observe(document.body, { childList: true, subtree: true });
    });
    return performance.now() - t0;
  });
}

/** Opens the first screenshot entry in the viewer, then the editor; answers the drawing canvas's place on screen. */
function openEditor(panel) {
  return panel.evaluate(async () => {
    const until = async (find) => {
      for (let i = 0; i < 400; i++) {
        const found = find();
        if (found) return found;
        await new Promise((ok) => setTimeout(ok, 10));
      }
      throw new Error('bench: the viewer or the editor did not open');
    };
    window.scrollTo(0, 0);
    (await until(() => document.querySelector('.timeline li.entry-screenshot button.shot-open'))).click();
    const img = await until(() => document.querySelector('dialog[open] img'));
    await img.decode();
    const button = (name) => [...document.querySelectorAll('dialog[open] button')].find((b) => b.textContent.trim() === name);
    (await until(() => button('Annotate'))).click();
    const canvas = await until(() => document.querySelector('dialog[open] canvas.annotation-layer'));
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    const r = canvas.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
}

/** Clicks Save annotated copy and answers the ms until a new thumbnail shows in the timeline. */
function saveToShown(panel) {
  return panel.evaluate(async () => {
    // The copy takes the original's place: its row is keyed by the copy's id, so it is a new element.
    const rows = () => [...document.querySelectorAll('.timeline li.entry-screenshot')].filter((li) => li.querySelector('img'));
    const before = new Set(rows());
    const save = [...document.querySelectorAll('dialog[open] button')].find((b) => b.textContent.trim() === 'Save annotated copy');
    if (!save || save.disabled) throw new Error('bench: Save annotated copy is not enabled (the box was not drawn)');
    const shown = new Promise((ok) => {
      const observer = new MutationObserver(() => rows().some((li) => !before.has(li)) && (observer.disconnect(), ok(performance.now())));
      observer.observe(document.body, { childList: true, subtree: true });
    });
    const t0 = performance.now();
    save.click();
    return (await shown) - t0;
  });
}

/** One decode of the first screenshot's stored image and one WebP encode of it: ms. */
function decodeEncode(panel) {
  return panel.evaluate(async () => {
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open('incident-capture');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const [row] = await new Promise((ok) => {
      const r = db.transaction('blobs').objectStore('blobs').getAll();
      r.onsuccess = () => ok(r.result);
    });
    db.close();
    const t0 = performance.now();
    const bitmap = await createImageBitmap(row.bytes);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('2d').drawImage(bitmap, 0, 0);
    await canvas.convertToBlob({ type: 'image/webp', quality: 0.82 });
    bitmap.close();
    return performance.now() - t0;
  });
}

/** The loop, the same in both browsers: `panel` is a Playwright or puppeteer page (evaluate, mouse). */
async function measure(panel, saves) {
  await within('the first drop of the 1280×800 image', 20_000, dropDashboard(panel));
  const save = [];
  for (let i = 0; i < saves; i++) {
    const r = await within(`the viewer and editor, save ${i + 1}`, 20_000, openEditor(panel));
    await panel.mouse.move(r.x + r.width / 4 + i, r.y + r.height / 4);
    await panel.mouse.down();
    await panel.mouse.move(r.x + (r.width * 3) / 4 - i, r.y + (r.height * 3) / 4, { steps: 4 });
    await panel.mouse.up();
    save.push(await within(`save ${i + 1} of ${saves} shown`, 20_000, saveToShown(panel)));
  }
  const drop = [];
  const encode = [];
  for (let i = 0; i < saves; i++) {
    await scrollTimelineToEnd(panel);
    drop.push(await within(`drop ${i + 1} of ${saves} shown`, 20_000, dropDashboard(panel)));
    encode.push(await within(`decode + encode ${i + 1}`, 20_000, decodeEncode(panel)));
  }
  return { saves, save, drop, encode, saveMedian: median(save), dropMedian: median(drop), encodeMedian: median(encode) };
}

export async function benchAnnotate({ extensionDir = '.output/chrome-mv3-e2e', saves = Number(process.env.BENCH_SAVES ?? 11) } = {}) {
  const session = await launch(extensionDir);
  try {
    await session.worker.evaluate(async (profile) => chrome.storage.local.set({ profile }), BENCH_PROFILE);
    const panel = await session.context.newPage();
    await panel.setViewportSize({ width: 1280, height: 900 });
    await panel.goto(session.url('popup.html'));
    await panel.getByLabel('Title', { exact: true }).fill(TITLE);
    await panel.getByRole('button', { name: 'Declare incident' }).click();
    await panel.getByRole('button', { name: 'Open side panel' }).waitFor({ timeout: 30_000 });
    await panel.goto(session.url('sidepanel.html'));
    await panel.getByRole('button', { name: TITLE }).click();
    await panel.getByRole('heading', { level: 1, name: TITLE }).waitFor({ timeout: 30_000 });
    return await measure(panel, saves);
  } finally {
    await session.close();
  }
}

const aria = (role, name) => `::-p-aria([name="${name}"][role="${role}"])`;

export async function benchFirefoxAnnotate({ extensionDir = '.output/firefox-mv3-e2e', saves = Number(process.env.BENCH_SAVES ?? 11) } = {}) {
  // An absolute path: BiDi's webExtension.install refuses a relative one.
  const session = await launchFirefoxWithExtension(resolve(extensionDir), { width: 1280, height: 900 });
  try {
    await session.background((bg, profile) => bg.browser.storage.local.set({ profile }).then(() => true), BENCH_PROFILE);
    const popup = await session.openExtensionPage('popup.html');
    await popup.locator(aria('textbox', 'Title')).fill(TITLE);
    await popup.locator(aria('button', 'Declare incident')).click();
    await popup.locator(aria('button', 'Open side panel')).setTimeout(30_000).wait();
    await popup.close();
    await session.background(
      (bg, url) => bg.browser.windows.create({ url, type: 'popup', width: 1280, height: 900 }).then(() => true),
      session.url('sidepanel.html'),
    );
    const panel = await findPage(session.browser, session.url('sidepanel.html'), 30_000);
    await panel.bringToFront();
    await panel.locator(aria('button', TITLE)).setTimeout(30_000).click();
    await panel.locator(aria('heading', TITLE)).setTimeout(30_000).wait();
    return await measure(panel, saves);
  } finally {
    await session.close();
  }
}
