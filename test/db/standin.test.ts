import { randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { SignJWT, decodeJwt } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startStandin, type Standin } from '../support/standin/index.ts';
import { declaredRow } from '../support/declared-row.ts';
import { createSupabaseDatabase, type SupabaseDatabase } from '../support/supabase-db.ts';

// The Supabase stand-in, driven by the real supabase-js client the extension
// ships, in front of a throwaway PostgreSQL with the project's migrations.

const BUCKET = 'incident-screenshots';
const PASSWORD = 'correct horse battery';

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

afterEach(() => standin.faults.clear());

function client(options: { fetch?: typeof fetch } = {}): SupabaseClient {
  return createClient(standin.url, standin.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    global: options.fetch ? { fetch: options.fetch } : {},
  });
}

let emails = 0;
function freshEmail(): string {
  return `person${++emails}-${randomUUID().slice(0, 8)}@example.com`;
}

async function signedIn(options: { fetch?: typeof fetch } = {}): Promise<{ supabase: SupabaseClient; userId: string }> {
  const email = freshEmail();
  const userId = await standin.createUser(email, PASSWORD);
  const supabase = client(options);
  const { error } = await supabase.auth.signInWithPassword({ email, password: PASSWORD });
  expect(error).toBeNull();
  return { supabase, userId };
}

async function teamOf(supabase: SupabaseClient): Promise<string> {
  const { data, error } = await supabase.rpc('create_team', { p_name: 'Ops' });
  expect(error).toBeNull();
  return data as string;
}

const declared = (teamId: string, authorId: string) => declaredRow(teamId, authorId, 'standin');

async function storedEvents(id: string): Promise<number> {
  const { rows } = await db.query('select count(*)::int as n from public.incident_events where id = $1', [id]);
  return rows[0].n as number;
}

