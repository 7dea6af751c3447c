// Regenerates the README screenshots (docs/images/*.png) from the E2E build in
// headless Chromium. Run: npm run build:e2e && node scripts/screenshots.mjs
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
  await site.close();
}
console.log('wrote docs/images/*.png');
