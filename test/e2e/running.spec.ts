import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openPopupWindow, startTestSite, type ExtensionSession } from './fixtures';
import { OptionsPage } from './pages/options.page';
import { PopupPage } from './pages/popup.page';
import { SidePanelPage } from './pages/sidepanel.page';

describe('running incidents: views, customer updates, follow-ups', () => {
  let session: ExtensionSession;
  let site: Awaited<ReturnType<typeof startTestSite>>;
  let panel: SidePanelPage;

  async function declare(title: string, severity: 'Minor' | 'Major' = 'Minor') {
    const popup = new PopupPage(await openPopupWindow(session));
    // The popup opens on the form, or on the incident I already lead.
    const another = popup.page.getByRole('button', { name: 'Declare another incident' });
    await another.or(popup.title()).first().waitFor();
    if (await another.isVisible()) await another.click();
    await popup.declare({ title, severity });
    await popup.currentIncidentTitle();
    await popup.page.close();
  }

  beforeAll(async () => {
    [site, session] = await Promise.all([startTestSite(), launchExtension()]);
    const tab = await session.context.newPage();
    await tab.goto(`${site.origin}/grafana`);
    // The name only (the popup's first run saves it with a first incident): from the options page.
    const options = new OptionsPage(await session.context.newPage());
    await options.page.goto(session.url('options.html'));
    await options.saveName('Sophie');
    await options.page.close();
  });

  afterAll(async () => {
    await session?.close();
    await site?.close();
  });

  // Announcing to Slack and the other services is test/e2e/announce.spec.ts.
  it('declares a few incidents', async () => {
    await declare('Payments down', 'Major');
    await declare('Search down', 'Major');
    await declare('Just a flaky test');
  });

  it('filters by view and searches titles and notes', async () => {
    panel = new SidePanelPage(await session.context.newPage());
    await panel.page.goto(session.url('sidepanel.html'));
    await panel.openIncident('Search down');
    await panel.page.getByLabel('Add to the timeline').fill('Elasticsearch heap at 95%');
    await panel.page.getByRole('button', { name: 'Add note' }).click();
    await panel.timeline().getByText('Elasticsearch heap at 95%').waitFor();
    await panel.back();

    const names = async () => (await panel.activeList().getByRole('button').allTextContents()).sort();
    expect(await names()).toEqual(['Just a flaky test', 'Payments down', 'Search down']);
    await panel.show('Major');
    await expect
      .poll(async () => (await panel.page.getByRole('list', { name: 'Major incidents' }).getByRole('button').allTextContents()).sort())
      .toEqual(['Payments down', 'Search down']);
    await panel.show('Active');
    await panel.page.getByLabel('Search incidents').fill('elasticsearch heap');
    await expect.poll(names).toEqual(['Search down']);
    await panel.page.getByLabel('Search incidents').fill('nothing like this');
    await panel.page.getByText('Nothing matches “nothing like this”.').waitFor();
    await panel.page.getByLabel('Search incidents').fill('');
  });

  it('drafts, copies and logs a customer update with its channel', async () => {
    await panel.openIncident('Payments down');
    await panel.page.getByText('Customer update', { exact: true }).click();
    const draft = panel.page.getByLabel('Update', { exact: true });
    await draft.waitFor();
    expect(await draft.inputValue()).toMatch(/^We are investigating Payments down\.[\s\S]*Sophie is leading[\s\S]*Next update by/);
    await panel.page.getByLabel('Channel').selectOption({ label: 'Status page' });
    await panel.page.getByRole('button', { name: 'Log as sent' }).click();
    await panel.scrollToEnd();
    await panel.timeline().getByText(/Customer update \(status page\):/).waitFor();
    await panel.page.getByText('Customer update (1 sent)').waitFor();
  });

  it('refuses to defer without a follow-up; with one, lists it in Follow-ups', async () => {
    await panel.page.getByText('Change title, severity, lead or status').click();
    await panel.page.getByRole('radio', { name: 'Deferred (follow up later)' }).check();
    await panel.page.getByRole('button', { name: 'Resolve incident' }).click();
    await panel.page.getByRole('alert').filter({ hasText: 'Deferring needs a follow-up' }).waitFor();
    await panel.page.getByLabel('Follow-up', { exact: true }).fill('Add a circuit breaker around the payment provider');
    await panel.page.getByRole('button', { name: 'Resolve incident' }).click();
    await panel.page.getByRole('button', { name: 'Reopen incident' }).waitFor();

    await panel.back();
    await panel.show('Follow-ups');
    const list = panel.page.getByRole('list', { name: 'Open follow-ups' });
    await list.getByText('Add a circuit breaker around the payment provider').waitFor();
    // Ticked off, it leaves the list at once (so click, not check: there is nothing left to stay checked).
    await list.getByRole('checkbox', { name: 'Add a circuit breaker around the payment provider' }).click();
    await panel.page.getByText('No open follow-ups.').waitFor();
  });

  it('reacts to a timeline entry', async () => {
    await panel.show('Active');
    await panel.openIncident('Search down');
    const entry = panel.timeline().getByRole('listitem').filter({ hasText: 'Elasticsearch heap at 95%' });
    await entry.getByRole('button', { name: 'Add a reaction' }).click();
    await entry.getByRole('button', { name: 'React with 🎉' }).click();
    await entry.getByRole('button', { name: '🎉 1, including you' }).waitFor();
    await entry.getByRole('button', { name: '🎉 1, including you' }).click();
    await expect.poll(() => entry.getByRole('button', { name: /🎉/ }).count()).toBe(0);
  });
});
