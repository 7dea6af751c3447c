import { extensionPort } from '../../../components/extension-port';
import { ValidationError } from '../../../lib/incidents/errors';
import type { Message } from '../../../lib/messaging/protocol';
import type { ReplyOf } from '../../../lib/messaging/protocol-map';
import { request } from '../../../lib/messaging/send';

export const ANSWERED = 'team-request-answered';

/**
 * Asks the background (where supabase-js lives) and returns its answer or
 * throws its sentence. Each answer is announced, so the Team section re-reads
 * what the background just stored. A refusal is already written for the
 * person (lib/team words each one), so it is thrown as a ValidationError,
 * which useAction shows as it is rather than as "Something went wrong".
 */
export async function ask<M extends Message>(message: M): Promise<ReplyOf<M['type']>> {
  try {
    return await request(extensionPort, message);
  } catch (error) {
    throw new ValidationError(error instanceof Error ? error.message : String(error));
  } finally {
    window.dispatchEvent(new Event(ANSWERED));
  }
}