describe('auth', () => {
  it('signs up and signs in with a password, and issues GoTrue-shaped sessions', async () => {
    const supabase = client();
    const email = freshEmail();
    const signUp = await supabase.auth.signUp({ email, password: PASSWORD });
    expect(signUp.error).toBeNull();
    expect(signUp.data.user?.email).toBe(email);
    expect(signUp.data.session?.token_type).toBe('bearer');

    const again = await client().auth.signUp({ email, password: PASSWORD });
    expect(again.error).toMatchObject({ status: 422, code: 'user_already_exists' });

    const weak = await client().auth.signUp({ email: freshEmail(), password: '123' });
    expect(weak.error).toMatchObject({ status: 422, code: 'weak_password' });

    const wrong = await supabase.auth.signInWithPassword({ email, password: 'not it' });
    expect(wrong.error).toMatchObject({ status: 400, code: 'invalid_credentials', message: 'Invalid login credentials' });

    const { data, error } = await supabase.auth.signInWithPassword({ email, password: PASSWORD });
    expect(error).toBeNull();
    const session = data.session!;
    expect(session.expires_in).toBe(3600);
    const claims = decodeJwt(session.access_token);
    expect(claims).toMatchObject({
      sub: data.user!.id,
      role: 'authenticated',
      aud: 'authenticated',
      email,
      session_id: expect.any(String),
      iss: `${standin.url}/auth/v1`,
    });
    expect(claims.exp! - claims.iat!).toBe(3600);
    expect(session.expires_at).toBe(claims.exp);

    const user = await supabase.auth.getUser();
    expect(user.error).toBeNull();
    expect(user.data.user).toMatchObject({ id: data.user!.id, email, aud: 'authenticated', role: 'authenticated' });
  });

  it('words errors as GoTrue does for the API version asked for', async () => {
    const token = (headers: Record<string, string>) =>
      fetch(`${standin.url}/auth/v1/token?grant_type=password`, {
        method: 'POST',
        headers: { apikey: standin.anonKey, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ email: freshEmail(), password: 'nope-nope' }),
      });
    const legacy = await token({});
    expect(legacy.status).toBe(400);
    expect(await legacy.json()).toEqual({ code: 400, error_code: 'invalid_credentials', msg: 'Invalid login credentials' });

    const current = await token({ 'x-supabase-api-version': '2024-01-01' });
    expect(current.headers.get('x-supabase-api-version')).toBe('2024-01-01');
    expect(await current.json()).toEqual({ code: 'invalid_credentials', message: 'Invalid login credentials' });
  });

  it('signs in with a one-time code from the mailbox', async () => {
    const email = freshEmail();
    const supabase = client();

    const refused = await supabase.auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
    expect(refused.error).toMatchObject({ status: 422, code: 'otp_disabled' });

    const sent = await supabase.auth.signInWithOtp({ email });
    expect(sent.error).toBeNull();
    const code = standin.mailbox(email).at(-1)!;
    expect(code).toMatch(/^\d{6}$/);

    const wrongCode = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const wrong = await supabase.auth.verifyOtp({ email, token: wrongCode, type: 'email' });
    expect(wrong.error).toMatchObject({ status: 403, code: 'otp_expired' });

    const { data, error } = await supabase.auth.verifyOtp({ email, token: code, type: 'email' });
    expect(error).toBeNull();
    expect(data.user?.email).toBe(email);
    expect((await supabase.auth.getUser()).data.user?.id).toBe(data.user?.id);

    const reused = await client().auth.verifyOtp({ email, token: code, type: 'email' });
    expect(reused.error).toMatchObject({ status: 403, code: 'otp_expired' });
  });

  it('refreshes after access tokens expire; refresh tokens are single use', async () => {
    const { supabase } = await signedIn();
    await teamOf(supabase);
    const before = (await supabase.auth.getSession()).data.session!;

    standin.expireAccessTokens();
    const expired = await supabase.rpc('my_teams');
    expect(expired.status).toBe(401);
    expect(expired.error).toMatchObject({ code: 'PGRST303', message: 'JWT expired' });
    const userCall = await supabase.auth.getUser();
    expect(userCall.error).toMatchObject({ status: 403, code: 'bad_jwt' });

    const refreshed = await supabase.auth.refreshSession();
    expect(refreshed.error).toBeNull();
    expect(refreshed.data.session?.refresh_token).not.toBe(before.refresh_token);

    const teams = await supabase.rpc('my_teams');
    expect(teams.error).toBeNull();
    expect(teams.data).toEqual([expect.objectContaining({ name: 'Ops', role: 'owner' })]);

    const reuse = await client().auth.refreshSession({ refresh_token: before.refresh_token });
    expect(reuse.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' });
  });

  it('signs out: the session and its refresh token stop working', async () => {
    const { supabase } = await signedIn();
    const session = (await supabase.auth.getSession()).data.session!;
    expect((await supabase.auth.signOut()).error).toBeNull();

    const other = client();
    const refresh = await other.auth.refreshSession({ refresh_token: session.refresh_token });
    expect(refresh.error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
    // GoTrue answers 403 session_not_found; auth-js turns that into AuthSessionMissingError.
    const user = await other.auth.getUser(session.access_token);
    expect(user.error?.name).toBe('AuthSessionMissingError');
  });
});

describe('rest: /rest/v1/rpc', () => {
  it('calls functions with named arguments and returns their JSON', async () => {
    const { supabase, userId } = await signedIn();
    const teamId = await teamOf(supabase);
    const event = declared(teamId, userId);

    const pushed = await supabase.rpc('push_events', { events: [event] });
    expect(pushed.error).toBeNull();
    expect(pushed.status).toBe(200);
    expect(pushed.data).toEqual({
      results: [{ id: event.id, status: 'accepted', incident_number: 1 }],
      accepted: 1,
      rejected: 0,
    });

    const pulled = await supabase.rpc('pull_events', { p_team_id: teamId, p_after: 0, p_limit: 10 });
    expect(pulled.error).toBeNull();
    expect(pulled.data.events).toEqual([expect.objectContaining({ id: event.id, author_id: userId, incident_number: 1 })]);
    expect(pulled.data.cursor).toBe(pulled.data.events[0].server_seq);

    // An argument left out takes its default (p_limit default 500).
    const defaults = await supabase.rpc('pull_events', { p_team_id: teamId, p_after: 0 });
    expect(defaults.data.events).toHaveLength(1);

    // A void function answers 204 No Content.
    const redacted = await supabase.rpc('redact_event', { p_event_id: event.id });
    expect(redacted).toMatchObject({ status: 204, data: null, error: null });
    const { rows } = await db.query('select body from public.incident_events where id = $1', [event.id]);
    expect(rows[0].body).toEqual({});
  });

  it('answers errors in PostgREST shape with its status codes', async () => {
    const { supabase } = await signedIn();
    const teamId = await teamOf(supabase);

    // raise exception … using errcode 'P0001' → 400 (a sole owner may not leave)
    const raised = await supabase.rpc('leave_team', { p_team_id: teamId });
    expect(raised.status).toBe(400);
    expect(raised.error).toEqual({
      code: 'P0001',
      details: null,
      hint: null,
      message: 'Transfer ownership to another member before you leave',
    });

    const missing = await supabase.rpc('no_such_function', { p_x: 1 });
    expect(missing.status).toBe(404);
    expect(missing.error).toMatchObject({
      code: 'PGRST202',
      message: 'Could not find the function public.no_such_function(p_x) in the schema cache',
    });

    const badArgs = await supabase.rpc('pull_events', { p_team: teamId });
    expect(badArgs.status).toBe(404);
    expect(badArgs.error).toMatchObject({ code: 'PGRST202', hint: 'Perhaps you meant to call the function public.pull_events(p_after, p_limit, p_team_id)' });

    const badUuid = await supabase.rpc('pull_events', { p_team_id: 'not-a-uuid', p_after: 0 });
    expect(badUuid.status).toBe(400);
    expect(badUuid.error).toMatchObject({ code: '22P02' });

    // 42501 is 403 for a signed-in role …
    const outsider = await signedIn();
    const denied = await outsider.supabase.rpc('pull_events', { p_team_id: teamId, p_after: 0 });
    expect(denied.status).toBe(403);
    expect(denied.error).toMatchObject({ code: '42501', message: 'Only members of a team can pull its events' });

    // … and 401 for anon, which may not even execute it.
    const anon = await client().rpc('my_teams');
    expect(anon.status).toBe(401);
    expect(anon.error).toMatchObject({ code: '42501', message: 'permission denied for function my_teams' });
  });

  it('falls back to the apikey role only without an Authorization header', async () => {
    const rpc = (headers: Record<string, string>) =>
      fetch(`${standin.url}/rest/v1/rpc/my_teams`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{}',
      });

    const service = await rpc({ apikey: standin.serviceRoleKey });
    expect(service.status).toBe(200);
    expect(await service.json()).toEqual([]);

    const badToken = await rpc({ apikey: standin.anonKey, authorization: 'Bearer not.a.jwt' });
    expect(badToken.status).toBe(401);
    expect(badToken.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    expect(await badToken.json()).toMatchObject({ code: 'PGRST301' });

    const noKey = await rpc({});
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({ message: 'No API key found in request' });

    const preflight = await fetch(`${standin.url}/rest/v1/rpc/push_events`, {
      method: 'OPTIONS',
      headers: {
        origin: 'chrome-extension://abcdefghijklmnop',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'apikey, authorization, content-type, x-client-info',
      },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('apikey, authorization, content-type, x-client-info');
  });
});

describe('rest: PostgREST fidelity', () => {
  it("applies the impersonated role's settings per transaction; a statement timeout is 500 57014", async () => {
    await db.query(`
      alter role authenticated set statement_timeout = '8s';
      alter role anon set statement_timeout = '3s';
      create role standin_hurried nologin;
      do $$ begin
        if exists (select 1 from pg_roles where rolname = 'authenticator') then grant standin_hurried to authenticator; end if;
      end $$;
      alter role standin_hurried set statement_timeout = '150ms';
      grant usage on schema public to standin_hurried;
      create function public.standin_setting(p_name text) returns text language sql stable as $$ select current_setting(p_name) $$;
      grant execute on function public.standin_setting(text) to anon, authenticated, standin_hurried;
      create function public.standin_sleep(p_seconds float8) returns void language sql as $$ select pg_sleep(p_seconds) $$;
      grant execute on function public.standin_sleep(float8) to standin_hurried;
    `);
    // PostgREST reads role settings when it starts (or on NOTIFY pgrst, 'reload config').
    const fresh = await startStandin({ databaseUrl: db.url, roleUrls: db.urls });
    try {
      const asClient = createClient(fresh.url, fresh.anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
      expect((await asClient.rpc('standin_setting', { p_name: 'statement_timeout' })).data).toBe('3s');
      const email = freshEmail();
      await fresh.createUser(email, PASSWORD);
      await asClient.auth.signInWithPassword({ email, password: PASSWORD });
      expect((await asClient.rpc('standin_setting', { p_name: 'statement_timeout' })).data).toBe('8s');

      const hurried = await new SignJWT({ role: 'standin_hurried' })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(fresh.jwtSecret));
      const call = (fn: string, args: object) =>
        fetch(`${fresh.url}/rest/v1/rpc/${fn}`, {
          method: 'POST',
          headers: { apikey: fresh.anonKey, authorization: `Bearer ${hurried}`, 'content-type': 'application/json' },
          body: JSON.stringify(args),
        });
      expect(await (await call('standin_setting', { p_name: 'statement_timeout' })).json()).toBe('150ms');
      const slow = await call('standin_sleep', { p_seconds: 2 });
      expect(slow.status).toBe(500);
      expect(await slow.json()).toEqual({ code: '57014', details: null, hint: null, message: 'canceling statement due to statement timeout' });
      // Transaction-scoped: the pooled connection does not keep the 150 ms for the next caller.
      expect((await asClient.rpc('standin_setting', { p_name: 'statement_timeout' })).data).toBe('8s');
    } finally {
      await fresh.stop();
    }
  });

  it('logs in as the roles the real services use, never as the superuser', async () => {
    await db.query(`
      create function public.standin_whoami() returns text language sql stable as $$ select session_user || '/' || current_user $$;
      grant execute on function public.standin_whoami() to authenticated;
    `);
    const { supabase, userId } = await signedIn();
    expect((await supabase.rpc('standin_whoami')).data).toBe('authenticator/authenticated');
    const teamId = await teamOf(supabase);
    const path = `${teamId}/${randomUUID()}/${randomUUID()}.png`;
    expect((await supabase.storage.from(BUCKET).upload(path, new Uint8Array([137]), { contentType: 'image/png' })).error).toBeNull();
    const { rows } = await db.query(
      `select distinct usename from pg_stat_activity where datname = current_database() and usename <> current_user order by 1`,
    );
    expect(rows.map((r) => r.usename)).toEqual(['authenticator', 'supabase_auth_admin', 'supabase_storage_admin']);
    expect(userId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('maps a raised SQLSTATE PTxyz to HTTP status xyz, with the message as the reason phrase', async () => {
    await db.query(`
      create function public.standin_raise(p_code text, p_message text) returns void language plpgsql as $$
      begin raise exception using errcode = p_code, message = p_message, hint = 'Wait a minute.'; end $$;
      grant execute on function public.standin_raise(text, text) to authenticated;
    `);
    const { supabase } = await signedIn();
    const message = 'Too many events: at most 20,000 events and 20 MB a minute';
    const limited = await supabase.rpc('standin_raise', { p_code: 'PT429', p_message: message });
    expect(limited.status).toBe(429);
    expect(limited.statusText).toBe(message);
    expect(limited.error).toEqual({ code: 'PT429', details: null, hint: 'Wait a minute.', message });

    // Digits PostgREST cannot read as a status are a 500.
    const unreadable = await supabase.rpc('standin_raise', { p_code: 'PTABC', p_message: 'odd' });
    expect(unreadable.status).toBe(500);
    expect(unreadable.error).toMatchObject({ code: 'PTABC', message: 'odd' });
  });
});

describe('keys: publishable and secret', () => {
  it('a client made with the publishable key signs in and works as the user, and as anon when signed out', async () => {
    const supabase = createClient(standin.url, standin.publishableKey, { auth: { persistSession: false, autoRefreshToken: false } });
    // Signed out, supabase-js sends the publishable key as the bearer; the gateway swaps in the anon JWT.
    const signedOut = await supabase.rpc('my_teams');
    expect(signedOut.status).toBe(401);
    expect(signedOut.error).toMatchObject({ code: '42501', message: 'permission denied for function my_teams' });

    const email = freshEmail();
    await standin.createUser(email, PASSWORD);
    expect((await supabase.auth.signInWithPassword({ email, password: PASSWORD })).error).toBeNull();
    const teamId = await teamOf(supabase);
    expect((await supabase.rpc('my_teams')).data).toEqual([expect.objectContaining({ team_id: teamId, role: 'owner' })]);
    const path = `${teamId}/${randomUUID()}/${randomUUID()}.png`;
    expect((await supabase.storage.from(BUCKET).upload(path, new Uint8Array([137, 80]), { contentType: 'image/png' })).error).toBeNull();
  });

  it('the gateway maps each key to the role the services then see', async () => {
    const rpc = (headers: Record<string, string>) =>
      fetch(`${standin.url}/rest/v1/rpc/my_teams`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
    // Secret key (alone, or as its own bearer): service_role.
    expect((await rpc({ apikey: standin.secretKey })).status).toBe(200);
    expect((await rpc({ apikey: standin.secretKey, authorization: `Bearer ${standin.secretKey}` })).status).toBe(200);
    // Publishable key: anon, whether or not it is also the bearer.
    expect((await rpc({ apikey: standin.publishableKey })).status).toBe(401);
    expect((await rpc({ apikey: standin.publishableKey, authorization: `Bearer ${standin.publishableKey}` })).status).toBe(401);
    // A key that is merely shaped like one is refused at the gateway.
    const forged = await rpc({ apikey: 'sb_publishable_AAAAAAAAAAAAAAAAAAAAAA_AAAAAAAA' });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ message: 'Invalid API key' });
  });
});

describe('storage: /storage/v1/object', () => {
  it('uploads, downloads and removes a screenshot for a team member', async () => {
    const { supabase, userId } = await signedIn();
    const teamId = await teamOf(supabase);
    const path = `${teamId}/${randomUUID()}/${randomUUID()}.webp`;
    const bytes = new Uint8Array([82, 73, 70, 70, 0, 1, 2, 3, 254, 255]);
    const screenshots = supabase.storage.from(BUCKET);

    const uploaded = await screenshots.upload(path, bytes, { contentType: 'image/webp' });
    expect(uploaded.error).toBeNull();
    expect(uploaded.data).toEqual({ path, id: expect.any(String), fullPath: `${BUCKET}/${path}` });
    const { rows } = await db.query('select owner_id, metadata from storage.objects where name = $1', [path]);
    expect(rows[0]).toMatchObject({ owner_id: userId, metadata: { mimetype: 'image/webp', size: bytes.length } });

    const downloaded = await screenshots.download(path);
    expect(downloaded.error).toBeNull();
    expect(downloaded.data?.type).toBe('image/webp');
    expect(new Uint8Array(await downloaded.data!.arrayBuffer())).toEqual(bytes);

    const duplicate = await screenshots.upload(path, bytes, { contentType: 'image/webp' });
    expect(duplicate.error).toMatchObject({ status: 400, statusCode: '409', message: 'The resource already exists' });

    // A Blob goes up as multipart/form-data; its own type wins.
    const replaced = await screenshots.upload(path, new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }), { upsert: true });
    expect(replaced.error).toBeNull();
    const again = await screenshots.download(path);
    expect(again.data?.type).toBe('image/png');
    expect(new Uint8Array(await again.data!.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));

    const wrongType = await screenshots.upload(`${teamId}/x/y.txt`, new Uint8Array([1]), { contentType: 'text/plain' });
    expect(wrongType.error).toMatchObject({ status: 400, statusCode: '415' });

    const removed = await screenshots.remove([path]);
    expect(removed.error).toBeNull();
    expect(removed.data).toEqual([expect.objectContaining({ name: path, bucket_id: BUCKET })]);
    const gone = await screenshots.download(path);
    expect(gone.error).toMatchObject({ status: 400, statusCode: '404', message: 'Object not found' });
  });

  it('lets RLS refuse outsiders and anon', async () => {
    const member = await signedIn();
    const teamId = await teamOf(member.supabase);
    const path = `${teamId}/${randomUUID()}/${randomUUID()}.png`;
    const bytes = new Uint8Array([137, 80, 78, 71]);
    expect((await member.supabase.storage.from(BUCKET).upload(path, bytes, { contentType: 'image/png' })).error).toBeNull();

    const outsider = (await signedIn()).supabase.storage.from(BUCKET);
    const read = await outsider.download(path);
    expect(read.error).toMatchObject({ status: 400, statusCode: '404', message: 'Object not found' });
    const write = await outsider.upload(`${teamId}/${randomUUID()}/${randomUUID()}.png`, bytes, { contentType: 'image/png' });
    expect(write.error).toMatchObject({ status: 400, statusCode: '403', message: 'new row violates row-level security policy' });
    const remove = await outsider.remove([path]);
    expect(remove).toMatchObject({ data: [], error: null });

    const anon = client().storage.from(BUCKET);
    expect((await anon.download(path)).error).toMatchObject({ statusCode: '404' });
    expect((await anon.upload(`${teamId}/a/b.png`, bytes, { contentType: 'image/png' })).error).toMatchObject({ statusCode: '403' });

    const stillThere = await member.supabase.storage.from(BUCKET).download(path);
    expect(new Uint8Array(await stillThere.data!.arrayBuffer())).toEqual(bytes);
  });

  it('refuses an expired token the way Storage (v1.22.9 and later, jose) does', async () => {
    const { supabase } = await signedIn();
    const teamId = await teamOf(supabase);
    standin.expireAccessTokens();
    const upload = await supabase.storage.from(BUCKET).upload(`${teamId}/a/b.png`, new Uint8Array([1]), { contentType: 'image/png' });
    expect(upload.error).toMatchObject({ status: 400, statusCode: '403', message: '"exp" claim timestamp check failed' });
  });

  it('answers refused tokens with HTTP 400 and AccessDenied carrying jose\'s message', async () => {
    const download = (token: string) =>
      fetch(`${standin.url}/storage/v1/object/${BUCKET}/a/b.png`, {
        headers: { apikey: standin.anonKey, authorization: `Bearer ${token}` },
      });
    const foreign = await new SignJWT({ role: 'authenticated', sub: randomUUID() })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-projects-secret-at-least-32-characters'));
    const expired = await new SignJWT({ role: 'authenticated', sub: randomUUID() })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(standin.jwtSecret));
    const cases: [string, string][] = [
      [expired, '"exp" claim timestamp check failed'],
      [foreign, 'signature verification failed'],
      ['not-a-token', 'Invalid Compact JWS'],
      ['', 'Invalid Compact JWS'],
    ];
    for (const [token, message] of cases) {
      const res = await download(token);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ statusCode: '403', code: 'AccessDenied', error: 'Unauthorized', message });
    }
  });
});

