import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SCRIPT_MESSAGE_TYPES, type MessageSender, type MessagingPort } from './protocol';
import { BIDI_TEAM_NAME_MESSAGE } from '../model/text-direction';
import { onMessage, REFUSED_SENDER_REPLY } from './receive';

const BASE = 'chrome-extension://our-extension/';

function fakePort(base = BASE) {
  let listener: Parameters<MessagingPort['runtime']['onMessage']['addListener']>[0] = () => {};
  const port: MessagingPort = {
    runtime: {
      id: 'our-extension',
      getURL: (path) => new URL(path, base).href,
      sendMessage: async () => undefined,
      onMessage: { addListener: (l) => (listener = l) },
    },
  };
  const replies: unknown[] = [];
  return {
    port,
    replies,
    deliver: (message: unknown, sender: MessageSender | string | undefined) =>
      listener(
        message,
        typeof sender === 'object' ? sender : { id: sender, url: `${base}sidepanel.html`, origin: base.slice(0, -1) },
        (r) => replies.push(r),
      ),
  };
}

// How the browsers fill MessageSender (see sender-kind.ts for the sources).
const popup: MessageSender = { id: 'our-extension', url: `${BASE}popup.html`, origin: 'chrome-extension://our-extension' };
const optionsInATab: MessageSender = {
  id: 'our-extension',
  url: `${BASE}options.html#team`,
  origin: 'chrome-extension://our-extension',
  frameId: 0,
  tab: { id: 7, windowId: 1, url: `${BASE}options.html#team` },
};
const contentScript: MessageSender = {
  id: 'our-extension',
  url: 'https://evil.example/login',
  origin: 'https://evil.example',
  frameId: 0,
  tab: { id: 9, windowId: 1, url: 'https://evil.example/login' },
};

const signIn = { type: 'signInWithPassword', email: 'a@example.com', password: 'hunter2' };
const createTeam = { type: 'createTeam', name: 'Platform' };
const share = { type: 'shareIncident', incidentId: '0190a000-0000-7000-8000-000000000001' };
const picked = { type: 'elementPicked', rect: { x: 1, y: 2, width: 30, height: 40 }, viewport: { width: 800, height: 600 } };

describe('onMessage', () => {
  it('hands a well-formed message from this extension to the handler', async () => {
    const { port, deliver } = fakePort();
    const handler = vi.fn();
    onMessage(port, handler);
    deliver({ type: 'incidentsChanged' }, popup);
    await vi.waitFor(() => expect(handler).toHaveBeenCalledWith({ type: 'incidentsChanged' }, popup));
  });

  it('answers a request with the value, or with the error as one sentence', async () => {
    const { port, deliver, replies } = fakePort();
    onMessage(port, async (m) => {
      if (m.type === 'captureScreenshot' && m.tabId === 1) throw new Error('Chrome does not let extensions capture its own pages.');
      return { eventId: 'e1' };
    });
    const target = { incidentId: '0190a000-0000-7000-8000-000000000001', windowId: 1 };
    expect(deliver({ type: 'captureScreenshot', tabId: 2, ...target }, 'our-extension')).toBe(true);
    deliver({ type: 'captureScreenshot', tabId: 1, ...target }, 'our-extension');
    await vi.waitFor(() => expect(replies).toHaveLength(2));
    expect(replies).toEqual([
      { ok: true, value: { eventId: 'e1' } },
      { ok: false, error: 'Chrome does not let extensions capture its own pages.' },
    ]);
  });

  it('refuses a sender that is not this extension, with a reply and a report', () => {
    const { port, deliver, replies } = fakePort();
    const handler = vi.fn();
    const refused = vi.fn();
    onMessage(port, handler, refused);
    deliver({ type: 'incidentsChanged' }, 'someone-else');
    deliver({ type: 'incidentsChanged' }, undefined);
    expect(handler).not.toHaveBeenCalled();
    expect(refused).toHaveBeenCalledTimes(2);
    expect(replies).toEqual([
      { ok: false, error: REFUSED_SENDER_REPLY },
      { ok: false, error: REFUSED_SENDER_REPLY },
    ]);
  });

  it('tells our own page what its form got wrong, in the schema’s sentence (a team name with U+202E)', () => {
    const { port, deliver, replies } = fakePort();
    const handler = vi.fn();
    onMessage(port, handler, vi.fn());
    deliver({ type: 'createTeam', name: 'Ops\u202emaet' }, optionsInATab);
    expect(handler).not.toHaveBeenCalled();
    expect(replies).toEqual([{ ok: false, error: BIDI_TEAM_NAME_MESSAGE }]);
  });

  it('refuses a malformed message', () => {
    const { port, deliver } = fakePort();
    const handler = vi.fn();
    const refused = vi.fn();
    onMessage(port, handler, refused);
    deliver({ type: 'deleteEverything' }, 'our-extension');
    expect(handler).not.toHaveBeenCalled();
    expect(refused).toHaveBeenCalledWith(expect.stringMatching(/malformed/));
  });
});

