import { createHmac } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { LAWRENCE, makeContext } from '../../test/support/domain';
import { formatHlc, parseHlc } from '../clock/hlc';
import { announceDeliveriesItem, announceStatusItem, legacySlackPostedItem } from '../db/meta-items';
import { changeLead, declareIncident } from '../incidents/operations';
import { readNodeId } from '../incidents/node-id';
import { readTimeline } from '../incidents/queries';
import type { Destination } from './destination';
import { CONSENT_WITHDRAWN, sendPending, type SenderPorts } from './sender';

const SLACK: Destination = { id: 'slack', kind: 'slack', url: 'https://hooks.slack.com/services/T/B/X', topics: ['major'] };
const JSON_HOOK: Destination = { id: 'json', kind: 'json', url: 'https://example.com/hook', topics: ['declared'], secret: 's'.repeat(32) };
const DISCORD: Destination = { id: 'discord', kind: 'discord', url: 'https://discord.com/api/webhooks/1/x', topics: ['lead_changed'] };

type Answer = number | 'hang' | 'offline';

/** A fetch that records each post and answers from a script (200 once the script runs out). */
function service(...script: Answer[]) {
  const posts: { url: string; body: string; headers: Record<string, string> }[] = [];
  const fetch = vi.fn((url: string, init: RequestInit) => {
    posts.push({ url, body: String(init.body), headers: init.headers as Record<string, string> });
    const answer = script.shift() ?? 200;
    if (answer === 'offline') return Promise.reject(new TypeError('Failed to fetch'));
    if (answer === 'hang') return new Promise<Response>((_ok, fail) => init.signal!.addEventListener('abort', () => fail(init.signal!.reason)));
    return Promise.resolve(new Response(answer === 200 ? 'ok' : 'nope', { status: answer }));
  });
  return { posts, fetch: fetch as unknown as typeof globalThis.fetch };
}

async function setUp(destinations: Destination[], ...script: Answer[]) {
  const ctx = makeContext();
  const web = service(...script);
  const ports: SenderPorts = {
    db: ctx.db,
    fetch: web.fetch,
    now: ctx.now,
    random: () => 0.5,
    nodeId: await readNodeId(ctx.db),
    destinations,
    consent: async () => ({ send: true, links: true }),
    timeoutMs: 50,
  };
  return { ctx, web, ports, send: (patch: Partial<SenderPorts> = {}) => sendPending({ ...ports, ...patch }) };
}

