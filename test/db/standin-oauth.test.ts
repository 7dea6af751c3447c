import { createHash, randomBytes } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultOAuthConfig, startStandin, type Standin } from '../support/standin/index.ts';
import { chooseRedirect, globToRegExp } from '../support/standin/redirect-allow-list.ts';
import { createSupabaseDatabase, type SupabaseDatabase } from '../support/supabase-db.ts';

// Sign in with GitHub / Google through the stand-in's GoTrue PKCE flow
// (test/support/standin/oauth.ts), driven by the real supabase-js with
// flowType 'pkce' as lib/supabase/client.ts configures it. The "browser
// window" is a fetch that does not follow redirects: it reads where GoTrue
// sends the person, as launchWebAuthFlow does.

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

let db: SupabaseDatabase;
let standin: Standin;

beforeAll(async () => {
  db = await createSupabaseDatabase();
  standin = await startStandin({ databaseUrl: db.url, roleUrls: db.urls });
});

afterAll(async () => {
  await standin?.stop();
  await db?.stop();
});

beforeEach(() => {
  Object.assign(standin.oauth, defaultOAuthConfig(), { redirectAllowList: [REDIRECT] });
  standin.flowStates.ageMs = 0;
});

function client(): SupabaseClient {
  const memory = new Map<string, string>();
  return createClient(standin.url, standin.anonKey, {
    auth: {
      flowType: 'pkce',
      persistSession: true,
      autoRefreshToken: false,
      detectSessionInUrl: false,
      storage: {
        getItem: (k) => memory.get(k) ?? null,
        setItem: (k, v) => void memory.set(k, v),
        removeItem: (k) => void memory.delete(k),
      },
    },
  });
}

/** What the web-auth window does: open the URL (no apikey, as a browser tab) and read the redirect. */
async function openWindow(url: string): Promise<{ status: number; location: string | null; body: string }> {
  const response = await fetch(url, { redirect: 'manual' });
  return { status: response.status, location: response.headers.get('location'), body: await response.text() };
}

async function startFlow(supabase: SupabaseClient, provider: 'github' | 'google' = 'github') {
  const { data, error } = await supabase.auth.signInWithOAuth({ provider, options: { redirectTo: REDIRECT, skipBrowserRedirect: true } });
  expect(error).toBeNull();
  return data;
}

function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

