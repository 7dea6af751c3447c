import { describe, expect, it, vi } from 'vitest';
import type { MessagingPort } from './protocol';
import { onMessage } from './receive';

function fakePort() {
  let listener: Parameters<MessagingPort['runtime']['onMessage']['addListener']>[0] = () => {};
  const port: MessagingPort = {
    runtime: {
      id: 'our-extension',
      sendMessage: async () => undefined,
      onMessage: { addListener: (l) => (listener = l) },
    },
  };
  const replies: unknown[] = [];
  return {
    port,
    replies,
    deliver: (message: unknown, senderId?: string) => listener(message, { id: senderId }, (r) => replies.push(r)),
  };
}

describe('onMessage', () => {
  it('hands a well-formed message from this extension to the handler', async () => {
    const { port, deliver } = fakePort();
    const handler = vi.fn();
    onMessage(port, handler);
    deliver({ type: 'incidentsChanged' }, 'our-extension');
    await vi.waitFor(() => expect(handler).toHaveBeenCalledWith({ type: 'incidentsChanged' }, { id: 'our-extension' }));
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

  it('refuses a sender that is not this extension', () => {
    const { port, deliver } = fakePort();
    const handler = vi.fn();
    const refused = vi.fn();
    onMessage(port, handler, refused);
    deliver({ type: 'incidentsChanged' }, 'someone-else');
    deliver({ type: 'incidentsChanged' }, undefined);
    expect(handler).not.toHaveBeenCalled();
    expect(refused).toHaveBeenCalledTimes(2);
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
