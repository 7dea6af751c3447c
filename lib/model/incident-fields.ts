import { z } from 'zod';
import { NOTE_MAX, SUMMARY_MAX, TITLE_MAX, TRACKER_LINK_MAX, TRACKER_LINK_PATTERN } from './limits';
import { CONTROL_CHARS } from './person-name';
import { BIDI_TEAM_NAME_MESSAGE, BIDI_TITLE_MESSAGE, hasBidiControls } from './text-direction';

/** Two severities only: Minor is declared for visibility, Major means real customer impact. */
export const severitySchema = z.enum(['minor', 'major']);
export type Severity = z.infer<typeof severitySchema>;

export const statusSchema = z.enum(['active', 'resolved']);
export type Status = z.infer<typeof statusSchema>;

/** Triage outcome recorded when resolving: fixed now, deferred (with a follow-up), or no action. */
export const outcomeSchema = z.enum(['fixed', 'deferred', 'no_action']);
export type Outcome = z.infer<typeof outcomeSchema>;

export { NAME_MAX, NOTE_MAX, SUMMARY_MAX, TITLE_MAX, TRACKER_LINK_MAX, TRACKER_LINK_PATTERN } from './limits';

// C0 and C1 control characters (./person-name.ts). Titles are one line of plain text;
// a tab or a line break pasted from a terminal would break lists and exports.
// Notes keep tabs and line breaks (pasted logs) but nothing else from C0/C1.
const NOTE_CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export const titleSchema = z
  .string()
  .trim()
  .min(1, 'Give the incident a title.')
  .max(TITLE_MAX, `Keep the title to ${TITLE_MAX} characters or fewer.`)
  .refine((s) => !CONTROL_CHARS.test(s), {
    message: 'The title contains control characters (such as a tab or line break). Remove them and try again.',
  })
  // Also follow-up text (event.ts uses titleSchema for it), hence the wording names no field.
  .refine((s) => !hasBidiControls(s), { message: BIDI_TITLE_MESSAGE });

export const summarySchema = z
  .string()
  .trim()
  .max(SUMMARY_MAX, `Keep the summary to ${SUMMARY_MAX} characters or fewer.`)
  .refine((s) => !NOTE_CONTROL_CHARS.test(s), { message: 'The summary contains control characters.' });

// Not trimmed by the schema: a pasted log keeps its leading indentation.
export const noteTextSchema = z
  .string()
  .refine((s) => s.trim().length > 0, 'Write something first.')
  .max(NOTE_MAX, `Notes are limited to ${NOTE_MAX.toLocaleString('en')} characters.`)
  .refine((s) => !NOTE_CONTROL_CHARS.test(s), { message: 'The text contains control characters.' });

/** Defined once, in zod/mini, for the popup's profile too (./person-name.ts). */
export { personNameSchema } from './person-name';

/** A team's name, as create_team stores it (the server refuses the same characters). */
export const teamNameSchema = z
  .string()
  .trim()
  .min(1, 'Name the team.')
  .max(100, 'Keep the team name to 100 characters or fewer.')
  .refine((s) => !CONTROL_CHARS.test(s), { message: 'The team name contains control characters.' })
  .refine((s) => !hasBidiControls(s), { message: BIDI_TEAM_NAME_MESSAGE });

/** Links are only ever http(s): a `javascript:` or `data:` URL never reaches an href. */
export const httpUrlSchema = z
  .string()
  .max(4_096)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Only http and https links are kept.');

/**
 * A follow-up's tracker issue (\`follow_up_linked\`): https only, a plain host
 * name (no user info), at most 2,048 characters, no spaces or control
 * characters. The server checks the same pattern
 * (supabase/migrations/20261202000000_follow_up_links.sql), so an event one
 * accepts the other does too. Which trackers' shapes a person may paste is
 * judged at the input (lib/trackers/link-url.ts), not here: a teammate's
 * configured Jira site may be a custom domain this device does not know.
 */
export const trackerLinkSchema = z
  .string()
  .max(TRACKER_LINK_MAX, `Keep the link to ${TRACKER_LINK_MAX.toLocaleString('en')} characters or fewer.`)
  .regex(TRACKER_LINK_PATTERN, 'Only https links to a tracker issue are kept.');

export const idSchema = z.uuid();
export const isoDateSchema = z.iso.datetime({ offset: true });
