import {
  CONTENT_SCRIPT_MESSAGE_TYPES,
  messageSchema,
  type Message,
  type MessageSender,
  type MessagingPort,
  type Reply,
} from './protocol';
import { describeSender, senderKind } from './sender-kind';

export type Handler = (message: Message, sender: MessageSender) => Promise<unknown> | unknown;

const fromContentScript: ReadonlySet<string> = new Set(CONTENT_SCRIPT_MESSAGE_TYPES);

/** What a refused sender is told: one sentence, nothing about why in detail (it may be hostile). */
export const REFUSED_SENDER_REPLY = 'This request can only come from the extension’s own pages.';

/**
 * Hands parsed messages to `handler` and answers with what it returns (or the
 * sentence its error carries). No silent pass path:
 * - anything not sent by this extension is refused;
 * - a content script (it shares a renderer with the web page, so a hostile
 *   page may forge its messages) may send only what the capture helpers send
 *   (CONTENT_SCRIPT_MESSAGE_TYPES); anything else it sends is refused;
 * - anything that does not parse is refused.
 * A refusal is answered with one sentence and reported, and never handled.
 */
export function onMessage(
  port: MessagingPort,
  handler: Handler,
  onRefused: (reason: string) => void = (reason) => console.warn(reason),
): void {
  const baseUrl = port.runtime.getURL('/');
  port.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    const refuse = (report: string, reply: string) => {
      onRefused(report);
      sendResponse({ ok: false, error: reply } satisfies Reply);
    };
    const kind = senderKind(sender, port.runtime.id, baseUrl);
    if (kind === 'foreign') {
      refuse(`Refused a message from ${sender.id ?? 'an unknown sender'}`, REFUSED_SENDER_REPLY);
      return;
    }
    if (kind === 'content-script') {
      // Judged on the type alone, before the payload is looked at: the report names
      // the type the page asked for (never the payload, which may hold a password).
      const type = (raw as { type?: unknown } | null)?.type;
      if (typeof type !== 'string' || !fromContentScript.has(type)) {
        refuse(
          `Refused ${typeof type === 'string' ? `"${type.slice(0, 40)}"` : 'a message'} from a content script on ${describeSender(sender)}`,
          REFUSED_SENDER_REPLY,
        );
        return;
      }
    }
    const parsed = messageSchema.safeParse(raw);
    if (!parsed.success) {
      const why = parsed.error.issues[0]?.message ?? '';
      // Our own pages get the schema's sentence (say, a team name with text-direction
      // controls), which the form shows; a content script learns nothing more.
      refuse(
        `Refused a malformed message: ${why}`,
        kind === 'extension-page' && why ? why : 'The extension did not understand that request.',
      );
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