describe('faults', () => {
  it('error500 and error503 answer before the database is touched', async () => {
    const { supabase, userId } = await signedIn();
    const teamId = await teamOf(supabase);
    const event = declared(teamId, userId);

    standin.faults.next('error500', { paths: /\/rpc\/push_events/ });
    const failed = await supabase.rpc('push_events', { events: [event] });
    expect(failed.status).toBe(500);
    expect(failed.error).toMatchObject({ code: 'XX000' });
    expect(await storedEvents(event.id)).toBe(0);

    standin.faults.next('error503');
    const unavailable = await supabase.rpc('push_events', { events: [event] });
    expect(unavailable.status).toBe(503);
    expect(unavailable.error).toMatchObject({ code: 'PGRST000' });
    expect(await storedEvents(event.id)).toBe(0);
    expect(standin.requests.at(-1)).toMatchObject({ method: 'POST', path: '/rest/v1/rpc/push_events', status: 503, fault: 'error503' });

    const path = `${teamId}/${randomUUID()}/${randomUUID()}.png`;
    standin.faults.next('error500', { paths: /^\/storage\// });
    const upload = await supabase.storage.from(BUCKET).upload(path, new Uint8Array([1]), { contentType: 'image/png' });
    expect(upload.error).toMatchObject({ status: 500, statusCode: '500' });
    const { rows } = await db.query('select count(*)::int as n from storage.objects where name = $1', [path]);
    expect(rows[0].n).toBe(0);
  });

  it('error500-after-commit and drop-after-commit leave the row committed; a retry is idempotent', async () => {
    const { supabase, userId } = await signedIn();
    const teamId = await teamOf(supabase);

    for (const kind of ['error500-after-commit', 'drop-after-commit'] as const) {
      const event = declared(teamId, userId);
      standin.faults.next(kind);
      const failed = await supabase.rpc('push_events', { events: [event] });
      expect(failed.error).not.toBeNull();
      expect(failed.status).toBe(kind === 'drop-after-commit' ? 0 : 500);
      expect(await storedEvents(event.id)).toBe(1);

      const retried = await supabase.rpc('push_events', { events: [event] });
      expect(retried.data.results).toEqual([expect.objectContaining({ id: event.id, status: 'accepted' })]);
      expect(await storedEvents(event.id)).toBe(1);
    }
  });

  it('drop destroys the connection on every surface', async () => {
    const { supabase } = await signedIn();
    const teamId = await teamOf(supabase);

    standin.faults.next('drop');
    const rpc = await supabase.rpc('my_teams');
    expect(rpc.status).toBe(0);
    expect(rpc.error?.message).toMatch(/fetch failed|other side closed|socket/i);

    standin.faults.next('drop');
    const upload = await supabase.storage.from(BUCKET).upload(`${teamId}/a/b.png`, new Uint8Array([1]), { contentType: 'image/png' });
    expect(upload.error?.name).toBe('StorageUnknownError');

    standin.faults.next('drop');
    const auth = await client().auth.signInWithPassword({ email: freshEmail(), password: PASSWORD });
    expect(auth.error).toMatchObject({ name: 'AuthRetryableFetchError', status: 0 });
    expect(standin.requests.filter((r) => r.fault === 'drop').every((r) => r.status === 0)).toBe(true);
  });

  it('delay answers late; timeout never answers', async () => {
    const { supabase } = await signedIn({ fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(600) }) });

    standin.faults.next('delay', { delayMs: 200 });
    const started = Date.now();
    const late = await supabase.rpc('my_teams');
    expect(late.error).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);

    standin.faults.next('timeout');
    const hung = await supabase.rpc('my_teams');
    expect(hung.status).toBe(0);
    expect(hung.error?.message).toMatch(/TimeoutError|AbortError|aborted/i);
  });

  it('a seeded plan injects the same faults on every run', async () => {
    const { supabase } = await signedIn();
    const logFrom = standin.requests.length;
    const run = async () => {
      standin.faults.set({ rate: 0.4, kinds: ['error500', 'error503'], paths: /\/rpc\//, seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await supabase.rpc('my_teams')).status);
      standin.faults.clear();
      return statuses;
    };
    const first = await run();
    expect(first.some((s) => s >= 500)).toBe(true);
    expect(first.some((s) => s === 200)).toBe(true);
    expect(await run()).toEqual(first);
    // Only the rpc calls the plan's paths match were faulted, and the log says which.
    const logged = standin.requests.slice(logFrom);
    expect(logged.filter((r) => r.fault).map((r) => r.status)).toEqual([...first, ...first].filter((s) => s >= 500));
  });
});
