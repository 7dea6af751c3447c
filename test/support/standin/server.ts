import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { handleAuth, type AuthContext } from './auth.ts';
import { BlobStore } from './blob-store.ts';
import { gatewayErrors, injectedError } from './errors.ts';
import { FaultInjector, type Fault } from './faults.ts';
import { FlowStateStore } from './flow-states.ts';
import { defaultOAuthConfig } from './oauth-config.ts';
import { CORS_HEADERS, checkApiKey, forwardedAuthorization, preflightHeaders, type ProjectKeys } from './gateway.ts';
import { DEFAULT_JWT_SECRET, DEFAULT_PUBLISHABLE_KEY, DEFAULT_SECRET_KEY, JwtService } from './jwt.ts';
import { Mailbox } from './mailbox.ts';
import { hashPassword } from './password.ts';
import type { Reply, StandinRequest } from './reply.ts';
import { handleRest } from './rest.ts';
import { RealtimeServer } from './realtime.ts';
import { loadRoleSettings } from './role-settings.ts';
import { SessionStore } from './sessions.ts';
import { handleStorage } from './storage.ts';
import type { RequestLogEntry, Standin, StandinOptions } from './types.ts';
import { UserDirectory } from './users.ts';

/**
 * Starts the Supabase stand-in: one HTTP server on 127.0.0.1 answering
 * `/auth/v1/*`, `/rest/v1/rpc/*` and `/storage/v1/object/*`, and upgrading
 * `/realtime/v1/websocket` (realtime.ts), in front of the PostgreSQL at `databaseUrl`.
 */
export async function startStandin(options: StandinOptions): Promise<Standin> {
  const jwt = new JwtService(options.jwtSecret ?? DEFAULT_JWT_SECRET);
  const pools = servicePools(options);
  const [anonKey, serviceRoleKey] = await Promise.all([jwt.apiKey('anon'), jwt.apiKey('service_role')]);
  const keys: ProjectKeys = { anonKey, serviceRoleKey, publishableKey: DEFAULT_PUBLISHABLE_KEY, secretKey: DEFAULT_SECRET_KEY };
  const users = await UserDirectory.open(pools.auth);
  const blobs = await BlobStore.create();
  const faults = new FaultInjector();
  const requests: RequestLogEntry[] = [];
  const unanswered = new Set<ServerResponse>();

  const server = createServer();
  // Realtime's websocket upgrades on the same server (`/realtime/v1/websocket`), as behind the gateway.
  const realtime = await RealtimeServer.start(options.databaseUrl, jwt, keys);
  realtime.attach(server, (method, path, status) => requests.push({ method, path, status }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const auth: AuthContext = {
    users,
    sessions: new SessionStore(),
    mailbox: new Mailbox(),
    jwt,
    issuer: `${url}/auth/v1`,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
    oauth: defaultOAuthConfig(),
    flowStates: new FlowStateStore(),
  };
  const rest = { pool: pools.rest, jwt, roleSettings: await loadRoleSettings(pools.rest) };
  const storage = { pool: pools.storage, jwt, blobs };

  async function route(request: StandinRequest): Promise<Reply> {
    // Kong's open auth routes need no apikey: a browser window opens /authorize
    // (supabase/supabase docker/volumes/api/kong.yml, `auth-v1-open-authorize`).
    const open = request.method === 'GET' && request.url.pathname === '/auth/v1/authorize';
    const refused = open ? undefined : checkApiKey(request, keys);
    if (refused) return refused;
    const authorization = forwardedAuthorization(request, keys);
    request = { ...request, headers: { ...request.headers, authorization } };
    if (authorization === undefined) delete request.headers.authorization;
    const path = request.url.pathname;
    if (path.startsWith('/auth/v1/')) return handleAuth(auth, request);
    if (path.startsWith('/rest/v1/')) return handleRest(rest, request);
    if (path.startsWith('/storage/v1/object')) return handleStorage(storage, request);
    return gatewayErrors.noRoute();
  }

  async function serve(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const entry: RequestLogEntry = { method: incoming.method ?? 'GET', path: incoming.url ?? '/', status: 0 };
    requests.push(entry);
    response.on('finish', () => (entry.status = response.statusCode));
    if (entry.method === 'OPTIONS') {
      response.writeHead(200, preflightHeaders(incoming)).end();
      return;
    }
    const request: StandinRequest = {
      method: entry.method,
      url: new URL(entry.path, url),
      headers: incoming.headers,
      body: await readBody(incoming),
    };
    const fault = faults.decide(entry.method, entry.path);
    if (fault) entry.fault = fault.kind;
    if (await faultBefore(fault, request, response)) return;

    let reply: Reply;
    try {
      reply = await route(request);
    } catch (error) {
      console.error('[supabase stand-in]', entry.method, entry.path, error);
      reply = injectedError(request, 500);
    }
    if (fault?.kind === 'drop-after-commit') return void response.destroy();
    if (fault?.kind === 'error500-after-commit') reply = injectedError(request, 500);
    send(response, reply);
  }

  /** Applies the faults that act before the request reaches the database; true when it is over. */
  async function faultBefore(fault: Fault | undefined, request: StandinRequest, response: ServerResponse): Promise<boolean> {
    switch (fault?.kind) {
      case 'drop':
        response.destroy();
        return true;
      case 'timeout':
        unanswered.add(response);
        response.on('close', () => unanswered.delete(response));
        return true;
      case 'error500':
      case 'error503':
        send(response, injectedError(request, fault.kind === 'error500' ? 500 : 503));
        return true;
      case 'delay':
        await sleep(fault.delayMs);
        return false;
      default:
        return false;
    }
  }

  server.on('request', (incoming: IncomingMessage, response: ServerResponse) => {
    serve(incoming, response).catch((error: unknown) => {
      console.error('[supabase stand-in]', error);
      response.destroy();
    });
  });

  return {
    url,
    anonKey,
    serviceRoleKey,
    publishableKey: keys.publishableKey,
    secretKey: keys.secretKey,
    jwtSecret: jwt.secret,
    faults,
    requests,
    realtimeDelivered: realtime.delivered,
    mailbox: (email) => auth.mailbox.codes(email),
    oauth: auth.oauth,
    flowStates: auth.flowStates,
    createUser: async (email, password) => (await users.create(email, await hashPassword(password), {})).id,
    expireAccessTokens: () => jwt.expireIssuedAccessTokens(),
    stop: async () => {
      await realtime.stop();
      for (const response of unanswered) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...new Set(Object.values(pools))].map((pool) => pool.end()));
      await blobs.destroy();
    },
  };
}

