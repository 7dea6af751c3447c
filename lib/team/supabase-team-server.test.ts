import type { SupabaseClient } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { supabaseTeamServer } from './supabase-team-server';
import { TeamServerError } from './team-server';

type Answer = { data: unknown; error: { message: string; code: string } | null; status: number };

/** Just `rpc`, answering as postgrest-js does: { data, error, status }, never throwing. */
function client(answer: Answer, calls: unknown[] = []) {
  return { rpc: async (fn: string, args: unknown) => (calls.push([fn, args]), answer) } as unknown as SupabaseClient;
}

const TEAM = '10000000-0000-4000-8000-000000000001';

describe('supabaseTeamServer', () => {
  it('parses rows and passes arguments by the SQL names', async () => {
    const calls: unknown[] = [];
    const rows = [{ user_id: TEAM, display_name: 'Sam', role: 'owner', joined_at: '2026-11-30T10:00:00Z', former: true }];
    const members = await supabaseTeamServer(client({ data: rows, error: null, status: 200 }, calls)).listMembers(TEAM);
    expect(members).toEqual([{ user_id: TEAM, display_name: 'Sam', role: 'owner', former: true }]);
    expect(calls).toEqual([['list_team_members', { p_team_id: TEAM }]]);
  });

  it('join_team answering null is a bad code, not an error', async () => {
    expect(await supabaseTeamServer(client({ data: null, error: null, status: 200 })).joinTeam('ABCDEFGHJK', 'Me')).toBeNull();
  });

  it('refuses an answer of the wrong shape instead of trusting it', async () => {
    const server = supabaseTeamServer(client({ data: [{ team_id: 'not-a-uuid', name: 'Acme', role: 'owner' }], error: null, status: 200 }));
    await expect(server.myTeams()).rejects.toThrow('unexpected shape');
    await expect(supabaseTeamServer(client({ data: 42, error: null, status: 200 })).joinTeam('X', 'Me')).rejects.toThrow('unexpected shape');
  });

  it('keeps the SQLSTATE and HTTP status of a refusal', async () => {
    const server = supabaseTeamServer(client({ data: null, error: { message: 'Too many invalid invite codes. Try again in an hour.', code: 'PT429' }, status: 429 }));
    const error = await server.joinTeam('ABCDEFGHJK', 'Me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TeamServerError);
    expect(error).toMatchObject({ code: 'PT429', status: 429 });
  });

  it('a void RPC answers nothing', async () => {
    await expect(supabaseTeamServer(client({ data: null, error: null, status: 204 })).leaveTeam(TEAM)).resolves.toBeUndefined();
  });
});
