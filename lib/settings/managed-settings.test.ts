import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  describeProblem,
  judgeManagedPolicy,
  loadManagedSettings,
  NO_POLICY,
  readManagedPolicy,
  watchManagedPolicy,
} from './managed-settings';

const jwt = (payload: object) => `eyJhbGciOiJIUzI1NiJ9.${btoa(JSON.stringify(payload)).replace(/=+$/, '')}.sig`;
const anon = jwt({ role: 'anon', iss: 'supabase' });
const serviceRole = jwt({ role: 'service_role', iss: 'supabase' });
const publishable = 'sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH';

const good = {
  supabaseUrl: 'https://abcd.supabase.co',
  supabaseKey: anon,
  inviteCode: 'k7pq-2xmn-4r',
  maskSelectors: ['.api-key', '[data-secret]'],
  webhooks: [{ kind: 'slack', url: 'https://hooks.slack.com/services/T/B/X', topics: ['major'] }],
};

afterEach(() => vi.restoreAllMocks());

describe('judgeManagedPolicy', () => {
  it('reads a whole policy, normalising the connection and the invite code', () => {
    expect(judgeManagedPolicy(good)).toEqual({
      settings: {
        connection: { url: 'https://abcd.supabase.co', anonKey: anon },
        inviteCode: 'K7PQ2XMN4R',
        maskSelectors: ['.api-key', '[data-secret]'],
        webhooks: [{ id: 'managed-1', kind: 'slack', url: 'https://hooks.slack.com/services/T/B/X', topics: ['major'] }],
      },
      problems: [],
    });
  });

  it('is no policy when nothing is set (what Chromium answers with nothing deployed)', () => {
    expect(judgeManagedPolicy({})).toEqual(NO_POLICY);
    expect(judgeManagedPolicy({ supabaseUrl: null })).toEqual(NO_POLICY);
  });

  it('accepts a publishable key and keeps an id the admin gave', () => {
    const policy = judgeManagedPolicy({
      supabaseUrl: 'https://abcd.supabase.co',
      supabaseKey: publishable,
      webhooks: [{ id: 'ops', kind: 'discord', url: 'https://discord.com/api/webhooks/1/x', topics: [] }],
    });
    expect(policy.problems).toEqual([]);
    expect(policy.settings?.connection?.anonKey).toBe(publishable);
    expect(policy.settings?.webhooks?.[0]?.id).toBe('ops');
  });

  it('refuses a service-role or secret key, leaves the connection out and keeps the other fields', () => {
    for (const key of [serviceRole, 'sb_secret_abcdefghijklmnopqrstuv_12345678']) {
      const policy = judgeManagedPolicy({ ...good, supabaseKey: key });
      expect(policy.settings?.connection).toBeUndefined();
      expect(policy.settings?.inviteCode).toBe('K7PQ2XMN4R');
      expect(policy.settings?.maskSelectors).toEqual(good.maskSelectors);
      expect(policy.problems).toHaveLength(1);
      expect(policy.problems[0]).toMatchObject({ field: 'supabaseKey' });
      expect(policy.problems[0]?.reason).toMatch(/bypasses all security/);
    }
  });

  it('never applies half a connection', () => {
    const policy = judgeManagedPolicy({ supabaseUrl: 'https://abcd.supabase.co' });
    expect(policy.settings).toEqual({});
    expect(policy.problems).toEqual([{ field: 'supabaseKey', reason: expect.stringMatching(/both be set/) }]);
    expect(judgeManagedPolicy({ supabaseUrl: 'ftp://x', supabaseKey: anon }).problems[0]?.field).toBe('supabaseUrl');
  });

  it('reports fields of the wrong type and keeps the good ones', () => {
    const policy = judgeManagedPolicy({ ...good, inviteCode: 42, maskSelectors: '.api-key', webhooks: { url: 'x' } });
    expect(policy.settings).toEqual({ connection: { url: 'https://abcd.supabase.co', anonKey: anon } });
    expect(policy.problems.map((p) => p.field)).toEqual(['inviteCode', 'maskSelectors', 'webhooks']);
  });

  it('judges list entries one by one, naming each bad one by position', () => {
    const policy = judgeManagedPolicy({
      maskSelectors: ['.ok', '', 'x'.repeat(501), 7, '.also-ok'],
      webhooks: [
        { kind: 'carrier-pigeon', url: 'https://example.com', topics: [] },
        { kind: 'json', url: 'javascript:alert(1)', topics: ['declared'] },
        { kind: 'teams', url: 'https://example.com/hook', topics: ['major'] },
      ],
    });
    expect(policy.settings?.maskSelectors).toEqual(['.ok', '.also-ok']);
    expect(policy.settings?.webhooks?.map((w) => w.id)).toEqual(['managed-3']);
    expect(policy.problems.map((p) => p.field)).toEqual(['maskSelectors[2]', 'maskSelectors[3]', 'maskSelectors[4]', 'webhooks[1]', 'webhooks[2]']);
    expect(policy.problems[3]?.reason).toMatch(/^kind:/);
    expect(policy.problems[4]?.reason).toMatch(/https/);
  });

  it('caps absurd lists and says so', () => {
    const policy = judgeManagedPolicy({ maskSelectors: Array.from({ length: 150 }, (_, i) => `.s${i}`) });
    expect(policy.settings?.maskSelectors).toHaveLength(100);
    expect(policy.problems).toEqual([{ field: 'maskSelectors', reason: expect.stringMatching(/at most 100/) }]);
  });

  it('refuses an invite code of the wrong shape', () => {
    expect(judgeManagedPolicy({ inviteCode: 'O0O0O0O0O0' }).problems[0]?.field).toBe('inviteCode');
    expect(judgeManagedPolicy({ inviteCode: 'ABC' }).settings).toEqual({});
  });

  it('describes a problem in the sentence the options page shows', () => {
    expect(describeProblem({ field: 'inviteCode', reason: 'bad' })).toBe(
      "Your organisation's policy has a setting this version can't read: inviteCode (bad). It is ignored; ask your admin to correct it.",
    );
  });
});

describe('readManagedPolicy', () => {
  it('reads the managed storage area', async () => {
    await fakeBrowser.storage.managed.set(good);
    expect((await readManagedPolicy()).settings?.inviteCode).toBe('K7PQ2XMN4R');
    expect((await loadManagedSettings())?.maskSelectors).toEqual(good.maskSelectors);
  });

  it('is no policy when the area is empty (Chromium) or rejects as Firefox does without policies', async () => {
    expect(await readManagedPolicy()).toEqual(NO_POLICY);
    expect(await loadManagedSettings()).toBeNull();
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    expect(await readManagedPolicy()).toEqual(NO_POLICY);
  });

  it('reports any other failure and applies nothing', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('boom'));
    expect(await readManagedPolicy()).toEqual({ settings: null, problems: [{ field: 'policy', reason: 'could not be read: boom' }] });
  });

  it('calls back when the policy changes', async () => {
    const onChange = vi.fn();
    const stop = watchManagedPolicy(onChange);
    await fakeBrowser.storage.managed.set({ inviteCode: 'K7PQ2XMN4R' });
    expect(onChange).toHaveBeenCalledTimes(1);
    stop();
    await fakeBrowser.storage.managed.set({ inviteCode: 'K7PQ2XMN4S' });
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});
