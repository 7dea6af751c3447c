import { describe, expect, it } from 'vitest';
import { expectRedPageMasked, openPopupWindow, openSidebarPage, openTab, storedScreenshots } from './fixtures';
import { PopupPage } from './pages/popup.page';
import { byRole } from './pages/queries';
import { SidePanelPage } from './pages/sidepanel.page';
import { fillIn, twoFirefoxPeopleOnATeam, waitForText } from './team-fixture';

const TITLE = 'Payments down for EU customers';
const HER_NOTE = 'Rolled back deploy 412 at 10:02';
const HIS_NOTE = 'Error rate back under 0.1%';

// Issue 10: two Firefox profiles (two Firefox processes) on one team through
// the Supabase stand-in, as test/e2e/team.spec.ts does in Chromium: sign-in
// from the options page, an incident with a screenshot and a note reaching the
// teammate's sidebar, his note coming back, and her evidence staying hers.
describe('two Firefox profiles on one team', () => {
  const t = twoFirefoxPeopleOnATeam();
  let sophiePanel: SidePanelPage;
  let lawrencePanel: SidePanelPage;

  const addNote = async (panel: SidePanelPage, text: string) => {
    await fillIn(panel.page, 'Add to the timeline', text);
    await panel.page.locator(byRole('button', 'Add note')).click();
    await panel.waitForTimelineText(text);
  };

  it('both connect, sign in and form a team through the options page', async () => {
    // Each in their own browser at once, as two people would.
    const [[sophieOptions, code], lawrenceOptions] = await Promise.all([
      t.setUp(t.sophie, 'Sophie', 'sophie@example.test').then(async (o) => [o, await o.createTeam('Acme')] as const),
      t.setUp(t.lawrence, 'Lawrence', 'lawrence@example.test'),
    ]);
    expect(code).toMatch(/^[A-Z2-9]{10}$/);
    await lawrenceOptions.joinTeam(code);
    await waitForText(lawrenceOptions.page, 'Sophie (owner)', { within: 'Team members' });
    await Promise.all([sophieOptions.page.close(), lawrenceOptions.page.close()]);
  });

  it("an incident declared in one, with a screenshot and a note, arrives in the other's sidebar", async () => {
    lawrencePanel = new SidePanelPage(await openSidebarPage(t.lawrence));
    await waitForText(lawrencePanel.page, 'Synced', { timeout: 20_000 });

    // Sophie looks at a dashboard, declares from the toolbar popup and takes a screenshot of it.
    await openTab(t.sophie, `${t.backend.site.origin}/red`);
    const popup = new PopupPage(await openPopupWindow(t.sophie));
    await popup.declare({ title: TITLE, severity: 'Major' });
    expect(await popup.currentIncidentTitle()).toBe(TITLE);
    await popup.button('Screenshot').click();
    await popup.status('Screenshot added to the timeline.');
    await popup.close();

    sophiePanel = new SidePanelPage(await openSidebarPage(t.sophie));
    await sophiePanel.openIncident(TITLE);
    await addNote(sophiePanel, HER_NOTE);

    // Realtime brings it (realtime.spec.ts times that); the generous wait also lets the sidebar's
    // 15 s poll do it on a loaded machine. The i: innerText shows the severity as CSS uppercases it.
    await waitForText(lawrencePanel.page, TITLE, { within: 'Active incidents', timeout: 40_000 });
    // The number is the team's, given by the server: it may show a moment after the row.
    const row = await waitForText(lawrencePanel.page, 'INC-1', { within: 'Active incidents' });
    expect(row).toMatch(/Payments down for EU customers.*INC-1.*Major.*Sophie is leading/i);
    await lawrencePanel.openIncident(TITLE);
    await lawrencePanel.waitForTimelineText(HER_NOTE, 40_000);
    await lawrencePanel.waitForTimelineImages('Screenshot of Red dashboard', 1, 40_000);
  });

  it('his note reaches her sidebar; her screenshot opens for him from the team but is not his to remove or redact', async () => {
    await addNote(lawrencePanel, HIS_NOTE);
    await sophiePanel.waitForTimelineText(HIS_NOTE, 40_000);

    // The full image comes from the team's Storage, checked against the SHA-256 her event recorded,
    // and kept on his device: her pixels, at her size.
    await lawrencePanel.page.locator(byRole('button', 'Open screenshot of red dashboard')).click();
    await lawrencePanel.page.waitForFunction(() => document.querySelector<HTMLImageElement>('dialog img[alt="Screenshot of Red dashboard"]')?.complete, {
      polling: 100,
      timeout: 20_000,
    });
    const [hers] = await storedScreenshots(sophiePanel.page);
    const [his] = await storedScreenshots(lawrencePanel.page);
    expect(his).toEqual(hers);
    await expectRedPageMasked(lawrencePanel.page, his!.eventId); // the password field, masked when she took it
    await waitForText(lawrencePanel.page, 'Only Sophie, who took it and leads the incident, can remove or redact this screenshot.');
    const buttons = await lawrencePanel.page.evaluate(() => [...document.querySelectorAll('dialog button')].map((b) => b.textContent?.trim()));
    expect(buttons).toContain('Copy image');
    expect(buttons).not.toContain('Redact…');
    expect(buttons).not.toContain('Remove screenshot');

    // In her own sidebar the same viewer offers both, so the check above can fail.
    await sophiePanel.page.locator(byRole('button', 'Open screenshot of red dashboard')).click();
    await sophiePanel.page.waitForSelector(byRole('button', 'Redact…'));
    await sophiePanel.page.waitForSelector(byRole('button', 'Remove screenshot'));
  });
});
