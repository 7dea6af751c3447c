import { rmSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPack } from '../../lib/evidence/verify-pack';
import { teammateHistory } from '../e2e/seed';
import { launchFirefox, openPopupWindow, openTab, startTestSite, storeIncidentLog, type FirefoxSession } from './fixtures';
import { PopupPage } from './pages/popup.page';
import { roleWithText } from './pages/queries';
import { FirefoxOptionsPage, saveDownloadsTo } from './team-fixture';

// Issue 13: Options → Records → Download evidence pack in Firefox, as
// test/e2e/evidence-pack.spec.ts does in Chromium. Firefox saves the zip's
// blob: URL through its download manager into a folder the test reads.
describe('evidence pack in Firefox', () => {
  let site: Awaited<ReturnType<typeof startTestSite>>;
  let session: FirefoxSession;
  let downloads: string;

  beforeAll(async () => {
    [site, session] = await Promise.all([startTestSite(), launchFirefox()]);
    downloads = await saveDownloadsTo(session);
  });

  afterAll(async () => {
    await session?.close();
    await site?.close();
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  it('downloads a zip with the reports, the screenshot and a chain that verifies', async () => {
    await openTab(session, `${site.origin}/red`);
    const popup = new PopupPage(await openPopupWindow(session));
    await popup.enterName('Sophie');
    await popup.declare({ severity: 'Major' });
    await popup.button('Screenshot').click();
    await popup.status('Screenshot added to the timeline.');
    await popup.close();

    const options = new FirefoxOptionsPage(await session.openExtensionPage('options.html'));
    await storeIncidentLog(options.page, teammateHistory().events);
    const zip = await options.download('Download evidence pack', downloads);
    expect(zip.name).toMatch(/^evidence-pack-\d{4}-\d{2}-\d{2}\.zip$/);
    await roleWithText(options.page, 'status', /^Evidence pack saved: 2 incidents/);

    const bytes = new Uint8Array(zip.bytes);
    expect(verifyPack(bytes)).toMatchObject({ ok: true, events: 2 + teammateHistory().events.length });
    const paths = Object.keys(unzipSync(bytes));
    expect(paths.filter((p) => p.endsWith('/report.md'))).toHaveLength(2);
    expect(paths.filter((p) => /\/screenshots\/[0-9a-f-]+\.webp$/.test(p))).toHaveLength(1);
  });
});
