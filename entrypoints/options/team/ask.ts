import { browser } from 'wxt/browser';
import { ValidationError } from '../../../lib/incidents/errors';
import type { Message, MessagingPort } from '../../../lib/messaging/protocol';
import { request } from '../../../lib/messaging/send';

export const ANSWERED = 'team-request-answered';

/**
 * Asks the background (where supabase-js lives) and returns its answer or
 * throws its sentence. Each answer is announced, so the Team section re-reads
 * what the background just stored. A refusal is already written for the
 * person (lib/team words each one), so it is thrown as a ValidationError,
 * which useAction shows as it is rather than as "Something went wrong".
 */
export async function ask<T = unknown>(message: Message): Promise<T> {
  try {
    return await request<T>(browser as unknown as MessagingPort, message);
  } catch (error) {
    throw new ValidationError(error instanceof Error ? error.message : String(error));
  } finally {
    window.dispatchEvent(new Event(ANSWERED));
  }
}
