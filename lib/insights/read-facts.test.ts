import { describe, expect, it } from 'vitest';
import { LAWRENCE, makeContext } from '../../test/support/domain';
import { addCustomerUpdate, addFollowUp, declareIncident, markReviewed, resolveIncident, setFollowUpDone } from '../incidents/operations';
import type { IncidentFacts, StoredFacts } from './facts';
import { storedFactsSchema } from './facts-schema';
import { earliestDeclared, readFacts } from './read-facts';
import { fact, t } from './test-facts';

const D = 86_400_000;

describe('facts folded by the write path', () => {
  it('follow the incident: follow-ups, first customer update, outsider review, source tool, lastAt', async () => {
    const ctx = makeContext(); // 26 Nov 2026 09:00 UTC, acting as Sophie
    const lawrence = { ...ctx, actor: LAWRENCE };
    const declared = await declareIncident(ctx, { title: 'Checkout 500s', severity: 'major', sourceUrl: 'https://acme.sentry.io/issues/4512345678/' });
    ctx.advance(5 * 60_000);
    await addCustomerUpdate(ctx, declared.id, 'email', 'We are looking into it.');
    const withFollowUp = await addFollowUp(ctx, declared.id, 'Alert on 5xx rate');
    ctx.advance(60 * 60_000);
    await resolveIncident(ctx, declared.id, 'deferred');
    ctx.advance(D);
    await setFollowUpDone(ctx, declared.id, withFollowUp.followUps[0]!.id, true);
    await markReviewed(lawrence, declared.id); // Lawrence was not involved

    // Stored with the page's URL; read with its tool named.
    expect(storedFactsSchema.parse(await ctx.db.facts.get(declared.id))).toMatchObject({ sourceUrl: 'https://acme.sentry.io/issues/4512345678/' });
    const [row] = await readFacts(ctx.db, null);
    expect(row).toEqual({
      id: declared.id,
      teamId: null,
      declaredAt: '2026-11-26T09:00:00.000Z',
      severity: 'major',
      status: 'resolved',
      outcome: 'deferred',
      resolvedAt: '2026-11-26T10:05:00.000Z',
      firstCustomerUpdateAt: '2026-11-26T09:05:00.000Z',
      followUpsAddedAt: ['2026-11-26T09:05:00.000Z'],
      followUpsDoneAt: ['2026-11-27T10:05:00.000Z'],
      reviewedByOutsider: true,
      source: 'sentry',
      lastAt: '2026-11-27T10:05:00.000Z',
    });
  });
});

describe('readFacts', () => {
  it('reads what has anything in the period, off the lastAt index, and drops what was declared at or after `to`', async () => {
    const { db } = makeContext();
    const before = fact('2026-10-01T00:00:00.000Z'); // nothing after 1 Oct
    const lateFollowUp = fact('2026-10-01T00:00:00.000Z', { followUpsDoneAt: ['2026-11-10T00:00:00.000Z'] });
    const inside = fact('2026-11-04T00:00:00.000Z');
    const atTo = fact('2026-11-16T00:00:00.000Z');
    const stored = ({ source: _, ...f }: IncidentFacts): StoredFacts => ({ ...f, sourceUrl: null });
    await db.facts.bulkPut([before, lateFollowUp, inside, atTo].map(stored));
    const ids = (await readFacts(db, { from: t('2026-11-02T00:00:00Z'), to: t('2026-11-16T00:00:00Z') })).map((f) => f.id).sort();
    expect(ids).toEqual([lateFollowUp.id, inside.id].sort());
    expect(await readFacts(db, null)).toHaveLength(4);
    expect(await earliestDeclared(db)).toBe(t('2026-10-01T00:00:00Z'));
  });

  it('earliestDeclared is null on an empty device', async () => {
    expect(await earliestDeclared(makeContext().db)).toBeNull();
  });
});
