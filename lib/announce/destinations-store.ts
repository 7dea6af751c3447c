import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { destinationSchema, type Destination } from './destination';
import { checkDestinationUrl } from './destination-url';

/**
 * The person's own destinations (the admin's come from
 * lib/settings/managed-settings.ts). Before issue 12 the one Slack webhook
 * lived in `local:teamSettings.slackWebhookUrl`; until the list is first
 * saved, that value reads as one Slack destination receiving `major`, which is
 * what it used to receive. The old key is left where it is (an older version
 * rolled back to still finds it), and never read once the list exists.
 */
export const MAX_DESTINATIONS = 20;
/** The id the migrated Slack webhook keeps, so events the old code posted are not posted again (sender.ts). */
export const MIGRATED_SLACK_ID = 'slack';
/** A shared secret shorter than this is too easy to guess to sign with. */
export const SECRET_MIN = 16;

export const destinationsItem = storage.defineItem<unknown>('local:announceDestinations', { fallback: null });
const legacyTeamSettingsItem = storage.defineItem<unknown>('local:teamSettings', { fallback: null });

const legacySchema = z.object({ slackWebhookUrl: z.string().trim().min(1) });

/** What is stored, read: the list when there is one, else the migrated Slack webhook, else nothing. */
export function readDestinations(stored: unknown, legacyTeamSettings: unknown): Destination[] {
  if (stored !== null && stored !== undefined) {
    const list = z.array(z.unknown()).safeParse(stored);
    if (!list.success) return [];
    // One unreadable entry is dropped, not the whole list.
    return list.data.flatMap((d) => {
      const parsed = destinationSchema.safeParse(d);
      return parsed.success ? [parsed.data] : [];
    });
  }
  const legacy = legacySchema.safeParse(legacyTeamSettings);
  if (!legacy.success || checkDestinationUrl('slack', legacy.data.slackWebhookUrl)) return [];
  return [{ id: MIGRATED_SLACK_ID, kind: 'slack', url: legacy.data.slackWebhookUrl, topics: ['major'] }];
}

/**
 * Makes the migration stick: writes the list when none is stored yet and the
 * old webhook gives one. Saving Options → Running incidents rewrites
 * `teamSettings` without the old key, so reading it lazily alone would lose
 * the Slack destination then. The background calls this at every start
 * (after an update included), before a page can save anything.
 */
export async function migrateStoredDestinations(): Promise<void> {
  const [stored, legacy] = await Promise.all([destinationsItem.getValue(), legacyTeamSettingsItem.getValue()]);
  if (stored !== null && stored !== undefined) return;
  const migrated = readDestinations(null, legacy);
  if (migrated.length) await destinationsItem.setValue(migrated);
}

export async function loadDestinations(): Promise<Destination[]> {
  const [stored, legacy] = await Promise.all([destinationsItem.getValue(), legacyTeamSettingsItem.getValue()]);
  return readDestinations(stored, legacy);
}

/** Null when the destination may be saved; otherwise the sentence saying what to fix. */
export function checkDestination(d: Destination): string | null {
  const urlProblem = checkDestinationUrl(d.kind, d.url);
  if (urlProblem) return urlProblem;
  if (d.topics.length === 0) return 'Choose at least one thing this destination receives.';
  if (d.kind === 'json' && (d.secret ?? '').length < SECRET_MIN) {
    return `A signed webhook needs a shared secret of at least ${SECRET_MIN} characters: generate one and give it to the receiver.`;
  }
  return destinationSchema.safeParse(d).success ? null : 'This destination is too long to save.';
}

/** Saves the whole list after checking every entry: nothing is saved if one is wrong. */
export async function saveDestinations(list: Destination[]): Promise<void> {
  if (list.length > MAX_DESTINATIONS) throw new Error(`At most ${MAX_DESTINATIONS} destinations.`);
  for (const d of list) {
    const problem = checkDestination(d);
    if (problem) throw new Error(problem);
  }
  await destinationsItem.setValue(list.map((d) => destinationSchema.parse({ ...d, url: d.url.trim(), ...(d.kind === 'json' ? {} : { secret: undefined }) })));
}
