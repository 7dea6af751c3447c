import { extensionPort } from '../../components/extension-port';
import type { Message, MessageOf, MessageSender } from '../../lib/messaging/protocol';
import type { ReplyOf } from '../../lib/messaging/protocol-map';
import { onMessage } from '../../lib/messaging/receive';

/** A handler answers what its message's ProtocolMap entry says, so `request` returns that type. */
type Handlers = {
  [T in Message['type']]?: (message: MessageOf<T>, sender: MessageSender) => ReplyOf<T> | Promise<ReplyOf<T>>;
};

const handlers: Handlers = {};
type Listener = (message: Message, sender: MessageSender) => unknown;
const listeners = new Map<Message['type'], Listener[]>();

/** Also tell `listener` about a message (no answer): notifications several concerns react to. */
export function listen<T extends Message['type']>(type: T, listener: (message: MessageOf<T>, sender: MessageSender) => unknown): void {
  listeners.set(type, [...(listeners.get(type) ?? []), listener as Listener]);
}

/** Each setUpX() registers the messages it answers; one listener routes them all. */
export function handle<T extends Message['type']>(type: T, handler: NonNullable<Handlers[T]>): void {
  if (handlers[type]) throw new Error(`Two handlers for ${type}`);
  (handlers as Record<string, unknown>)[type] = handler;
}

/**
 * The one listener. onMessage refuses other extensions, and content scripts for
 * anything but the capture helpers' messages (CONTENT_SCRIPT_MESSAGE_TYPES), before
 * any handler or listener here sees them; refusals land in the worker's console.
 */
export function setUpRouter(): void {
  onMessage(extensionPort, (message, sender) => {
    for (const listener of listeners.get(message.type) ?? []) {
      void Promise.resolve()
        .then(() => listener(message, sender))
        .catch((error: unknown) => console.error(`${message.type} listener failed`, error));
    }
    const handler = handlers[message.type] as ((m: Message, s: MessageSender) => unknown) | undefined;
    if (!handler) {
      if (listeners.has(message.type)) return undefined;
      throw new Error(`Nothing handles ${message.type}`);
    }
    return handler(message, sender);
  }, (reason) => console.warn(`Message intake: ${reason}`));
}
