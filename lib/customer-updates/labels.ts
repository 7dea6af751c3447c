import type { Outcome } from '../model/incident-fields';

export const OUTCOME_TEXT: Record<Outcome, string> = { fixed: 'fixed', deferred: 'mitigated, with follow-up work planned', no_action: 'no action was needed' };

export const CHANNEL_LABEL = { email: 'Email', slack: 'Slack', status_page: 'Status page', social: 'Social', other: 'Other' } as const;