describe('messages from content scripts', () => {
  it.each([signIn, createTeam, share, { type: 'syncNow' }, { type: 'startElementPicker', incidentId: share.incidentId, tabId: 9, windowId: 1 }])(
    'refuses $type from a content script, says so, reports it, and never handles it',
    (message) => {
      const { port, deliver, replies } = fakePort();
      const handler = vi.fn();
      const refused = vi.fn();
      onMessage(port, handler, refused);
      expect(deliver(message, contentScript)).toBeUndefined(); // answered at once, nothing pending
      expect(handler).not.toHaveBeenCalled();
      expect(replies).toEqual([{ ok: false, error: REFUSED_SENDER_REPLY }]);
      expect(refused).toHaveBeenCalledWith(`Refused "${message.type}" from a content script on https://evil.example`);
    },
  );

  it('never puts the payload (a password) into the report', () => {
    const { port, deliver } = fakePort();
    const refused = vi.fn();
    onMessage(port, vi.fn(), refused);
    deliver(signIn, contentScript);
    expect(JSON.stringify(refused.mock.calls)).not.toContain('hunter2');
  });

  it('accepts what the capture helpers send: elementPicked and pickCancelled', async () => {
    const { port, deliver, replies } = fakePort();
    const handler = vi.fn((_m: unknown, _s: unknown) => ({ eventId: 'e1' }));
    const refused = vi.fn();
    onMessage(port, handler, refused);
    deliver(picked, contentScript);
    deliver({ type: 'pickCancelled' }, contentScript);
    await vi.waitFor(() => expect(replies).toHaveLength(2));
    expect(handler.mock.calls.map(([m]) => (m as { type: string }).type)).toEqual(['elementPicked', 'pickCancelled']);
    expect(handler).toHaveBeenCalledWith(picked, contentScript);
    expect(refused).not.toHaveBeenCalled();
  });

  it('still parses what a content script may send', () => {
    const { port, deliver, replies } = fakePort();
    const handler = vi.fn();
    const refused = vi.fn();
    onMessage(port, handler, refused);
    deliver({ type: 'elementPicked', rect: 'everything' }, contentScript);
    expect(handler).not.toHaveBeenCalled();
    expect(replies).toEqual([{ ok: false, error: 'The extension did not understand that request.' }]);
    expect(refused).toHaveBeenCalledWith(expect.stringMatching(/malformed/));
  });

  it('still lets the extension’s own pages do everything, in a tab or not', async () => {
    const { port, deliver, replies } = fakePort();
    const handler = vi.fn(() => 'done');
    const refused = vi.fn();
    onMessage(port, handler, refused);
    for (const sender of [popup, optionsInATab]) for (const m of [signIn, createTeam, share]) deliver(m, sender);
    await vi.waitFor(() => expect(replies).toHaveLength(6));
    expect(handler).toHaveBeenCalledTimes(6);
    expect(refused).not.toHaveBeenCalled();
  });

  it('tells Firefox pages (moz-extension://<uuid>/) from content scripts by the base URL, not the id', async () => {
    const base = 'moz-extension://2f6d1c1e-0000-4000-8000-000000000000/';
    const { port, deliver, replies } = fakePort(base);
    const handler = vi.fn();
    onMessage(port, handler, vi.fn());
    deliver(createTeam, { id: 'our-extension', url: `${base}options.html`, tab: { id: 3 } });
    deliver(createTeam, { id: 'our-extension', url: 'https://example.com/', tab: { id: 3 } });
    await vi.waitFor(() => expect(replies).toHaveLength(2));
    expect(handler).toHaveBeenCalledTimes(1);
    expect(replies).toContainEqual({ ok: false, error: REFUSED_SENDER_REPLY });
  });

  it.each([
    ['no URL at all', { id: 'our-extension', tab: { id: 3 } }],
    ['a URL that only starts like ours', { id: 'our-extension', url: 'chrome-extension://our-extension.evil/x', tab: { id: 3 } }],
    ['our URL but a foreign origin (about:blank, sandboxed frame)', { id: 'our-extension', url: `${BASE}x.html`, origin: 'null' }],
  ])('fails closed on %s', async (_, sender) => {
    const { port, deliver, replies } = fakePort();
    const handler = vi.fn();
    onMessage(port, handler, vi.fn());
    deliver(createTeam, sender as MessageSender);
    await vi.waitFor(() => expect(replies).toHaveLength(1));
    expect(replies).toEqual([{ ok: false, error: REFUSED_SENDER_REPLY }]);
    expect(handler).not.toHaveBeenCalled();
  });

  it('allows exactly the message types the content scripts send (kept in step with entrypoints/*.content.ts)', () => {
    const dir = join(__dirname, '../../entrypoints');
    const sent = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.content.ts'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const call of source.matchAll(/runtime\.sendMessage\(\s*\{\s*type:\s*'(\w+)'/g)) sent.add(call[1]!);
    }
    expect([...sent].sort()).toEqual([...CONTENT_SCRIPT_MESSAGE_TYPES].sort());
  });
});
