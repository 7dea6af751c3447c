import type { Destination } from './destination';

/**
 * The destinations sent to: the organisation's (lib/settings/managed-settings.ts)
 * first, then the person's own. An organisation's ids are the admin's to
 * choose and could equal one of the person's (the migrated Slack webhook is
 * `slack`), so they are kept apart by a prefix: deliveries and status are
 * recorded per id, and two destinations must never share one.
 */
export const MANAGED_ID_PREFIX = 'org:';

export function allDestinations(managed: readonly Destination[], own: readonly Destination[]): Destination[] {
  return [...managed.map((d) => ({ ...d, id: `${MANAGED_ID_PREFIX}${d.id}` })), ...own];
}

export function isManaged(destination: Destination): boolean {
  return destination.id.startsWith(MANAGED_ID_PREFIX);
}
