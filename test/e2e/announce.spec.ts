import { createHmac } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startWebhookReceiver } from '../support/webhook-receiver';
import { E2E_EXTENSION_DIR, launchExtension, openPopupWindow, startTestSite, type ExtensionSession } from './fixtures';
import { CHROMIUM_POLICY_DIR, copyExtension } from './managed-policy';
import { OptionsPage } from './pages/options.page';
import { PopupPage } from './pages/popup.page';

type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

/**
 * Issue 12, part 3: announcing where the team talks. Each kind posts to a
 * stand-in on 127.0.0.1 (test/support/webhook-receiver.ts) and the payload's
 * shape is checked; the JSON one's signature is verified as docs/webhooks.md
 * tells a receiver to. Then a service that fails once (retried, shown, then
 * ok) and one that never answers (timeout shown, the incident saved at once).
 */
describe('announce: destinations in Options, each kind, failures', () => {
  let session: ExtensionSession;
  let site: Awaited<ReturnType<typeof startTestSite>>;
  let hooks: Receiver;
  let flaky: Receiver;
  let silent: Receiver;
  let options: Page;
  let secret = '';

  async function declare(title: string, severity: 'Minor' | 'Major' = 'Major') {
    const popup = new PopupPage(await openPopupWindow(session));
    const another = popup.page.getByRole('button', { name: 'Declare another incident' });
    await another.or(popup.title()).first().waitFor();
    if (await another.isVisible()) await another.click();
    await popup.declare({ title, severity });
    // Closing the popup before the incident shows could cut off the write's "incidentsChanged".
    await popup.currentIncidentTitle();
    return popup;
  }

  async function addDestination(service: string, url: string, topics: string[] = []) {
    await options.getByRole('button', { name: 'Add a destination' }).click();
    const form = options.getByRole('form', { name: 'Add a destination' });
    await form.getByLabel('Service').selectOption({ label: service });
    await form.getByLabel('Webhook URL').fill(url);
    for (const topic of topics) await form.getByRole('checkbox', { name: topic }).check();
    if (service === 'Webhook (signed JSON)') secret = await form.getByLabel('Shared secret').inputValue();
    await form.getByRole('button', { name: 'Save destination' }).click();
    await form.waitFor({ state: 'detached' });
  }

  const item = (name: string) => options.getByRole('listitem', { name });

  beforeAll(async () => {
    [site, session, hooks, flaky, silent] = await Promise.all([
      startTestSite(),
      launchExtension(),
      startWebhookReceiver(),
      startWebhookReceiver(),
      startWebhookReceiver(),
    ]);
    const tab = await session.context.newPage();
    await tab.goto(`${site.origin}/grafana`);
    options = await session.context.newPage();
    await options.goto(session.url('options.html'));
    await new OptionsPage(options).saveName('Sophie');
  });

  afterAll(async () => {
    await session?.close();
    await Promise.all([site?.close(), hooks?.close(), flaky?.close(), silent?.close()]);
  });

  it('starts empty, and refuses a URL of the wrong shape with a sentence naming what to paste', async () => {
    await options.getByText('No destinations yet.').waitFor();
    await options.getByRole('button', { name: 'Add a destination' }).click();
    const form = options.getByRole('form', { name: 'Add a destination' });
    await form.getByLabel('Service').selectOption({ label: 'Discord' });
    await form.getByLabel('Webhook URL').fill('https://example.com/api/webhooks/1/x');
    await form.getByRole('button', { name: 'Save destination' }).click();
    await form.getByRole('alert').filter({ hasText: 'Paste a Discord webhook URL (https://discord.com/api/webhooks/…)' }).waitFor();
    await form.getByRole('button', { name: 'Cancel' }).click();
    await options.getByText('No destinations yet.').waitFor();
  });

  it('posts a Major incident to every kind in its own payload, signed for JSON', async () => {
    await addDestination('Slack', `${hooks.origin}/services/T0/B0/slack`);
    await addDestination('Microsoft Teams', `${hooks.origin}/workflows/teams/triggers/manual/paths/invoke`);
    await addDestination('Discord', `${hooks.origin}/api/webhooks/1/discord`);
    await addDestination('Mattermost', `${hooks.origin}/hooks/mattermost`);
    await addDestination('Webhook (signed JSON)', `${hooks.origin}/json`, ['Customer update logged']);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    await item(`Webhook (signed JSON) · ${hooks.origin.slice(7)}`).getByText('Sends: Major incident declared or resolved, Customer update logged').waitFor();

    await (await declare('Payments <!channel> down')).page.close();
    await expect.poll(() => hooks.posts.length, { timeout: 15_000 }).toBe(5);

    expect(hooks.bodies('/services/T0/B0/slack')).toEqual([
      { text: expect.stringMatching(/^:rotating_light: Major incident declared: \*Payments &lt;!channel&gt; down\*\nLead: Sophie/) },
    ]);
    const [teams] = hooks.bodies('/workflows/teams/triggers/manual/paths/invoke');
    expect(teams).toMatchObject({
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.4' } }],
    });
    const [discord] = hooks.bodies('/api/webhooks/1/discord');
    expect(discord).toMatchObject({ allowed_mentions: { parse: [] }, embeds: [{ title: 'Payments <!channel> down', color: 0xd93025 }] });
    const [mattermost] = hooks.bodies('/hooks/mattermost');
    expect(mattermost!.text).toMatch(/^:rotating_light: Major incident declared: \*\*Payments <\u200B\\!channel\\> down\*\*/);

    const json = hooks.posts.find((p) => p.path === '/json')!;
    const timestamp = String(json.headers['x-incident-timestamp']);
    expect(Math.abs(Date.now() / 1000 - Number(timestamp))).toBeLessThan(60);
    const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${json.body}`).digest('hex')}`;
    expect(json.headers['x-incident-signature']).toBe(expected);
    expect(JSON.parse(json.body)).toMatchObject({ version: 1, type: 'incident.declared', incident: { title: 'Payments <!channel> down', leadName: 'Sophie' } });

    await item(`Slack · ${hooks.origin.slice(7)}`).getByText(/Sent: Major incident declared/).waitFor();
  });

  it('sends a test message on request', async () => {
    const before = hooks.posts.length;
    await item(`Discord · ${hooks.origin.slice(7)}`).getByRole('button', { name: 'Send a test message' }).click();
    await item(`Discord · ${hooks.origin.slice(7)}`).getByText(/Test message sent/).waitFor();
    expect(hooks.posts.length).toBe(before + 1);
    expect(JSON.parse(hooks.posts.at(-1)!.body).content).toMatch(/^Test message from Incident Capture/);
  });

  it('retries a destination answering 500, shows the failure, then shows it sent', async () => {
    flaky.answer(500);
    await addDestination('Mattermost', `${flaky.origin}/hooks/flaky`);
    const row = item(`Mattermost · ${flaky.origin.slice(7)}`);
    // Saving wakes the sender, which owes this destination the Major declared above.
    await row.getByText(/Mattermost could not take the message \(500 server_error\)\. The incident is saved; the message will be retried\./).waitFor({ timeout: 15_000 });
    await row.getByText(/Sent: Major incident declared/).waitFor({ timeout: 20_000 });
    expect(flaky.posts).toHaveLength(2);
    expect(flaky.posts[1]!.body).toBe(flaky.posts[0]!.body);
  });

  it('a destination that never answers: the incident is saved at once, the timeout is shown', async () => {
    silent.answer('hang', 'hang', 'hang');
    await addDestination('Webhook (signed JSON)', `${silent.origin}/never`);
    const started = Date.now();
    const popup = await declare('Search down');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await popup.currentIncidentTitle()).toBe('Search down');
    await popup.page.close();
    await item(`Webhook (signed JSON) · ${silent.origin.slice(7)}`)
      .getByText(/did not answer within 10 s\. The incident is saved; the message will be retried\./)
      .waitFor({ timeout: 25_000 });
    // The others were not held up by it.
    await expect.poll(() => hooks.bodies('/services/T0/B0/slack').length, { timeout: 15_000 }).toBe(2);
  });

  it('removes a destination', async () => {
    await item(`Discord · ${hooks.origin.slice(7)}`).getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => item(`Discord · ${hooks.origin.slice(7)}`).count()).toBe(0);
  });
});

