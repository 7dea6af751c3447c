import { describe, expect, it } from 'vitest';
import { LAWRENCE, makeContext } from '../../test/support/domain';
import { LINK_HTTPS_MESSAGE, LINK_SHAPE_MESSAGE } from '../trackers/link-url';
import { foldIncident } from './fold';
import { linkFollowUp } from './follow-up-links';
import { addFollowUp, declareIncident } from './operations';
import { readTimeline } from './queries';

async function withFollowUp() {
  const ctx = makeContext();
  const incident = await declareIncident(ctx, { title: 'Checkout 500s' });
  const { followUps } = await addFollowUp(ctx, incident.id, 'Alert on pool exhaustion');
  return { ctx, id: incident.id, followUpId: followUps[0]!.id };
}

describe('linkFollowUp', () => {
  it('stores the link on the follow-up; a later link replaces it, an empty one clears it', async () => {
    const { ctx, id, followUpId } = await withFollowUp();
    let incident = await linkFollowUp(ctx, id, followUpId, 'https://github.com/acme/web/issues/42');
    expect(incident.followUps[0]!.link).toBe('https://github.com/acme/web/issues/42');
    ctx.advance(1_000);
    incident = await linkFollowUp(ctx, id, followUpId, 'https://linear.app/acme/issue/ENG-12/alert');
    expect(incident.followUps[0]!.link).toBe('https://linear.app/acme/issue/ENG-12/alert');
    ctx.advance(1_000);
    incident = await linkFollowUp(ctx, id, followUpId, '');
    expect(incident.followUps[0]).not.toHaveProperty('link');
    expect((await readTimeline(ctx.db, id)).filter((e) => e.kind === 'follow_up_linked')).toHaveLength(3);
  });

  it('the same link again writes nothing', async () => {
    const { ctx, id, followUpId } = await withFollowUp();
    await linkFollowUp(ctx, id, followUpId, 'https://github.com/acme/web/issues/42');
    const before = await ctx.db.events.count();
    await linkFollowUp(ctx, id, followUpId, 'https://github.com/acme/web/issues/42#issuecomment-1');
    expect(await ctx.db.events.count()).toBe(before);
  });

  it('a wrong-shape or non-https URL is refused with a sentence and nothing is stored', async () => {
    const { ctx, id, followUpId } = await withFollowUp();
    const before = await ctx.db.events.count();
    await expect(linkFollowUp(ctx, id, followUpId, 'https://github.com/acme/web')).rejects.toThrow(LINK_SHAPE_MESSAGE);
    await expect(linkFollowUp(ctx, id, followUpId, 'javascript:alert(1)')).rejects.toThrow(LINK_HTTPS_MESSAGE);
    await expect(linkFollowUp(ctx, id, followUpId, 'https://jira.acme.com/browse/OPS-1')).rejects.toThrow(LINK_SHAPE_MESSAGE);
    expect(await ctx.db.events.count()).toBe(before);
    expect(await ctx.db.outbox.count()).toBe(2);
  });

  it('the configured Jira site is accepted', async () => {
    const { ctx, id, followUpId } = await withFollowUp();
    const jira = { site: 'https://jira.acme.com', projectId: '1', issueTypeId: '2' };
    const incident = await linkFollowUp(ctx, id, followUpId, 'https://jira.acme.com/browse/OPS-1', { jira });
    expect(incident.followUps[0]!.link).toBe('https://jira.acme.com/browse/OPS-1');
  });

  it('an unknown follow-up is refused', async () => {
    const { ctx, id } = await withFollowUp();
    await expect(linkFollowUp(ctx, id, '0190a000-0000-7000-8000-00000000dead', 'https://github.com/a/b/issues/1')).rejects.toThrow(
      'That follow-up no longer exists.',
    );
  });

  it('fold: anyone in the team may link (a teammate’s link counts); latest by clock wins whatever the arrival order', async () => {
    const { ctx, id, followUpId } = await withFollowUp();
    await linkFollowUp(ctx, id, followUpId, 'https://github.com/acme/web/issues/1');
    ctx.advance(1_000);
    const mate = { ...ctx, actor: LAWRENCE };
    await linkFollowUp(mate, id, followUpId, 'https://github.com/acme/web/issues/2');
    const events = await readTimeline(ctx.db, id);
    expect(foldIncident(events)!.followUps[0]!.link).toBe('https://github.com/acme/web/issues/2');
    expect(foldIncident([...events].reverse())!.followUps[0]!.link).toBe('https://github.com/acme/web/issues/2');
  });

  it('fold: a link naming a follow-up not in this incident changes nothing', async () => {
    const { ctx, id } = await withFollowUp();
    const events = await readTimeline(ctx.db, id);
    const stray = { ...events.at(-1)!, id: '0190a000-0000-7000-8000-0000000000ff', kind: 'follow_up_linked', body: { followUpId: '0190a000-0000-7000-8000-00000000beef', url: 'https://github.com/a/b/issues/1' } };
    expect(foldIncident([...events, stray as (typeof events)[number]])!.followUps.every((f) => !f.link)).toBe(true);
  });
});

describe('follow-up links in the Markdown copy and on the server stand-in', () => {
  it('the Markdown copy shows the link beside its follow-up and says who linked what', async () => {
    const { incidentMarkdown } = await import('../export/markdown');
    const { ctx, id, followUpId } = await withFollowUp();
    await linkFollowUp(ctx, id, followUpId, 'https://github.com/acme/web/issues/42');
    const md = await incidentMarkdown(ctx.db, id);
    expect(md).toContain('- [ ] Alert on pool exhaustion (<https://github.com/acme/web/issues/42>)');
    expect(md).toMatch(/Linked the follow-up Alert on pool exhaustion to <https:\/\/github\.com\/acme\/web\/issues\/42>/);
  });

  it('the memory server refuses what push_events refuses: an http link; a teammate’s https link and a clear are accepted', async () => {
    const { MemoryServer } = await import('../../test/support/memory-server');
    const server = new MemoryServer();
    const team = '0190a000-0000-7000-8000-0000000000aa';
    server.join(team, LAWRENCE.userId);
    const row = (id: string, url: string | null) => ({
      id,
      team_id: team,
      incident_id: '0190a000-0000-7000-8000-0000000000a1',
      author_id: LAWRENCE.userId,
      kind: 'follow_up_linked',
      body: { followUpId: '0190a000-0000-7000-8000-0000000000f1', url },
      hlc: '001764147600000-00000-node1',
      created_at: '2026-11-26T09:00:00.000Z',
    });
    const out = await server.transport(LAWRENCE.userId).push([
      row('0190a000-0000-7000-8000-000000000101', 'http://github.com/acme/web/issues/1'),
      row('0190a000-0000-7000-8000-000000000102', 'https://github.com/acme/web/issues/1'),
      row('0190a000-0000-7000-8000-000000000103', null),
    ] as never);
    expect(out.map((o) => ('reason' in o ? o.reason : o.status))).toEqual(['url is not an https link to a tracker issue', 'accepted', 'accepted']);
  });
});
