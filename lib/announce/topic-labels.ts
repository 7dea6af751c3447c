import type { AnnouncementTopic } from './destination';

/** What each topic's checkbox says in Options (issue 12's wording). */
export const TOPIC_LABEL: Record<AnnouncementTopic, string> = {
  major: 'Major incident declared or resolved',
  declared: 'Every incident declared, Minor included',
  lead_changed: 'Lead changed',
  customer_update: 'Customer update logged',
};
