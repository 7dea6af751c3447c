// Regenerates the README screenshots (docs/images/*.png) and the store listing
// images (docs/store/*.png: 1280×800 screenshots, the 440×280 small promo tile
// and the 1400×560 marquee; docs/store.md lists them) from the E2E build in
// headless Chromium. Run: npm run screenshots (builds the E2E build first).
import { mkdirSync, readFileSync } from 'node:fs';
import { launch, startSite } from '../bench/support.mjs';

const site = await startSite();
const s = await launch('.output/chrome-mv3-e2e');
try {
  const tab = await s.context.newPage();
  await tab.goto(`${site.origin}/grafana`);

  // The popup in a window of its own, as the toolbar opens it over the page:
  // the page stays the active tab, so the capture buttons show.
  const opened = s.context.waitForEvent('page', (p) => p.url().startsWith(s.url('popup.html')));
  await s.worker.evaluate(async (url) => {
    await chrome.windows.create({ url, type: 'popup', width: 380, height: 640 });
  }, s.url('popup.html'));
  const popup = await opened;
  await popup.setViewportSize({ width: 380, height: 640 });
  await popup.waitForLoadState('domcontentloaded');
  await popup.getByLabel('Your name').fill('Sophie');
  await popup.getByRole('button', { name: 'Save name' }).click();
  await popup.getByLabel('Title', { exact: true }).fill('Checkout errors spiking after deploy 412');
  await popup.getByRole('radio', { name: 'Major' }).check();
  await popup.screenshot({ path: 'docs/images/popup-declare.png' });
  await popup.getByRole('button', { name: 'Declare incident' }).click();
  await popup.getByRole('button', { name: 'Open side panel' }).waitFor();
  const note = popup.getByRole('textbox', { name: 'Add a note' });
  await note.fill('p99 on /checkout went from 300 ms to 9 s at 09:12, right after the deploy.');
  await popup.getByRole('button', { name: 'Add note' }).click();
  await popup.getByRole('button', { name: 'Declare another incident' }).click();
  await popup.getByLabel('Title', { exact: true }).fill('Webhook retries piling up');
  await popup.getByRole('button', { name: 'Declare incident' }).click();
  await popup.getByRole('button', { name: 'Open side panel' }).waitFor();
  await popup.getByRole('button', { name: 'Screenshot' }).waitFor();
  await popup.screenshot({ path: 'docs/images/popup-incident.png' });

  const panel = await s.context.newPage();
  await panel.setViewportSize({ width: 420, height: 760 });
  await panel.goto(s.url('sidepanel.html'));
  await panel.getByRole('button', { name: 'Checkout errors spiking after deploy 412' }).click();
  const composer = panel.getByLabel('Add to the timeline');
  await panel.getByLabel('Log or code (monospace)').check();
  await composer.fill('Error: connect ETIMEDOUT 10.0.3.7:5432\n    at PgPool.connect (pool.js:88:11)');
  await panel.getByRole('button', { name: 'Add note' }).click();
  await panel.getByLabel('New follow-up').fill('Alert on checkout p99 > 2 s');
  await panel.getByRole('button', { name: 'Add follow-up' }).click();
  await panel.getByText('Alert on checkout p99 > 2 s').first().waitFor();
  await panel.screenshot({ path: 'docs/images/sidepanel-timeline.png' });
  await panel.getByRole('button', { name: '← All incidents' }).click();
  await panel.getByRole('list', { name: 'Active incidents' }).waitFor();
  await panel.screenshot({ path: 'docs/images/sidepanel-list.png' });

  const options = await s.context.newPage();
  await options.setViewportSize({ width: 900, height: 1100 });
  await options.goto(s.url('options.html'));
  await options.getByRole('heading', { name: 'Team' }).waitFor();
  await options.screenshot({ path: 'docs/images/options.png' });
} finally {
  await s.close();
}
console.log('wrote docs/images/*.png');

