import type { ActiveTab } from '../../lib/browser/active-tab';
import type { ShellSnapshot } from './shell';

/**
 * What boot.ts learned in the popup's first milliseconds, handed to the React
 * app (main.tsx, App.tsx). Its own file so that the app's modules depend on
 * this type, not on boot.ts, which imports them (dynamically) in turn.
 */
export interface PopupBoot {
  /** Unvalidated: the app parses it before use. */
  profile: unknown;
  /** The stored team record (lib/supabase/team-id.ts reads the id from it). */
  team: unknown;
  tab: ActiveTab | null;
  /** false = checked, I lead no active incident; null = not known. */
  leadsActive: boolean | null;
  readShell: (() => ShellSnapshot) | null;
}
