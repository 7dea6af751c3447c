// Zod-free on purpose: the fold runs inside database upgrades, which load on the
// popup's path before zod does.

/** Ordering used everywhere: by hybrid logical clock, then id as the tiebreak. */
export function compareEvents(a: { hlc: string; id: string }, b: { hlc: string; id: string }): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}
