import { describe, expect, it } from 'vitest';
import { launchExtension, openPopupWindow } from './fixtures';
import { PopupPage } from './pages/popup.page';
import { SidePanelPage } from './pages/sidepanel.page';
import { twoPeopleOnATeam } from './team-backend';

describe('two people on one team', () => {
  const t = twoPeopleOnATeam();
  let lawrencePanel: SidePanelPage;

  it('connects, signs in and forms a team through the options page', async () => {
    const sophieOptions = await t.setUp(t.sophie, 'Sophie', 'sophie@example.test');
    const code = await sophieOptions.createTeam('Acme');
    expect(code).toMatch(/^[A-Z2-9]{10}$/);
    const lawrenceOptions = await t.setUp(t.lawrence, 'Lawrence', 'lawrence@example.test');
    await lawrenceOptions.joinTeam(code);
    await lawrenceOptions.page.getByRole('list', { name: 'Team members' }).getByText('Sophie (owner)').waitFor();
    await sophieOptions.page.getByRole('button', { name: 'Sync now' }).click();
  });

  it("a Major incident declared by one appears in the other's side panel", async () => {
    lawrencePanel = new SidePanelPage(await t.lawrence.context.newPage());
    await lawrencePanel.page.goto(t.lawrence.url('sidepanel.html'));
    await lawrencePanel.page.getByText('Synced').first().waitFor({ timeout: 20_000 });

    const tab = await t.sophie.context.newPage();
    await tab.goto(`${t.backend.site.origin}/grafana`);
    const popup = new PopupPage(await openPopupWindow(t.sophie));
    await popup.declare({ title: 'Payments down for EU customers', severity: 'Major' });
    expect(await popup.currentIncidentTitle()).toBe('Payments down for EU customers');

    const row = lawrencePanel.activeList().getByRole('listitem').filter({ hasText: 'Payments down for EU customers' });
    await row.waitFor({ timeout: 40_000 });
    expect(await row.textContent()).toMatch(/INC-1.*Major.*Sophie is leading/);
    // And a desktop notification asked Lawrence to join in.
    const worker = t.lawrence.context.serviceWorkers().find((w) => w.url().includes(t.lawrence.extensionId))!;
    await expect
      .poll(() => worker.evaluate(async () => Object.keys(await chrome.notifications.getAll())), { timeout: 10_000 })
      .toEqual([expect.stringMatching(/^incident:/)]);
    await popup.page.close();
  });

  it('killed mid-sync (the whole browser, worker and all), it loses nothing', async () => {
    const sophiePanel = new SidePanelPage(await t.sophie.context.newPage());
    await sophiePanel.page.goto(t.sophie.url('sidepanel.html'));
    await sophiePanel.openIncident('Payments down for EU customers');

    // Hold the next push in flight, then kill the browser while it waits.
    t.backend.standin.faults.next('delay', { paths: /push_events/, delayMs: 5_000 });
    const note = 'Rolled back deploy 412 at 10:02';
    await sophiePanel.page.getByLabel('Add to the timeline').fill(note);
    await sophiePanel.page.getByRole('button', { name: 'Add note' }).click();
    await sophiePanel.timeline().getByText(note).waitFor();
    await expect.poll(() => t.backend.standin.requests.some((r) => r.path.includes('push_events') && r.fault === 'delay'), { timeout: 10_000 }).toBe(true);
    // Chrome keeps a worker alive while DevTools (Playwright) is attached, so
    // CDP cannot stop it alone; closing the browser kills it mid-request.
    const profile = t.sophie.userDataDir;
    await t.sophie.context.close();
    t.sophie = await launchExtension(undefined, { userDataDir: profile });

    // The fresh worker resumes from what was persisted; the note goes out exactly once.
    const count = async () =>
      Number((await t.backend.database.query(`select count(*) from public.incident_events where kind = 'note' and body->>'text' = $1`, [note])).rows[0]!.count);
    const reopened = new SidePanelPage(await t.sophie.context.newPage());
    await reopened.page.goto(t.sophie.url('sidepanel.html'));
    await expect.poll(count, { timeout: 40_000, interval: 500 }).toBe(1);
    await lawrencePanel.openIncident('Payments down for EU customers');
    await lawrencePanel.timeline().getByText(note).waitFor({ timeout: 40_000 });
    expect(await count()).toBe(1);
    await reopened.page.getByText('Synced').first().waitFor({ timeout: 20_000 });
  });

  it('a teammate who was not involved reviews the resolved incident and leaves feedback', async () => {
    const sophiePanel = new SidePanelPage(await t.sophie.context.newPage());
    await sophiePanel.page.goto(t.sophie.url('sidepanel.html'));
    await sophiePanel.openIncident('Payments down for EU customers');
    await sophiePanel.page.getByText('Change title, severity, lead or status').click();
    await sophiePanel.page.getByRole('radio', { name: 'Fixed' }).check();
    await sophiePanel.page.getByRole('button', { name: 'Resolve incident' }).click();
    await sophiePanel.page.getByRole('button', { name: 'Reopen incident' }).waitFor();

    await lawrencePanel.back();
    await lawrencePanel.show('Not involved');
    const queue = lawrencePanel.page.getByRole('list', { name: 'Not involved incidents' });
    await queue.getByRole('button', { name: 'Payments down for EU customers' }).click({ timeout: 40_000 });
    await lawrencePanel.page.getByText('You were not involved in this incident.').waitFor();
    await lawrencePanel.page.getByRole('button', { name: 'Mark as reviewed' }).click();
    await lawrencePanel.page.getByText('You reviewed this incident.').waitFor();
    await lawrencePanel.page.getByLabel('Feedback', { exact: true }).fill('Great trail of graphs; the rollback note saved me time.');
    await lawrencePanel.page.getByRole('button', { name: 'Send feedback' }).click();

    await sophiePanel.scrollToEnd();
    await sophiePanel.timeline().getByText('Feedback: Great trail of graphs; the rollback note saved me time.').waitFor({ timeout: 40_000 });
    await sophiePanel.page.getByText('Reviewed by 1 teammate.').waitFor();
    await lawrencePanel.back();
    await lawrencePanel.show('Not involved');
    await lawrencePanel.page.getByText('Nothing to review').waitFor();
  });
});