/**
 * One pool per service, logged in as the role that service uses on a Supabase project
 * (supabase/supabase docker/docker-compose.yml: PostgREST `authenticator`, Storage
 * `supabase_storage_admin`, GoTrue `supabase_auth_admin`; Realtime `supabase_admin`),
 * so grants and ownership decide exactly as they would there. Without `roleUrls`
 * every service uses `databaseUrl`.
 */
function servicePools(options: StandinOptions): { rest: pg.Pool; storage: pg.Pool; auth: pg.Pool; admin: pg.Pool } {
  const make = (connectionString: string, max: number) => {
    const pool = new pg.Pool({ connectionString, max });
    // An idle client's error (the database stopped before us) must not crash the test run.
    pool.on('error', () => undefined);
    return pool;
  };
  const urls = options.roleUrls;
  const admin = make(options.databaseUrl, urls ? 4 : 10);
  if (!urls) return { rest: admin, storage: admin, auth: admin, admin };
  return { rest: make(urls.authenticator, 10), storage: make(urls.storageAdmin, 6), auth: make(urls.authAdmin, 4), admin };
}

function readBody(incoming: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => resolve(Buffer.concat(chunks)));
    incoming.on('error', reject);
  });
}

function send(response: ServerResponse, reply: Reply): void {
  const headers = { ...CORS_HEADERS, ...reply.headers, 'content-length': String(reply.body.length) };
  // A reason phrase Node refuses (control characters, beyond Latin-1) falls back to the standard one.
  if (reply.statusText !== undefined && !/[^\t\x20-\x7e\x80-\xff]/.test(reply.statusText)) {
    response.writeHead(reply.status, reply.statusText, headers);
  } else {
    response.writeHead(reply.status, headers);
  }
  response.end(reply.body);
}