/**
 * A destination an organisation deploys (lib/settings/managed-settings.ts):
 * listed first, locked, and sent to. The policy goes in a file of its own for
 * a copy of the e2e build in another folder (another id: test/e2e/managed-policy.ts),
 * so no other spec's browser sees it; the file is removed however the run ends.
 */
describe('announce: a destination set by the organisation', () => {
  const POLICY_FILE = join(CHROMIUM_POLICY_DIR, 'incident-capture-e2e-announce.json');
  const removePolicy = () => rmSync(POLICY_FILE, { force: true });
  process.on('exit', removePolicy);
  let copy: ReturnType<typeof copyExtension>;
  let session: ExtensionSession | undefined;
  let receiver: Receiver;
  const SECRET = 'org-secret-0123456789abcdef';

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    copy = copyExtension(E2E_EXTENSION_DIR);
    mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
    writeFileSync(
      POLICY_FILE,
      JSON.stringify({
        '3rdparty': {
          extensions: { [copy.id]: { webhooks: [{ id: 'slack', kind: 'json', url: `${receiver.origin}/org`, secret: SECRET, topics: ['declared'] }] } },
        },
      }),
    );
    // Kept until afterAll: Chromium re-reads the folder on change, so removing it drops the policy.
    session = await launchExtension(copy.dir);
  });

  afterAll(async () => {
    removePolicy();
    await session?.close();
    copy?.remove();
    await receiver?.close();
  });

  it('is listed first and locked, and receives what it chose, signed', async () => {
    const options = await session!.context.newPage();
    await options.goto(session!.url('options.html'));
    await new OptionsPage(options).saveName('Olivia');
    const row = options.getByRole('listitem', { name: `Webhook (signed JSON) · ${receiver.origin.slice(7)}` });
    await row.getByText('Set by your organisation').waitFor();
    expect(await row.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await row.getByRole('button', { name: 'Remove' }).count()).toBe(0);

    const popup = new PopupPage(await openPopupWindow(session!));
    await popup.declare({ title: 'Login slow' });
    await popup.currentIncidentTitle();
    await popup.page.close();
    await expect.poll(() => receiver.posts.length, { timeout: 15_000 }).toBe(1);
    const [post] = receiver.posts;
    const timestamp = String(post!.headers['x-incident-timestamp']);
    expect(post!.headers['x-incident-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${post!.body}`).digest('hex')}`);
    expect(JSON.parse(post!.body)).toMatchObject({ type: 'incident.declared', topics: ['declared'], incident: { title: 'Login slow', severity: 'minor' } });
    await row.getByText(/Sent: Minor incident declared/).waitFor();
  });
});
