import { v7 as uuidv7 } from 'uuid';
import { storage } from 'wxt/utils/storage';
// zod/mini: the profile is read before the popup can show anything, and the
// full zod build would push the popup past its JS budget.
import * as z from 'zod/mini';
import { toValidationError, ValidationError } from '../incidents/errors';
import { storedNameSchema } from '../model/person-name';
import { BIDI_NAME_MESSAGE, hasBidiControls } from '../model/text-direction';

/** Who I am on this device. Local-only by default: no account, no server. */
export const profileSchema = z.object({
  userId: z.uuid(),
  displayName: storedNameSchema,
});
export type Profile = z.infer<typeof profileSchema>;

export const profileItem = storage.defineItem<unknown>('local:profile', { fallback: null });

/** A stored value as a profile, or null (first run, or what is stored is not a valid profile). */
export function profileOf(value: unknown): Profile | null {
  const parsed = profileSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The stored profile, or null on first run (or if what is stored is not a valid profile). */
export async function loadProfile(): Promise<Profile | null> {
  return profileOf(await profileItem.getValue());
}

/**
 * My profile with this name, checked as saveDisplayName checks it (text
 * direction, then the stored-name rules) but not stored: a first declare
 * (lib/incidents/declare-as-newcomer.ts) checks the name before it writes anything.
 */
export async function profileWithName(name: string): Promise<Profile> {
  const existing = await loadProfile();
  // A new name must not carry text-direction controls. Checked here rather than in
  // profileSchema: a profile stored before this rule must still load, or its
  // userId (who wrote what) would be replaced on the next save.
  if (hasBidiControls(name)) throw new ValidationError(BIDI_NAME_MESSAGE, 'displayName');
  const parsed = profileSchema.safeParse({ userId: existing?.userId ?? uuidv7(), displayName: name });
  // As a ValidationError naming the field, so a form shows it beside "Your name".
  if (!parsed.success) throw toValidationError(parsed.error) ?? parsed.error;
  return parsed.data;
}

/** Sets my display name, creating my local user id the first time. */
export async function saveDisplayName(name: string): Promise<Profile> {
  const profile = await profileWithName(name);
  await profileItem.setValue(profile);
  return profile;
}

/** The stored profile as a port (what is stored, unparsed; null removes it), for a write that must be undone on failure. */
export interface ProfileStore {
  withName(name: string): Promise<Profile>;
  read(): Promise<unknown>;
  write(value: unknown): Promise<void>;
}

export const profileStore: ProfileStore = {
  withName: profileWithName,
  read: () => profileItem.getValue(),
  write: (value) => (value === null ? profileItem.removeValue() : profileItem.setValue(value)),
};
