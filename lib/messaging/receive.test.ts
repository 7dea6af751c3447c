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
  return { port, deliver: (message: unknown, senderId?: string) => listener(message, { id: senderId }, () => {}) };
}

describe('onMessage', () => {
  it('hands a well-formed message from this extension to the handler', () => {
    const { port, deliver } = fakePort();
    const handler = vi.fn();
    onMessage(port, handler);
    deliver({ type: 'incidentsChanged' }, 'our-extension');
    expect(handler).toHaveBeenCalledWith({ type: 'incidentsChanged' });
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
