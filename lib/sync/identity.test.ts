import { describe, expect, it } from 'vitest';
import { makeContext, ME } from '../../test/support/domain';
import { MemoryServer } from '../../test/support/memory-server';
import { addFollowUp, addNote, declareIncident } from '../incidents/operations';
import { findMyCurrentIncident } from '../incidents/queries';
import { syncOnce } from './engine';
import { adoptIdentity, shareIncident } from './identity';

const ACCOUNT = '0190a000-0000-7000-8000-0000000000c1';
const TEAM = '0190a000-0000-7000-8000-0000000000a1';

describe('adoptIdentity and shareIncident', () => {
  it('makes my local incidents mine under my account, then shares one into the team', async () => {
    const ctx = makeContext();
    const { id } = await declareIncident(ctx, { title: 'Before I joined' });
    await addNote(ctx, id, { text: 'local note' });
    await addFollowUp(ctx, id, 'tidy up', ME.userId);

    expect(await adoptIdentity(ctx.db, ME.userId, ACCOUNT)).toBe(3);
    const incident = await ctx.db.incidents.get(id);
    expect(incident).toMatchObject({ leadId: ACCOUNT, declaredBy: ACCOUNT, teamId: null });
    expect(incident?.followUps[0]?.ownerId).toBe(ACCOUNT);
    expect((await findMyCurrentIncident(ctx.db, ACCOUNT))?.id).toBe(id);

    const server = new MemoryServer();
    server.join(TEAM, ACCOUNT);
    const transport = server.transport(ACCOUNT);
    await syncOnce({ db: ctx.db, transport, teamId: TEAM, authorId: ACCOUNT }, { force: true });
    expect(server.rows).toHaveLength(0); // still local-only

    await shareIncident(ctx.db, id, TEAM, ACCOUNT);
    expect((await ctx.db.incidents.get(id))?.teamId).toBe(TEAM);
    await syncOnce({ db: ctx.db, transport, teamId: TEAM, authorId: ACCOUNT }, { force: true });
    expect(server.rows).toHaveLength(3);
    expect(server.rows.every((r) => r.author_id === ACCOUNT && r.team_id === TEAM)).toBe(true);
    await expect(shareIncident(ctx.db, id, TEAM, ACCOUNT)).rejects.toThrow(/already shared/);
  });
});
