import { describe, expect, it } from 'vitest';
import { LAWRENCE, makeContext } from '../../test/support/domain';
import { declareIncident } from './operations';
import { incidentForPage } from './target';

const tab = { title: 'Grafana – checkout latency', url: 'https://grafana.acme.io/d/1' };

describe('incidentForPage', () => {
  it('uses the incident asked for', async () => {
    const ctx = makeContext();
    const other = await declareIncident(ctx, { title: 'Other' });
    expect(await incidentForPage(ctx, tab, other.id)).toEqual({ incidentId: other.id, declared: false });
  });

  it('uses my current incident', async () => {
    const ctx = makeContext();
    const mine = await declareIncident(ctx, { title: 'Mine' });
    expect(await incidentForPage(ctx, tab)).toEqual({ incidentId: mine.id, declared: false });
  });

  it("declares a Minor incident titled from the page when I lead none (a teammate's does not count)", async () => {
    const ctx = makeContext();
    await declareIncident(ctx, { title: 'Theirs', lead: { id: LAWRENCE.userId, name: 'Lawrence' } });
    const { incidentId, declared } = await incidentForPage(ctx, tab);
    expect(declared).toBe(true);
    expect(await ctx.db.incidents.get(incidentId)).toMatchObject({
      title: 'Grafana – checkout latency',
      severity: 'minor',
      sourceUrl: 'https://grafana.acme.io/d/1',
    });
  });
});
