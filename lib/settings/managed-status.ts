import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/**
 * What went wrong applying the organisation's settings, for Options → Team:
 * the background writes it (entrypoints/background/set-up-managed.ts), the
 * page shows it with what to do. A failed invite code is remembered with the
 * account it failed for, so a restarting service worker does not spend the
 * server's invite-attempt limit on the same bad code again.
 */
export const managedStatusSchema = z.object({
  connectionError: z.string().nullable(),
  joinError: z.object({ code: z.string(), userId: z.string(), message: z.string() }).nullable(),
});
export type ManagedStatus = z.infer<typeof managedStatusSchema>;

export const EMPTY_MANAGED_STATUS: ManagedStatus = { connectionError: null, joinError: null };

export const managedStatusItem = storage.defineItem<unknown>('local:managedStatus', { fallback: null });

export function parseManagedStatus(value: unknown): ManagedStatus {
  const parsed = managedStatusSchema.safeParse(value);
  return parsed.success ? parsed.data : EMPTY_MANAGED_STATUS;
}
