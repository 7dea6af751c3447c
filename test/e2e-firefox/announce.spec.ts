import { createHmac } from 'node:crypto';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver } from '../support/webhook-receiver';
import { launchFirefox, openPopupWindow, openTab, startTestSite, type FirefoxSession } from './fixtures';
import { PopupPage } from './pages/popup.page';
import { byRole, fillIn, inputValue, roleWithText, waitForText } from './pages/queries';

type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

/**
 * The Firefox twin of test/e2e/announce.spec.ts: destinations saved in
 * Options (host access and data consent asked for in the click: the
 * profile grants optional permissions without a doorhanger, the gesture rule
 * still applies), every kind posted to a stand-in on 127.0.0.1 with its shape
 * and the JSON signature checked, a 500 retried then sent, and a service that
 * never answers timing out while the incident is saved at once.
 */
describe('announce in Firefox', () => {
  let session: FirefoxSession;
  let site: Awaited<ReturnType<typeof startTestSite>>;
  let hooks: Receiver;
  let flaky: Receiver;
  let silent: Receiver;
  let options: Page;
  let secret = '';
  let firstRun = true;

  const FORM = 'form[aria-label="Add a destination"]';
  const row = (name: string) => `li[aria-label="${name}"]`;
  const host = (r: Receiver) => r.origin.slice('http://'.length);

  async function addDestination(service: string, url: string, topics: string[] = []) {
    await options.locator(byRole('button', 'Add a destination')).click();
    await options.waitForSelector(FORM);
    await options.select(`${FORM} select`, { Slack: 'slack', 'Microsoft Teams': 'teams', Discord: 'discord', Mattermost: 'mattermost', 'Webhook (signed JSON)': 'json' }[service]!);
    await fillIn(options, 'Webhook URL', url);
    for (const topic of topics) await options.locator(byRole('checkbox', topic)).click();
    if (service === 'Webhook (signed JSON)') secret = await inputValue(options, byRole('textbox', 'Shared secret'));
    await options.locator(byRole('button', 'Save destination')).click();
    await options.waitForFunction((f: string) => !document.querySelector(f) || document.querySelector(`${f} [role="alert"]`)?.textContent, {}, FORM);
    const refused = await options.$eval(`body`, (b, f) => b.querySelector(`${f} [role="alert"]`)?.textContent ?? null, FORM);
    if (refused) throw new Error(`Options refused the destination: ${refused}`);
  }

  async function declare(title: string) {
    const popup = new PopupPage(await openPopupWindow(session));
    // The first popup asks for my name; later ones open on the incident I lead.
    if (firstRun) await popup.enterName('Sophie');
    else await popup.page.locator(byRole('button', 'Declare another incident')).click();
    firstRun = false;
    await popup.declare({ title, severity: 'Major' });
    expect(await popup.currentIncidentTitle()).toBe(title);
    await popup.page.close();
  }

  beforeAll(async () => {
    [site, hooks, flaky, silent] = await Promise.all([startTestSite(), startWebhookReceiver(), startWebhookReceiver(), startWebhookReceiver()]);
    session = await launchFirefox();
    await openTab(session, `${site.origin}/grafana`);
    options = await session.openExtensionPage('options.html');
  });

  afterAll(async () => {
    await session?.close();
    await Promise.all([site?.close(), hooks?.close(), flaky?.close(), silent?.close()]);
  });

  it('refuses a URL of the wrong shape with a sentence naming what to paste', async () => {
    await waitForText(options, 'body', 'No destinations yet.');
    await options.locator(byRole('button', 'Add a destination')).click();
    await options.select(`${FORM} select`, 'slack');
    await fillIn(options, 'Webhook URL', 'https://example.com/services/x');
    await options.locator(byRole('button', 'Save destination')).click();
    await roleWithText(options, 'alert', 'Paste a Slack incoming-webhook URL (https://hooks.slack.com/services/…).');
    await options.locator(byRole('button', 'Cancel')).click();
  });

  it('posts a Major incident to every kind in its own payload, signed for JSON', async () => {
    await addDestination('Slack', `${hooks.origin}/services/T0/B0/slack`);
    await addDestination('Microsoft Teams', `${hooks.origin}/workflows/teams/triggers/manual/paths/invoke`);
    await addDestination('Discord', `${hooks.origin}/api/webhooks/1/discord`);
    await addDestination('Mattermost', `${hooks.origin}/hooks/mattermost`);
    await addDestination('Webhook (signed JSON)', `${hooks.origin}/json`);
    await declare('Payments @everyone down');
    await expect.poll(() => hooks.posts.length, { timeout: 20_000 }).toBe(5);

    expect(hooks.bodies('/services/T0/B0/slack')[0]).toEqual({ text: expect.stringMatching(/^:rotating_light: Major incident declared: \*Payments @everyone down\*/) });
    expect(hooks.bodies('/workflows/teams/triggers/manual/paths/invoke')[0]).toMatchObject({
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.4' } }],
    });
    expect(hooks.bodies('/api/webhooks/1/discord')[0]).toMatchObject({ allowed_mentions: { parse: [] }, embeds: [{ title: 'Payments @everyone down' }] });
    expect(String(hooks.bodies('/hooks/mattermost')[0]!.text)).toContain('Payments @\u200Beveryone down');
    const json = hooks.posts.find((p) => p.path === '/json')!;
    const timestamp = String(json.headers['x-incident-timestamp']);
    expect(json.headers['x-incident-signature']).toBe(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${json.body}`).digest('hex')}`);
    expect(JSON.parse(json.body)).toMatchObject({ version: 1, type: 'incident.declared', incident: { title: 'Payments @everyone down' } });
    await waitForText(options, row(`Slack · ${host(hooks)}`), 'Sent: Major incident declared');
  });

  it('sends a test message on request', async () => {
    const before = hooks.posts.length;
    const teams = row(`Microsoft Teams · ${host(hooks)}`);
    await options.locator(`${teams} ::-p-aria([name="Send a test message"][role="button"])`).click();
    await waitForText(options, teams, 'Test message sent');
    expect(hooks.posts).toHaveLength(before + 1);
    const card = JSON.parse(hooks.posts.at(-1)!.body);
    expect(card.type).toBe('message');
    expect(card.attachments[0].content.body[0]).toMatchObject({ type: 'TextBlock', text: 'Test message from Incident Capture' });
  });

  it('retries a destination answering 500, shows the failure, then shows it sent', async () => {
    flaky.answer(500);
    await addDestination('Discord', `${flaky.origin}/api/webhooks/2/flaky`);
    await waitForText(options, row(`Discord · ${host(flaky)}`), 'Discord could not take the message (500 server_error).', { timeout: 20_000 });
    await waitForText(options, row(`Discord · ${host(flaky)}`), 'Sent: Major incident declared', { timeout: 30_000 });
    expect(flaky.posts).toHaveLength(2);
  });

  it('a destination that never answers: the incident is saved at once, the timeout is shown', async () => {
    silent.answer('hang', 'hang', 'hang');
    await addDestination('Mattermost', `${silent.origin}/hooks/silent`);
    const started = Date.now();
    await declare('Search down');
    expect(Date.now() - started).toBeLessThan(10_000);
    await waitForText(options, row(`Mattermost · ${host(silent)}`), 'did not answer within 10 s.', { timeout: 30_000 });
    await expect.poll(() => hooks.bodies('/services/T0/B0/slack').length, { timeout: 20_000 }).toBe(2);
  });
});
