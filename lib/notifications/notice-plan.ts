import type { Notice } from './what-to-notify';

/**
 * At most this many desktop notifications for one pull; the rest fold into one
 * summary. A pull after a night offline, or a teammate's bulk import, can bring
 * dozens of Major incidents: that many notifications at once bury each other
 * (and the person's other work), while three and a count still say "look".
 */
export const MAX_DESKTOP_NOTICES = 3;

export interface NoticeSummary {
  /** How many notices it stands for. */
  more: number;
  title: string;
  message: string;
}

export interface NoticePlan {
  show: Notice[];
  summary: NoticeSummary | null;
}

/**
 * Which notices to show and what the summary says. Being made lead comes
 * first (it asks something of me in particular); otherwise the pull's order.
 */
export function planNotices(notices: readonly Notice[], max = MAX_DESKTOP_NOTICES): NoticePlan {
  const ordered = [...notices.filter((n) => n.reason === 'made-lead'), ...notices.filter((n) => n.reason !== 'made-lead')];
  const show = ordered.slice(0, max);
  const more = ordered.length - show.length;
  if (more === 0) return { show, summary: null };
  const updates = more === 1 ? '1 more update' : `${more.toLocaleString('en')} more updates`;
  return {
    show,
    summary: { more, title: `${updates[0]!.toUpperCase()}${updates.slice(1)}`, message: `…and ${updates} in your team's incidents.` },
  };
}
