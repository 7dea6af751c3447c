import type { IncidentFacts, StoredFacts } from './facts';

let n = 0;
export const TEAM = '0190a000-0000-7000-8000-00000000aaaa';
export const H = 3_600_000;
export const MIN = 60_000;

/** A facts row for tests: a minor incident declared at `declaredAt`, on this device, with what the test overrides; lastAt follows. */
export function fact(declaredAt: string, over: Partial<IncidentFacts> = {}): IncidentFacts {
  n += 1;
  const row: IncidentFacts = {
    id: `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    teamId: null,
    declaredAt,
    severity: 'minor',
    status: over.resolvedAt ? 'resolved' : 'active',
    outcome: over.resolvedAt ? 'fixed' : null,
    resolvedAt: null,
    firstCustomerUpdateAt: null,
    followUpsAddedAt: [],
    followUpsDoneAt: [],
    reviewedByOutsider: false,
    source: null,
    lastAt: declaredAt,
    ...over,
  };
  const dates = [row.declaredAt, row.resolvedAt, row.firstCustomerUpdateAt, ...row.followUpsAddedAt, ...row.followUpsDoneAt];
  return { ...row, lastAt: over.lastAt ?? dates.reduce<string>((a, b) => (b && b > a ? b : a), row.declaredAt) };
}

/** An ISO date `hours` after `iso`. */
export const after = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
export const t = (iso: string) => Date.parse(iso);

/** A facts row as the database stores it: the source page's URL instead of its tool. */
export function stored({ source: _, ...row }: IncidentFacts, sourceUrl: string | null = null): StoredFacts {
  return { ...row, sourceUrl };
}
