import { messageSchema, type Message, type MessagingPort } from './protocol';

/**
 * Hands parsed messages to `handler`. Anything not sent by this extension, and
 * anything that does not parse, is refused and reported: there is no silent pass.
 */
export function onMessage(
  port: MessagingPort,
  handler: (message: Message) => Promise<void> | void,
  onRefused: (reason: string) => void = (reason) => console.warn(reason),
): void {
  port.runtime.onMessage.addListener((raw, sender) => {
    if (sender.id !== port.runtime.id) {
      onRefused(`Refused a message from ${sender.id ?? 'an unknown sender'}`);
      return;
    }
    const parsed = messageSchema.safeParse(raw);
    if (!parsed.success) {
      onRefused(`Refused a malformed message: ${parsed.error.issues[0]?.message ?? ''}`);
      return;
    }
    void handler(parsed.data);
  });
}
