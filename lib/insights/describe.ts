import { formatDuration } from '../format/time';
import type { Insights } from './compute-insights';
import { percent, plural, weekLabel } from './labels';
import { OUTCOME_LABELS } from './outcomes';
import type { Spread } from './stats';

/**
 * One sentence per chart that says what the chart shows, for its SVG's
 * aria-describedby: a screen reader hears the numbers, not "image".
 */
export function describePerWeek({ perWeek }: Insights): string {
  const minor = perWeek.reduce((n, w) => n + w.minor, 0);
  const major = perWeek.reduce((n, w) => n + w.major, 0);
  if (minor + major === 0) return `No incidents declared in these ${plural(perWeek.length, 'week')}.`;
  const busiest = perWeek.reduce((a, w) => (w.minor + w.major > a.minor + a.major ? w : a));
  return (
    `${plural(minor + major, 'incident')} declared over ${plural(perWeek.length, 'week')} (${minor} minor, ${major} major); ` +
    `the busiest was the week of ${weekLabel(busiest.weekStart)} with ${busiest.minor + busiest.major}.`
  );
}

const spreadText = (s: Spread) => `a median of ${formatDuration(s.median)} (p90 ${formatDuration(s.p90)}) over ${s.count}`;

export function describeTimeToResolve({ timeToResolve: t }: Insights): string {
  const { minor, major } = t.overall;
  if (!minor && !major) return 'No incidents resolved in this period.';
  const parts = [major && `major incidents took ${spreadText(major)}`, minor && `minor incidents took ${spreadText(minor)}`].filter(Boolean);
  return `To resolve, ${parts.join('; ')}, shown per ${t.granularity}.`;
}

export function describeOutcomes({ outcomes: o }: Insights): string {
  const total = o.fixed + o.deferred + o.no_action;
  if (total === 0) return 'No incidents resolved in this period.';
  return `Of ${plural(total, 'incident')} resolved: ${o.fixed} ${OUTCOME_LABELS.fixed.toLowerCase()}, ${o.deferred} ${OUTCOME_LABELS.deferred.toLowerCase()}, ${o.no_action} with ${OUTCOME_LABELS.no_action.toLowerCase()}.`;
}

export function describeFollowUps({ followUps }: Insights): string {
  const opened = followUps.reduce((n, w) => n + w.opened, 0);
  const done = followUps.reduce((n, w) => n + w.done, 0);
  if (opened + done === 0) return `No follow-ups opened or done in these ${plural(followUps.length, 'week')}.`;
  return `${plural(opened, 'follow-up')} opened and ${done} done over ${plural(followUps.length, 'week')}.`;
}

export function describeFirstUpdate({ firstUpdate: u }: Insights): string {
  if (u.majors === 0) return 'No major incidents declared in this period.';
  const had = u.spread ? `${u.spread.count} had a first customer update after a median of ${formatDuration(u.spread.median)} (p90 ${formatDuration(u.spread.p90)})` : 'none had a customer update';
  return `Of ${plural(u.majors, 'major incident')}, ${had}; ${u.none} had none.`;
}

export function describeReview({ review: r }: Insights): string {
  if (r.share === null) return 'No incidents resolved in this period, so none to review.';
  return `${r.reviewed} of ${plural(r.resolved, 'resolved incident')} (${percent(r.share)}) reviewed by someone not involved.`;
}

export function describeSources({ sources }: Insights): string {
  const total = sources.reduce((n, s) => n + s.count, 0);
  if (total === 0) return 'No incidents declared in this period.';
  const top = sources.reduce((a, s) => (s.count > a.count ? s : a));
  return `Of ${plural(total, 'incident')} declared, the most came from ${top.label} (${top.count}).`;
}