describe('sendPending', () => {
  it('sends each event once to each destination whose topics match, signed for json', async () => {
    const { ctx, web, send } = await setUp([SLACK, JSON_HOOK, DISCORD]);
    await declareIncident(ctx, { title: 'Payments down', severity: 'major' });
    expect(await send()).toMatchObject({ sent: 2, failures: [], nextAttemptAt: null });
    expect(web.posts.map((p) => p.url)).toEqual([SLACK.url, JSON_HOOK.url]);
    const signed = web.posts[1]!;
    const ts = signed.headers['X-Incident-Timestamp']!;
    expect(signed.headers['X-Incident-Signature']).toBe(`sha256=${createHmac('sha256', JSON_HOOK.secret!).update(`${ts}.${signed.body}`).digest('hex')}`);
    expect(JSON.parse(signed.body)).toMatchObject({ version: 1, type: 'incident.declared' });

    expect(await send()).toMatchObject({ sent: 0 });
    expect(web.posts).toHaveLength(2);
    const status = await announceStatusItem.get(ctx.db);
    expect(status.slack).toMatchObject({ ok: true, message: 'Sent: Major incident declared' });
  });

  it('never sends an event another device made: a teammate’s, or mine from my other device', async () => {
    const { ctx, web, send } = await setUp([SLACK, JSON_HOOK, DISCORD]);
    const incident = await declareIncident(ctx, { title: 'Payments down', severity: 'major' });
    await send();
    const before = web.posts.length;
    const [declared] = await readTimeline(ctx.db, incident.id);
    const other = parseHlc(declared!.hlc);
    await ctx.db.events.put({
      ...declared!,
      id: '0190a000-0000-7000-8000-00000000ffff',
      kind: 'lead_changed',
      body: { leadId: LAWRENCE.userId, leadName: LAWRENCE.displayName },
      hlc: formatHlc({ ...other, counter: other.counter + 1, node: 'otherdevice' }),
    } as never);
    await send();
    expect(web.posts).toHaveLength(before);
    // The same change made here is sent.
    await changeLead(ctx, incident.id, { id: LAWRENCE.userId, name: LAWRENCE.displayName });
    await send();
    expect(web.posts.at(-1)!.url).toBe(DISCORD.url);
  });

  it('retries a 500 with backoff, shows it, then sends once and shows ok', async () => {
    const { ctx, web, send } = await setUp([SLACK], 500);
    await declareIncident(ctx, { title: 'Payments down', severity: 'major' });
    const failed = await send();
    expect(failed.failures).toEqual(['Slack could not take the message (500 nope). The incident is saved; the message will be retried.']);
    expect(failed.nextAttemptAt).toBe(ctx.now() + 3_750); // half of 5 s fixed, half jittered (random 0.5)
    expect((await announceStatusItem.get(ctx.db)).slack).toMatchObject({ ok: false, message: failed.failures[0] });
    await send(); // not due yet
    expect(web.posts).toHaveLength(1);
    ctx.advance(4_000);
    expect(await send()).toMatchObject({ sent: 1, nextAttemptAt: null });
    expect(web.posts).toHaveLength(2);
    expect((await announceStatusItem.get(ctx.db)).slack!.ok).toBe(true);
  });

  it('retries a timeout and a network failure', async () => {
    const { ctx, web, send } = await setUp([SLACK], 'hang', 'offline');
    await declareIncident(ctx, { title: 'Payments down', severity: 'major' });
    expect((await send()).failures[0]).toMatch(/^Slack did not answer within 0 s\. The incident is saved/);
    ctx.advance(60_000);
    expect((await send()).failures[0]).toMatch(/^Could not reach Slack\. The incident is saved/);
    ctx.advance(60_000);
    expect(await send()).toMatchObject({ sent: 1 });
    expect(web.posts).toHaveLength(3);
  });

  it('treats a 4xx other than 429 as final for that message, and shows it', async () => {
    const { ctx, web, send } = await setUp([SLACK], 404, 429);
    await declareIncident(ctx, { title: 'Payments down', severity: 'major' });
    expect((await send()).failures).toEqual(['Slack refused the message (404 nope). Check the destination in Options; this message will not be retried.']);
    ctx.advance(3_600_000);
    await send();
    expect(web.posts).toHaveLength(1);
    // 429 is a "slow down", retried.
    await declareIncident(ctx, { title: 'Search down', severity: 'major' });
    expect((await send()).nextAttemptAt).not.toBeNull();
  });

  it('gives up after a day of retrying, and says so', async () => {
    const { ctx, send } = await setUp([SLACK], ...Array<Answer>(100).fill(503));
    await declareIncident(ctx, { title: 'Payments down', severity: 'major' });
    await send();
    ctx.advance(24 * 3_600_000 + 1);
    expect((await send()).failures).toEqual(['Slack could not take the message (503 nope). Gave up after a day of retrying.']);
    ctx.advance(3_600_000);
    expect(await send()).toMatchObject({ failures: [], nextAttemptAt: null });
  });

  it('sends nothing without the browser’s consent, and says why', async () => {
    const { ctx, web, send } = await setUp([SLACK]);
    await declareIncident(ctx, { title: 'Payments down', severity: 'major', sourceUrl: 'https://sentry.io/1' });
    await send({ consent: async () => ({ send: false, links: false }) });
    expect(web.posts).toHaveLength(0);
    expect((await announceStatusItem.get(ctx.db)).slack).toMatchObject({ ok: false, message: CONSENT_WITHDRAWN });
    // Consent to details but not to addresses: sent without the page's address.
    await send({ consent: async () => ({ send: true, links: false }) });
    expect(web.posts[0]!.body).not.toContain('sentry.io');
  });

  it('does not repost what the old Slack webhook posted before the upgrade', async () => {
    const { ctx, web, send } = await setUp([SLACK]);
    const incident = await declareIncident(ctx, { title: 'Payments down', severity: 'major' });
    await legacySlackPostedItem.put(ctx.db, [incident.id]);
    await send();
    expect(web.posts).toHaveLength(0);
    await send({ destinations: [{ ...SLACK, id: 'another' }] });
    expect(web.posts).toHaveLength(1);
  });

  it('forgets deliveries older than two days', async () => {
    const { ctx, send } = await setUp([SLACK]);
    await declareIncident(ctx, { title: 'Payments down', severity: 'major' });
    await send();
    expect(Object.keys(await announceDeliveriesItem.get(ctx.db))).toHaveLength(1);
    ctx.advance(3 * 24 * 3_600_000);
    await send();
    expect(await announceDeliveriesItem.get(ctx.db)).toEqual({});
  });

  it('waits, and says why, while the browser has not allowed a destination’s host; sends once it has', async () => {
    const { ctx, web, send } = await setUp([SLACK]);
    await declareIncident(ctx, { title: 'Payments down', severity: 'major' });
    await send({ hostAllowed: async () => false });
    expect(web.posts).toHaveLength(0);
    expect((await announceStatusItem.get(ctx.db)).slack!.message).toBe(
      'Not sent yet: the browser has not allowed sending to hooks.slack.com. Choose “Allow sending” in Options.',
    );
    await send({ hostAllowed: async () => true });
    expect(web.posts).toHaveLength(1);
  });

  it('keeps one broken destination to itself: the others are still sent to', async () => {
    const { ctx, web, send } = await setUp([{ ...SLACK, id: 'broken', url: 'not a url' }, SLACK]);
    await declareIncident(ctx, { title: 'Payments down', severity: 'major' });
    await send({ hostAllowed: async (d) => Boolean(new URL(d.url)) });
    expect(web.posts.map((p) => p.url)).toEqual([SLACK.url]);
    expect((await announceStatusItem.get(ctx.db)).broken).toMatchObject({ ok: false, message: expect.stringMatching(/^Not sent: /) });
  });
});
