import { storage } from 'wxt/utils/storage';
import { readTrackerSettings, trackerSettingsSchema, type TrackerSettings } from './tracker-settings';

/**
 * Options → Trackers, kept in chrome.storage.local on this device. Read
 * through readTrackerSettings (./tracker-settings.ts): a stored value that no
 * longer parses reads as none, and the options page shows empty fields.
 */
export const trackerSettingsItem = storage.defineItem<unknown>('local:trackerSettings', { fallback: {} });

export async function loadTrackerSettings(): Promise<TrackerSettings> {
  return readTrackerSettings(await trackerSettingsItem.getValue());
}

/** Saves after parsing; bad input throws the first sentence and stores nothing. */
export async function saveTrackerSettings(input: unknown): Promise<TrackerSettings> {
  const parsed = trackerSettingsSchema.safeParse(input);
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'Those tracker settings are not valid.');
  await trackerSettingsItem.setValue(parsed.data);
  return parsed.data;
}
