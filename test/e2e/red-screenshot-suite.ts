import { afterAll, beforeAll } from 'vitest';
import { launchExtension, openPopupWindow, startTestSite, type ExtensionSession } from './fixtures';
import { PopupPage } from './pages/popup.page';
import { SidePanelPage } from './pages/sidepanel.page';

export interface RedScreenshotSuite {
  site: Awaited<ReturnType<typeof startTestSite>>;
  session: ExtensionSession;
  sidePanel: SidePanelPage;
}

/**
 * A whole suite's set-up (the Chromium twin of test/e2e-firefox's
 * redAlertSuite): Sophie declares `title` from the test site's /red page,
 * takes one screenshot through the popup, and opens the incident in a side
 * panel tab. The returned object is filled in by beforeAll.
 */
export function redScreenshotSuite(title: string): RedScreenshotSuite {
  const suite = {} as RedScreenshotSuite;
  beforeAll(async () => {
    suite.site = await startTestSite();
    suite.session = await launchExtension();
    const tab = await suite.session.context.newPage();
    await tab.goto(`${suite.site.origin}/red`);
    const popup = new PopupPage(await openPopupWindow(suite.session));
    await popup.enterName('Sophie');
    await popup.declare({ title });
    await popup.page.getByRole('button', { name: 'Screenshot' }).click();
    await popup.page.getByRole('status').filter({ hasText: 'Screenshot added' }).waitFor();
    await popup.page.close();
    suite.sidePanel = new SidePanelPage(await suite.session.context.newPage());
    await suite.sidePanel.page.goto(suite.session.url('sidepanel.html'));
    await suite.sidePanel.openIncident(title);
  });
  afterAll(async () => {
    await suite.session?.close();
    await suite.site?.close();
  });
  return suite;
}