// The store listing: a fresh profile, one Major incident declared over a
// dashboard, its evidence captured, shown at the size the stores ask for.
const STORE = 'docs/store';
const W = 1280;
const H = 800;
mkdirSync(STORE, { recursive: true });
const store = await launch('.output/chrome-mv3-e2e');
try {
  const tab = await store.context.newPage();
  await tab.setViewportSize({ width: W, height: H });
  // bench's dashboard is sent without a charset; say UTF-8 so its "·" renders.
  await tab.route('**/dashboard', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'text/html; charset=utf-8' } });
  });
  await tab.goto(`${site.origin}/dashboard`);
  const page = await tab.screenshot();

  const opened = store.context.waitForEvent('page', (p) => p.url().startsWith(store.url('popup.html')));
  await store.worker.evaluate(async (url) => {
    await chrome.windows.create({ url, type: 'popup', width: 380, height: 560 });
  }, store.url('popup.html'));
  const popup = await opened;
  await popup.setViewportSize({ width: 380, height: 560 });
  await popup.waitForLoadState('domcontentloaded');
  await popup.getByLabel('Your name').fill('Sophie');
  await popup.getByRole('button', { name: 'Save name' }).click();
  await popup.getByLabel('Title', { exact: true }).fill('Checkout p99 at 9 s since deploy 412');
  await popup.getByRole('radio', { name: 'Major' }).check();
  // A toolbar popup is as tall as its content: crop the window to it.
  const shot = async () => {
    const bottom = await popup.evaluate(() => Math.ceil(document.getElementById('root')?.getBoundingClientRect().bottom ?? 0));
    return popup.screenshot({ clip: { x: 0, y: 0, width: 380, height: Math.min(560, Math.max(200, bottom + 16)) } });
  };
  const declare = await shot();
  await popup.getByRole('button', { name: 'Declare incident' }).click();
  await popup.getByRole('button', { name: 'Screenshot' }).click();
  await popup.getByRole('status').filter({ hasText: 'Screenshot added to the timeline.' }).waitFor();
  await popup.getByRole('textbox', { name: 'Add a note' }).fill('Rolling back 412 now; EU card payments failing.');
  await popup.getByRole('button', { name: 'Add note' }).click();
  await popup.waitForFunction(() => !document.querySelector('textarea')?.value); // the note is saved when the box empties
  const current = await shot();
  await popup.getByRole('button', { name: 'Declare another incident' }).click();
  await popup.getByLabel('Title', { exact: true }).fill('Webhook retries piling up');
  await popup.getByRole('button', { name: 'Declare incident' }).click();
  await popup.getByRole('button', { name: 'Open side panel' }).waitFor();

  const panel = await store.context.newPage();
  await panel.setViewportSize({ width: 420, height: H });
  await panel.goto(store.url('sidepanel.html'));
  await panel.getByRole('list', { name: 'Active incidents' }).waitFor();
  const list = await panel.screenshot();
  await panel.getByRole('button', { name: 'Checkout p99 at 9 s since deploy 412' }).click();
  await panel.getByLabel('Log or code (monospace)').check();
  await panel.getByLabel('Add to the timeline').fill('Error: connect ETIMEDOUT 10.0.3.7:5432\n    at PgPool.connect (pool.js:88:11)');
  await panel.getByRole('button', { name: 'Add note' }).click();
  await panel.getByLabel('New follow-up').fill('Alert on checkout p99 > 2 s');
  await panel.getByRole('button', { name: 'Add follow-up' }).click();
  await panel.getByText('Alert on checkout p99 > 2 s').first().waitFor();
  await panel.getByRole('img', { name: /^Screenshot of / }).first().waitFor();
  await panel.evaluate(() => window.scrollTo(0, 0));
  const timeline = await panel.screenshot();

  const png = (buffer) => `data:image/png;base64,${buffer.toString('base64')}`;
  const stage = await store.context.newPage();
  /** One listing image: the page, an extension surface over it, and a caption. */
  async function compose(file, { over, at, caption, width = W, height = H, html }) {
    await stage.setViewportSize({ width, height });
    await stage.setContent(
      html ??
        `<body style="margin:0;width:${W}px;height:${H}px;overflow:hidden;position:relative;font:600 22px system-ui,sans-serif">
        <img src="${png(page)}" style="position:absolute;inset:0">
        <img src="${png(over)}" style="position:absolute;${at};box-shadow:0 12px 40px rgba(0,0,0,.55);border-radius:${at.includes('top:0') ? 0 : 10}px">
        <div style="position:absolute;left:32px;bottom:32px;max-width:640px;padding:14px 20px;border-radius:10px;background:#d92d20;color:#fff">${caption}</div>
      </body>`,
    );
    await stage.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
    await stage.screenshot({ path: `${STORE}/${file}` });
  }
  await compose('screenshot-1-declare.png', { over: declare, at: 'right:24px;top:12px', caption: 'Declare an incident in seconds, titled from the page you are on' });
  await compose('screenshot-2-capture.png', { over: current, at: 'right:24px;top:12px', caption: 'Screenshot the evidence onto its timeline, password fields masked' });
  await compose('screenshot-3-timeline.png', { over: timeline, at: 'right:0;top:0', caption: 'One dated timeline per incident: notes, logs, screenshots, follow-ups' });
  await compose('screenshot-4-incidents.png', { over: list, at: 'right:0;top:0', caption: 'Every incident, active first, each with the lead who owns it' });

  const icon = `data:image/png;base64,${readFileSync('docs/store/icon-128.png').toString('base64')}`;
  const tile = (width, height, scale) => `<body style="margin:0;width:${width}px;height:${height}px;display:flex;align-items:center;gap:${24 * scale}px;padding:0 ${36 * scale}px;box-sizing:border-box;background:linear-gradient(135deg,#181b1f,#2c3235);color:#fff;font-family:system-ui,sans-serif">
      <img src="${icon}" style="width:${96 * scale}px;height:${96 * scale}px">
      <div><div style="font:700 ${34 * scale}px system-ui,sans-serif">Incident Capture</div>
      <div style="font:400 ${17 * scale}px/1.35 system-ui,sans-serif;margin-top:${8 * scale}px;color:#d8dde3">Declare and run incidents from the browser, with the evidence on one timeline</div></div>
    </body>`;
  await compose('promo-small-440x280.png', { width: 440, height: 280, html: tile(440, 280, 1) });
  await compose('promo-marquee-1400x560.png', { width: 1400, height: 560, html: tile(1400, 560, 2.2) });
} finally {
  await store.close();
  await site.close();
}
console.log(`wrote ${STORE}/*.png`);
