import { browser } from 'wxt/browser';
import type { Message, MessageOf, MessageSender, MessagingPort } from '../../lib/messaging/protocol';
import { onMessage } from '../../lib/messaging/receive';

type Handlers = { [T in Message['type']]?: (message: MessageOf<T>, sender: MessageSender) => unknown };

const handlers: Handlers = {};

/** Each setUpX() registers the messages it answers; one listener routes them all. */
export function handle<T extends Message['type']>(type: T, handler: NonNullable<Handlers[T]>): void {
  if (handlers[type]) throw new Error(`Two handlers for ${type}`);
  (handlers as Record<string, unknown>)[type] = handler;
}

export function setUpRouter(): void {
  onMessage(browser as unknown as MessagingPort, (message, sender) => {
    const handler = handlers[message.type] as ((m: Message, s: MessageSender) => unknown) | undefined;
    if (!handler) throw new Error(`Nothing handles ${message.type}`);
    return handler(message, sender);
  });
}
