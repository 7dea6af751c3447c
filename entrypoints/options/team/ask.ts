import { browser } from 'wxt/browser';
import type { Message, MessagingPort } from '../../../lib/messaging/protocol';
import { request } from '../../../lib/messaging/send';

export const ANSWERED = 'team-request-answered';

/**
 * Asks the background (where supabase-js lives) and returns its answer or
 * throws its sentence. Each answer is announced, so the Team section re-reads
 * what the background just stored.
 */
export async function ask<T = unknown>(message: Message): Promise<T> {
  try {
    return await request<T>(browser as unknown as MessagingPort, message);
  } finally {
    window.dispatchEvent(new Event(ANSWERED));
  }
}
