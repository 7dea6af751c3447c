import type { Message, MessagingPort } from './protocol';

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