async function token(body: object) {
  const response = await fetch(`${standin.url}/auth/v1/token?grant_type=pkce`, {
    method: 'POST',
    headers: { apikey: standin.anonKey, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('sign in with GitHub or Google (PKCE)', () => {
  it('redirects at once with a code, and exchanges it once for a session of a new provider user', async () => {
    const supabase = client();
    const started = await startFlow(supabase);
    expect(started.url).toMatch(/\/auth\/v1\/authorize\?provider=github&redirect_to=.*&code_challenge=.*&code_challenge_method=s256/);
    const window = await openWindow(started.url!);
    expect(window.status).toBe(302);
    const back = new URL(window.location!);
    expect(`${back.origin}/`).toBe(REDIRECT);
    const code = back.searchParams.get('code')!;
    expect(code).toMatch(/^[0-9a-f-]{36}$/);

    const { data, error } = await supabase.auth.exchangeCodeForSession(code, { flowId: started.flowId! });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ email: 'octocat@example.test', app_metadata: { provider: 'github', providers: ['github'] } });
    expect(data.user!.identities!.map((i) => i.provider)).toEqual(['github']);
    expect(data.user!.user_metadata).toMatchObject({ user_name: 'octocat', full_name: 'The Octocat', provider_id: '583231' });
    expect(decodeJwt(data.session!.access_token)).toMatchObject({ sub: data.user!.id, amr: [{ method: 'oauth' }] });
    const { rows } = await db.query('select count(*)::int as n from auth.users where email = $1', ['octocat@example.test']);
    expect(rows[0].n).toBe(1);

    // The code is spent: GoTrue deleted its flow state.
    const again = await token({ auth_code: code, code_verifier: 'x'.repeat(43) });
    expect(again).toEqual({ status: 404, body: { code: 404, error_code: 'flow_state_not_found', msg: 'invalid flow state, no valid flow state found' } });

    // Signing in again with GitHub is the same user.
    const second = client();
    const s2 = await startFlow(second);
    const code2 = new URL((await openWindow(s2.url!)).location!).searchParams.get('code')!;
    const r2 = await second.auth.exchangeCodeForSession(code2, { flowId: s2.flowId! });
    expect(r2.data.user!.id).toBe(data.user!.id);
  });

  it('links Google to an existing password account with the same email', async () => {
    standin.oauth.accounts.google = { id: '1098', email: 'sophie-oauth@example.test', name: 'Sophie' };
    const id = await standin.createUser('sophie-oauth@example.test', 'correct horse battery');
    const supabase = client();
    const started = await startFlow(supabase, 'google');
    const code = new URL((await openWindow(started.url!)).location!).searchParams.get('code')!;
    const { data } = await supabase.auth.exchangeCodeForSession(code, { flowId: started.flowId! });
    expect(data.user!.id).toBe(id);
    expect(data.user!.app_metadata.providers).toEqual(['email', 'google']);
    expect(data.user!.identities!.map((i) => i.provider)).toEqual(['email', 'google']);
    // And the password still signs in.
    const password = await client().auth.signInWithPassword({ email: 'sophie-oauth@example.test', password: 'correct horse battery' });
    expect(password.error).toBeNull();
  });

  it("refuses a wrong code verifier with GoTrue's words, and keeps the code for the right one", async () => {
    const { verifier, challenge } = pkcePair();
    const url = `${standin.url}/auth/v1/authorize?provider=github&redirect_to=${encodeURIComponent(REDIRECT)}&code_challenge=${challenge}&code_challenge_method=s256`;
    const code = new URL((await openWindow(url)).location!).searchParams.get('code')!;
    const wrong = await token({ auth_code: code, code_verifier: pkcePair().verifier });
    expect(wrong).toEqual({
      status: 400,
      body: { code: 400, error_code: 'bad_code_verifier', msg: 'code challenge does not match previously saved code verifier' },
    });
    expect((await token({ auth_code: code, code_verifier: '' })).body).toMatchObject({
      error_code: 'validation_failed',
      msg: 'invalid request: both auth code and code verifier should be non-empty',
    });
    const right = await token({ auth_code: code, code_verifier: verifier });
    expect(right.status).toBe(200);
    expect(right.body).toMatchObject({ token_type: 'bearer', user: { email: 'octocat@example.test' } });
  });

  it('an expired flow state is refused (300 s)', async () => {
    const { verifier, challenge } = pkcePair();
    const url = `${standin.url}/auth/v1/authorize?provider=github&redirect_to=${encodeURIComponent(REDIRECT)}&code_challenge=${challenge}&code_challenge_method=S256`;
    const code = new URL((await openWindow(url)).location!).searchParams.get('code')!;
    standin.flowStates.ageMs = 301_000;
    expect(await token({ auth_code: code, code_verifier: verifier })).toEqual({
      status: 422,
      body: { code: 422, error_code: 'flow_state_expired', msg: 'invalid flow state, flow state has expired' },
    });
  });

  it('a provider that is off: /authorize answers 400 and /settings says false; nobody is created', async () => {
    standin.oauth.enabled.delete('google');
    standin.oauth.accounts.google = { id: '77', email: 'nobody-google@example.test', name: 'Nobody' };
    const started = await startFlow(client(), 'google');
    const window = await openWindow(started.url!);
    expect(window.status).toBe(400);
    expect(JSON.parse(window.body)).toEqual({ code: 400, error_code: 'validation_failed', msg: 'Unsupported provider: provider is not enabled' });
    const settings = await fetch(`${standin.url}/auth/v1/settings`, { headers: { apikey: standin.anonKey } }).then((r) => r.json());
    expect(settings.external).toMatchObject({ github: true, google: false, email: true });
    const { rows } = await db.query('select count(*)::int as n from auth.users where email = $1', ['nobody-google@example.test']);
    expect(rows[0].n).toBe(0);
    const unknown = await openWindow(`${standin.url}/auth/v1/authorize?provider=myspace`);
    expect(JSON.parse(unknown.body)).toMatchObject({ error_code: 'validation_failed', msg: 'Unsupported provider: Provider myspace could not be found' });
  });

  it('a denied consent comes back with the provider’s error in the query and the fragment', async () => {
    standin.oauth.consent = { error: 'access_denied', description: 'The user has denied your application access.' };
    const window = await openWindow((await startFlow(client())).url!);
    const back = new URL(window.location!);
    expect(`${back.origin}/`).toBe(REDIRECT);
    expect(Object.fromEntries(back.searchParams)).toEqual({ error: 'access_denied', error_description: 'The user has denied your application access.' });
    expect(Object.fromEntries(new URLSearchParams(back.hash.slice(1)))).toEqual({
      error: 'access_denied',
      error_description: 'The user has denied your application access.',
      sb: '',
    });
  });

  it('a redirect URL outside the allow list silently goes to the Site URL, code and all', async () => {
    standin.oauth.redirectAllowList = ['https://other.chromiumapp.org/'];
    const window = await openWindow((await startFlow(client())).url!);
    const back = new URL(window.location!);
    expect(back.origin).toBe('http://127.0.0.1:3000');
    expect(back.searchParams.get('code')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses malformed PKCE parameters as GoTrue does', async () => {
    const base = `${standin.url}/auth/v1/authorize?provider=github&redirect_to=${encodeURIComponent(REDIRECT)}`;
    expect(JSON.parse((await openWindow(`${base}&code_challenge=${'a'.repeat(43)}`)).body).msg).toBe(
      'PKCE flow requires code_challenge_method and code_challenge',
    );
    expect(JSON.parse((await openWindow(`${base}&code_challenge=short&code_challenge_method=s256`)).body).msg).toBe(
      'code challenge has to be between 43 and 128 characters',
    );
    expect(JSON.parse((await openWindow(`${base}&code_challenge=${'a'.repeat(43)}&code_challenge_method=md5`)).body).msg).toBe(
      'Invalid code_challenge_method',
    );
  });
});

describe('flowType pkce leaves the other sign-ins as they were', () => {
  // auth-js 2.119.1 posts signInWithPassword to /token?grant_type=password and
  // verifyOtp to /verify whatever the flow type; GoTrue's POST /verify issues the
  // session directly (internal/api/verify.go verifyPost has no PKCE branch).
  it('signs in with a password and with an emailed code on a pkce client', async () => {
    await standin.createUser('pkce-password@example.test', 'correct horse battery');
    const password = await client().auth.signInWithPassword({ email: 'pkce-password@example.test', password: 'correct horse battery' });
    expect(password.error).toBeNull();
    expect(password.data.session?.access_token).toBeTruthy();

    const otpClient = client();
    const sent = await otpClient.auth.signInWithOtp({ email: 'pkce-code@example.test', options: { shouldCreateUser: true } });
    expect(sent.error).toBeNull();
    const code = standin.mailbox('pkce-code@example.test').at(-1)!;
    const verified = await otpClient.auth.verifyOtp({ email: 'pkce-code@example.test', token: code, type: 'email' });
    expect(verified.error).toBeNull();
    expect(verified.data.user?.email).toBe('pkce-code@example.test');
  });
});

describe("GoTrue's redirect allow list", () => {
  const site = 'https://app.example.com';
  it('globs with . and / as separators', () => {
    expect(globToRegExp('https://*.chromiumapp.org/').test('https://abc.chromiumapp.org/')).toBe(true);
    expect(globToRegExp('https://*.chromiumapp.org/').test('https://a.b.chromiumapp.org/')).toBe(false);
    expect(globToRegExp('https://*.chromiumapp.org/**').test('https://abc.chromiumapp.org/x/y')).toBe(true);
  });
  it('falls back to the Site URL, accepts the site itself and loopback addresses', () => {
    expect(chooseRedirect(site, [], 'https://abc.chromiumapp.org/', undefined)).toBe(site);
    expect(chooseRedirect(site, ['https://abc.chromiumapp.org/'], 'https://abc.chromiumapp.org/', undefined)).toBe('https://abc.chromiumapp.org/');
    expect(chooseRedirect(site, [], 'https://app.example.com/welcome', undefined)).toBe('https://app.example.com/welcome');
    expect(chooseRedirect(site, [], 'http://127.0.0.1:5555/cb', undefined)).toBe('http://127.0.0.1:5555/cb');
    expect(chooseRedirect(site, [], 'http://2130706433/', undefined)).toBe(site);
  });
});
