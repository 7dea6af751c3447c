import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openPopupWindow, startTestSite, storedEventCount, type ExtensionSession } from './fixtures';
import { PopupPage } from './pages/popup.page';
import { SidePanelPage } from './pages/sidepanel.page';

describe('bad input', () => {
  let session: ExtensionSession;
  let site: Awaited<ReturnType<typeof startTestSite>>;
  let popup: PopupPage;

  beforeAll(async () => {
    site = await startTestSite();
    session = await launchExtension();
    const tab = await session.context.newPage();
    await tab.goto(`${site.origin}/grafana`);
    popup = new PopupPage(await openPopupWindow(session));
    await popup.enterName('Lawrence');
  });

  afterAll(async () => {
    await session?.close();
    await site?.close();
  });

  it.each([
    ['', 'Give the incident a title.'],
    ['     ', 'Give the incident a title.'],
    ['x'.repeat(201), 'Keep the title to 200 characters or fewer.'],
    ['tab\there', 'The title contains control characters'],
  ])('refuses the title %j inline and writes nothing', async (title, message) => {
    await popup.declare({ title });
    const alert = popup.alert();
    await alert.waitFor();
    expect(await alert.textContent()).toContain(message);
    expect(await popup.title().getAttribute('aria-invalid')).toBe('true');
    expect(await storedEventCount(popup.page)).toBe(0);
  });

  it('shows markup in titles and notes as plain text', async () => {
    const dialogs: string[] = [];
    session.context.on('page', (p) => p.on('dialog', (d) => dialogs.push(d.message())));
    popup.page.on('dialog', (d) => dialogs.push(d.message()));
    const evil = '<img src=x onerror=alert(1)>';
    await popup.declare({ title: evil });
    expect(await popup.currentIncidentTitle()).toBe(evil);
    await popup.addNote(`<script>alert(2)</script>${evil}`);

    const sidePanel = new SidePanelPage(await session.context.newPage());
    sidePanel.page.on('dialog', (d) => dialogs.push(d.message()));
    await sidePanel.page.goto(session.url('sidepanel.html'));
    await sidePanel.openIncident(evil);
    await sidePanel.timeline().getByText(`<script>alert(2)</script>${evil}`).waitFor();
    expect(await sidePanel.page.locator('main img, main script').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
