import { storage } from 'wxt/utils/storage';
import { inviteCodeOf } from './invite-code';

/**
 * The invite code of a whole invite message pasted into the connect step, kept
 * for the join step (two steps and a sign-in later) so it is prefilled there.
 * Session storage: forgotten when the browser closes, and cleared on joining.
 */
export const pendingInviteCodeItem = storage.defineItem<string | null>('session:pendingInviteCode', { fallback: null });

/** The kept code, if what is stored is one (storage is untrusted like any input). */
export async function loadPendingInviteCode(): Promise<string | null> {
  const value = await pendingInviteCodeItem.getValue();
  return typeof value === 'string' ? inviteCodeOf(value) : null;
}
