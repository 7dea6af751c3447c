import { IncidentDatabase } from '../../lib/db/database';
import type { DomainContext } from '../../lib/incidents/context';

let counter = 0;

export const ME = { userId: '0190a000-0000-7000-8000-000000000001', displayName: 'Sophie' };
export const LAWRENCE = { userId: '0190a000-0000-7000-8000-000000000002', displayName: 'Lawrence' };

/** A fresh database (fake-indexeddb) and a controllable clock for one test. */
export function makeContext(overrides: Partial<DomainContext> = {}): DomainContext & { advance(ms: number): void } {
  let nowMs = Date.UTC(2026, 10, 26, 9, 0, 0);
  const db = overrides.db ?? new IncidentDatabase(`test-${++counter}-${Math.random().toString(36).slice(2)}`);
  return {
    db,
    actor: ME,
    now: () => nowMs,
    advance(ms: number) {
      nowMs += ms;
    },
    ...overrides,
  };
}
