import type { Message, MessagingPort, Reply } from './protocol';
import type { ReplyOf } from './protocol-map';

/**
 * Fire-and-forget. The type is the sender's check; the receiver parses with
 * zod. Kept free of zod itself because every page sends on its first write.
 * A closed receiver (background not started yet) is not an error here.
 */
export async function sendMessage(port: MessagingPort, message: Message): Promise<void> {
  try {
    await port.runtime.sendMessage(message);
  } catch (error) {
    if (!/Receiving end does not exist|message port closed/i.test(String(error))) throw error;
  }
}

/**
 * Asks the background and waits for its answer, typed by the message
 * (ProtocolMap); a refusal becomes an Error with its sentence.
 */
export async function request<M extends Message>(port: MessagingPort, message: M): Promise<ReplyOf<M['type']>> {
  const reply = (await port.runtime.sendMessage(message)) as Reply<ReplyOf<M['type']>> | undefined;
  if (!reply) throw new Error('The extension’s background did not answer. Try again.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
