import { messageSchema, type Message, type MessageSender, type MessagingPort, type Reply } from './protocol';

export type Handler = (message: Message, sender: MessageSender) => Promise<unknown> | unknown;

/**
 * Hands parsed messages to `handler` and answers with what it returns (or the
 * sentence its error carries). Anything not sent by this extension, and
 * anything that does not parse, is refused and reported: no silent pass.
 */
export function onMessage(
  port: MessagingPort,
  handler: Handler,
  onRefused: (reason: string) => void = (reason) => console.warn(reason),
): void {
  port.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    if (sender.id !== port.runtime.id) {
      onRefused(`Refused a message from ${sender.id ?? 'an unknown sender'}`);
      return;
    }
    const parsed = messageSchema.safeParse(raw);
    if (!parsed.success) {
      onRefused(`Refused a malformed message: ${parsed.error.issues[0]?.message ?? ''}`);
      sendResponse({ ok: false, error: 'The extension did not understand that request.' } satisfies Reply);
      return;
    }
    Promise.resolve()
      .then(() => handler(parsed.data, sender))
      .then(
        (value) => sendResponse({ ok: true, value } satisfies Reply),
        (error: unknown) =>
          sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) } satisfies Reply),
      );
    return true; // answer asynchronously
  });
}
