import { browser } from 'wxt/browser';
import type { Message, MessagingPort } from '../../../lib/messaging/protocol';
import { request } from '../../../lib/messaging/send';

/** Asks the background (where supabase-js lives) and returns its answer or throws its sentence. */
export const ask = <T = unknown>(message: Message) => request<T>(browser as unknown as MessagingPort, message);
