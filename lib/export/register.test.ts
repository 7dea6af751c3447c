import { describe, expect, it } from 'vitest';
import { makeContext } from '../../test/support/domain';
import { appendEvents } from '../incidents/append';
import {
  addFollowUp,
  changeLead,
  declareIncident,
  resolveIncident,
  setFollowUpDone,
} from '../incidents/operations';
import { incidentNumbers } from '../db/meta-items';
import { linkFollowUp } from '../incidents/follow-up-links';
import { incidentRegister } from './register';

const HEADER =
  'ref,title,severity,lead,declared,resolved,time to resolve,outcome,follow-ups open,follow-ups done,follow-up links,customer updates';

describe('incidentRegister', () => {
  it('writes only the header when there are no incidents', async () => {
    expect(await incidentRegister(makeContext().db)).toBe(`${HEADER}\r\n`);
  });

  it('lists every incident, oldest declared first, with its outcome, timings and counts', async () => {
    const ctx = makeContext();
    const first = await declareIncident(ctx, { title: 'Checkout 500s', severity: 'major' });
    ctx.advance(65 * 60_000 + 20_000);
    const second = await declareIncident(ctx, { title: 'Slow search, EU only' });
    ctx.advance(30_000);
    const withFollowUps = await addFollowUp(ctx, first.id, 'Alert on pool exhaustion');
    const both = await addFollowUp(ctx, first.id, 'Load test checkout');
    await linkFollowUp(ctx, first.id, both.followUps[0]!.id, 'https://github.com/acme/web/issues/41');
    await linkFollowUp(ctx, first.id, both.followUps[1]!.id, 'https://acme.atlassian.net/browse/OPS-7');
    await setFollowUpDone(ctx, first.id, withFollowUps.followUps[0]!.id, true);
    await changeLead(ctx, first.id, { id: '0190a000-0000-7000-8000-000000000002', name: 'Lawrence' });
    for (const channel of ['email', 'status_page'] as const) {
      await appendEvents(ctx, first.id, [{ kind: 'customer_update', body: { channel, text: 'We are on it.' } }]);
    }
    ctx.advance(29_000);
    await resolveIncident(ctx, first.id, 'fixed');
    await ctx.db.meta.put({ key: incidentNumbers.key(first.id), value: 12 });

    const lines = (await incidentRegister(ctx.db)).split('\r\n');
    expect(lines).toEqual([
      HEADER,
      'INC-12,Checkout 500s,major,Lawrence,2026-11-26T09:00:00Z,2026-11-26T10:06:19Z,66,fixed,1,1,https://github.com/acme/web/issues/41 https://acme.atlassian.net/browse/OPS-7,2',
      `${second.id.replace(/-/g, '').slice(-8)},"Slow search, EU only",minor,Sophie,2026-11-26T10:05:20Z,,,,0,0,,0`,
      '',
    ]);
  });

  it('guards titles and names against formula injection', async () => {
    const ctx = makeContext();
    await declareIncident(ctx, {
      title: '=HYPERLINK("https://evil.example","open")',
      lead: { id: '0190a000-0000-7000-8000-000000000003', name: '@admin' },
    });
    const [, row] = (await incidentRegister(ctx.db)).split('\r\n');
    expect(row).toContain(`,"'=HYPERLINK(""https://evil.example"",""open"")",minor,'@admin,`);
  });
});
