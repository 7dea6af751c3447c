import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPack } from '../../lib/evidence/verify-pack';
import { launchExtension, openPopupWindow, startTestSite, type ExtensionSession } from './fixtures';
import { PopupPage } from './pages/popup.page';
import { RecordsPage } from './pages/records.page';
import { storeIncidentLog, teammateHistory } from './seed';

// Issue 13: Options → Records → Download evidence pack in Chromium. One incident
// declared with a real screenshot, a teammate's incident seeded; the saved zip
// must pass the same verifier as npm run verify-pack.
describe('evidence pack', () => {
  let site: Awaited<ReturnType<typeof startTestSite>>;
  let session: ExtensionSession;

  beforeAll(async () => {
    [site, session] = await Promise.all([startTestSite(), launchExtension()]);
  });

  afterAll(async () => {
    await session?.close();
    await site?.close();
  });

  it('downloads a zip with the reports, the screenshot and a chain that verifies', async () => {
    const tab = await session.context.newPage();
    await tab.goto(`${site.origin}/grafana`);
    const popup = new PopupPage(await openPopupWindow(session));
    await popup.enterName('Sophie');
    await popup.declare({ severity: 'Major' });
    await popup.page.getByRole('button', { name: 'Screenshot' }).click();
    await popup.page.getByRole('status').filter({ hasText: 'Screenshot added to the timeline.' }).waitFor();
    await popup.page.close();

    const page = await session.context.newPage();
    await page.goto(session.url('options.html'));
    await storeIncidentLog(page, teammateHistory().events);
    const records = new RecordsPage(page);
    const zip = await records.download('Download evidence pack');
    expect(zip.name).toMatch(/^evidence-pack-\d{4}-\d{2}-\d{2}\.zip$/);
    await records.status().filter({ hasText: 'Evidence pack saved: 2 incidents' }).waitFor();

    const bytes = new Uint8Array(zip.bytes);
    expect(verifyPack(bytes)).toMatchObject({ ok: true, events: 2 + teammateHistory().events.length });
    const paths = Object.keys(unzipSync(bytes));
    expect(paths.filter((p) => p.endsWith('/report.md'))).toHaveLength(2);
    const [image] = paths.filter((p) => /\/screenshots\/[0-9a-f-]+\.webp$/.test(p));
    expect(image).toBeDefined();
    const report = strFromU8(unzipSync(bytes)[image!.replace(/screenshots\/.*$/, 'report.md')]!);
    expect(report).toContain(`(${image!.split('/').slice(-2).join('/')})`);
  });
});
