import { describe, expect, it, vi } from 'vitest';
import { memorySlot } from '../team/fake-team-server';
import type { Connection } from '../supabase/connection';
import { applyManagedConnection, unreachableSentence, type ApplyConnectionPorts } from './apply-managed-connection';
import { judgeManagedPolicy, NO_POLICY, type ManagedPolicy } from './managed-settings';

const jwt = (payload: object) => `eyJhbGciOiJIUzI1NiJ9.${btoa(JSON.stringify(payload)).replace(/=+$/, '')}.sig`;
const anon = jwt({ role: 'anon' });
const ORG = { url: 'https://org.supabase.co', anonKey: anon };
const policyOf = (raw: Record<string, unknown>) => judgeManagedPolicy(raw);
const orgPolicy = policyOf({ supabaseUrl: ORG.url, supabaseKey: anon });

function ports(policy: ManagedPolicy, current: Connection | null, reachable = true) {
  return {
    policy: async () => policy,
    connection: memorySlot<Connection | null>(current),
    account: memorySlot<unknown>(current ? { userId: 'u', email: 'e' } : null),
    team: memorySlot<unknown>(current ? { teamId: 't' } : null),
    signOutLocally: vi.fn(async () => undefined),
    reachable: vi.fn(async () => reachable),
    status: memorySlot<unknown>(null),
  } satisfies ApplyConnectionPorts;
}

describe('applyManagedConnection', () => {
  it('connects a fresh device to the organisation’s project', async () => {
    const p = ports(orgPolicy, null);
    expect(await applyManagedConnection(p)).toEqual(ORG);
    expect(p.connection.value).toEqual(ORG);
    expect(p.signOutLocally).not.toHaveBeenCalled();
    expect(p.status.value).toEqual({ connectionError: null, joinError: null });
  });

  it('overrides the person’s own project, ending that session and forgetting its team', async () => {
    const p = ports(orgPolicy, { url: 'https://mine.supabase.co', anonKey: anon });
    await applyManagedConnection(p);
    expect(p.connection.value).toEqual(ORG);
    expect(p.signOutLocally).toHaveBeenCalledOnce();
    expect(p.account.value).toBeNull();
    expect(p.team.value).toBeNull();
  });

  it('keeps the session when only the key changes (same project) and when nothing changed', async () => {
    const p = ports(orgPolicy, { url: ORG.url, anonKey: 'sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH' });
    await applyManagedConnection(p);
    expect(p.connection.value).toEqual(ORG);
    expect(p.account.value).not.toBeNull();
    const same = ports(orgPolicy, ORG);
    const setValue = vi.spyOn(same.connection, 'setValue');
    await applyManagedConnection(same);
    expect(setValue).not.toHaveBeenCalled();
  });

  it('leaves the person’s connection alone with no policy, or a policy whose key was refused', async () => {
    const mine = { url: 'https://mine.supabase.co', anonKey: anon };
    for (const policy of [NO_POLICY, policyOf({ supabaseUrl: ORG.url, supabaseKey: jwt({ role: 'service_role' }) })]) {
      const p = ports(policy, mine);
      expect(await applyManagedConnection(p)).toBeNull();
      expect(p.connection.value).toEqual(mine);
      expect(p.account.value).not.toBeNull();
    }
  });

  it('records an unreachable project with what to do, and clears it once it answers', async () => {
    const p = ports(orgPolicy, null, false);
    await applyManagedConnection(p);
    expect(p.connection.value).toEqual(ORG); // still applied: the network may come back
    expect(p.status.value).toMatchObject({ connectionError: unreachableSentence(ORG.url) });
    expect(unreachableSentence(ORG.url)).toMatch(/ask your admin/);
    p.reachable.mockResolvedValue(true);
    await applyManagedConnection(p);
    expect(p.status.value).toMatchObject({ connectionError: null });
  });
});
