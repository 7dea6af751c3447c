import { describe, expect, it } from 'vitest';
import { openPopupWindow, storedEventCount } from './fixtures';
import { OptionsPage } from './pages/options.page';
import { PopupPage } from './pages/popup.page';
import { SidePanelPage } from './pages/sidepanel.page';
import { twoPeopleOnATeam } from './team-backend';

const INVALID = 'This invite code is not valid or has expired. Ask a teammate for a new code.';
const TITLE = 'Checkout latency over 4 s';

describe('a team over time: removal, rejoining, handing over, leaving, revoked codes', () => {
  const t = twoPeopleOnATeam();
  let sophieOptions: OptionsPage;
  let lawrenceOptions: OptionsPage;
  let firstCode: string;

  it('Sophie forms Acme, Lawrence joins and receives her incident', async () => {
    sophieOptions = await t.setUp(t.sophie, 'Sophie', 'sophie@example.test');
    firstCode = await sophieOptions.createTeam('Acme');
    lawrenceOptions = await t.setUp(t.lawrence, 'Lawrence', 'lawrence@example.test');
    await lawrenceOptions.joinTeam(firstCode);
    // A member sees the newest live code; there is no list of codes to manage.
    expect(await lawrenceOptions.inviteCode()).toBe(firstCode);
    expect(await lawrenceOptions.liveCodes().count()).toBe(0);
    await sophieOptions.page.reload();
    await sophieOptions.members().getByText('Lawrence', { exact: true }).waitFor();

    const tab = await t.sophie.context.newPage();
    await tab.goto(`${t.backend.site.origin}/grafana`);
    const popup = new PopupPage(await openPopupWindow(t.sophie));
    await popup.declare({ title: TITLE, severity: 'Minor' });
    expect(await popup.currentIncidentTitle()).toBe(TITLE);
    const panel = new SidePanelPage(await t.lawrence.context.newPage());
    await panel.page.goto(t.lawrence.url('sidepanel.html'));
    await panel.activeList().getByRole('listitem').filter({ hasText: TITLE }).waitFor({ timeout: 40_000 });
    // Closed only now: the popup tells the background to push as it writes, and a page closed at once may not have.
    await Promise.all([panel.page.close(), popup.page.close()]);
  });

  it('an owner removes Lawrence: his extension says so, stops syncing, and keeps every incident', async () => {
    await sophieOptions.removeMember('Lawrence');
    const eventsBefore = await storedEventCount(lawrenceOptions.page);
    expect(eventsBefore).toBeGreaterThan(0);

    // His next sync is refused (pull_events answers 42501); the background asks my_teams() and notes it.
    await lawrenceOptions.page.getByRole('button', { name: 'Sync now' }).click();
    await lawrenceOptions.page.getByText('You were removed from Acme.').waitFor({ timeout: 20_000 });
    await lawrenceOptions.page.getByRole('button', { name: 'Join team' }).waitFor();

    const panel = new SidePanelPage(await t.lawrence.context.newPage());
    await panel.page.goto(t.lawrence.url('sidepanel.html'));
    await panel.page.getByRole('status').filter({ hasText: 'You were removed from Acme.' }).first().waitFor();
    await panel.openIncident(TITLE);
    await panel.timeline().getByRole('listitem').first().waitFor();
    expect(await storedEventCount(lawrenceOptions.page)).toBe(eventsBefore);
    await panel.page.close();
  });

  it('a code from before his removal no longer lets him in; a new one does', async () => {
    expect(await lawrenceOptions.joinTeamRefused(firstCode)).toBe(INVALID);
    const fresh = await sophieOptions.createInviteCode();
    expect(fresh).not.toBe(firstCode);
    await lawrenceOptions.joinTeam(fresh);
    await lawrenceOptions.members().getByText('Sophie (owner)').waitFor();
  });

  it('a sole owner is told to transfer first; after handing Acme to Lawrence, Sophie leaves', async () => {
    await sophieOptions.page.reload();
    await sophieOptions.page.getByRole('button', { name: 'Leave Acme', exact: true }).click();
    await sophieOptions.page.getByRole('alert').filter({ hasText: 'Transfer ownership to another member before you leave' }).waitFor();
    await sophieOptions.transferOwnership('Lawrence');
    await sophieOptions.members().getByText('Sophie · you').waitFor();
    await sophieOptions.leaveTeam('Acme');
    await sophieOptions.page.reload();
    await sophieOptions.page.getByText('You left Acme.').waitFor();

    await lawrenceOptions.page.reload();
    await lawrenceOptions.members().getByText('Sophie (former member)').waitFor();
    await lawrenceOptions.members().getByText('Lawrence (owner) · you').waitFor();
  });

  it('a revoked code cannot be used to join', async () => {
    const code = await lawrenceOptions.createInviteCode();
    await lawrenceOptions.revokeCode(code);
    expect(await sophieOptions.joinTeamRefused(code)).toBe(INVALID);
  });
});
