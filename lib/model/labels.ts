import type { CUSTOMER_CHANNELS, ScreenshotEvent } from './event';
import type { Outcome, Severity, Status } from './incident-fields';

/**
 * Every word the UI, the Markdown report and customer updates use for a
 * severity, status, outcome, channel or screenshot source, in one place. Zod-free
 * (type imports only) so the popup can show them without loading the schemas.
 * Where the same value reads differently in two places, both wordings are here,
 * named by where they are used, so a change to one is a choice, not an oversight.
 */
type Channel = (typeof CUSTOMER_CHANNELS)[number];

export const SEVERITY_LABEL: Record<Severity, string> = { minor: 'Minor', major: 'Major' };

export const STATUS_LABEL: Record<Status, string> = { active: 'Active', resolved: 'Resolved' };

/** The choices when resolving, and how the UI names a resolved incident's outcome. */
export const OUTCOME_LABEL: Record<Outcome, string> = {
  fixed: 'Fixed',
  deferred: 'Deferred (follow up later)',
  no_action: 'No action needed',
};

/** The outcome in a Markdown report's summary line and timeline. */
export const OUTCOME_REPORT_LABEL: Record<Outcome, string> = { fixed: 'Fixed', deferred: 'Deferred', no_action: 'No action needed' };

/** The outcome inside a customer update's sentence (lib/customer-updates/template.ts). */
export const OUTCOME_TEXT: Record<Outcome, string> = {
  fixed: 'fixed',
  deferred: 'mitigated, with follow-up work planned',
  no_action: 'no action was needed',
};

/** A channel as a choice (the customer-update picker). */
export const CHANNEL_LABEL: Record<Channel, string> = {
  email: 'Email',
  slack: 'Slack',
  status_page: 'Status page',
  social: 'Social',
  other: 'Other',
};

/** A channel inside a sentence ("Customer update (status page): …") on the timeline and in reports. */
export const CHANNEL_IN_SENTENCE: Record<Channel, string> = {
  email: 'email',
  slack: 'Slack',
  status_page: 'status page',
  social: 'social',
  other: 'other',
};

/** What a screenshot entry is called on the timeline. */
export const SCREENSHOT_SOURCE_LABEL: Record<ScreenshotEvent['body']['source'], string> = {
  visible: 'Screenshot',
  element: 'Element',
  full_page: 'Full page',
  pasted: 'Pasted image',
  redacted_copy: 'Redacted screenshot',
};

/** A screenshot's caption as the timeline and the report show it: "Full page of Checkout". */
export function screenshotLabel({ source, pageTitle }: Pick<ScreenshotEvent['body'], 'source' | 'pageTitle'>): string {
  return `${SCREENSHOT_SOURCE_LABEL[source]}${pageTitle ? ` of ${pageTitle}` : ''}`;
}
