import type { Incident } from '../model/incident';

export interface Badge {
  text: string;
  color: string;
}

export const MAJOR_RED = '#d92d20';
export const MINOR_GREY = '#475467';

/** The toolbar badge: how many incidents are active, red when any of them is Major. */
export function badgeFor(active: readonly Pick<Incident, 'severity'>[]): Badge {
  if (active.length === 0) return { text: '', color: MINOR_GREY };
  const text = active.length > 99 ? '99+' : String(active.length);
  return { text, color: active.some((i) => i.severity === 'major') ? MAJOR_RED : MINOR_GREY };
}
