import { createHash } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import pg from 'pg';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { gatewayErrors } from './errors.ts';
import { forwardedRealtimeKey, type ProjectKeys } from './gateway.ts';
import type { Claims, JwtService, Verified } from './jwt.ts';
import {
  SUPPORTED_VSN,
  accessTokenPayloadSchema,
  decodeMessage,
  encodeMessage,
  joinPayloadSchema,
  reply,
  type PhoenixMessage,
  type PostgresChangeParams,
  type Vsn,
} from './realtime-protocol.ts';
import { CAPTURED_TABLES, ChangeCapture, capturedTable, type Binding, type ChangeData, type EqFilter } from './realtime-capture.ts';
import type { Reply } from './reply.ts';

export const REALTIME_PATH = '/realtime/v1/websocket';

/** Realtime re-checks a joined channel's token at most this often (realtime_channel.ex `@confirm_token_ms_interval`). */
const CONFIRM_TOKEN_MS = 5 * 60 * 1000;

/**
 * The stand-in's Realtime: the websocket `@supabase/realtime-js` opens at
 * `/realtime/v1/websocket?apikey=…&vsn=2.0.0`, on the same HTTP server as the other
 * services, speaking Phoenix channels as supabase/realtime does
 * (lib/realtime_web/channels/user_socket.ex, realtime_channel.ex). Served: heartbeats on
 * topic `phoenix`, `phx_join` with a `postgres_changes` config (and `access_token`),
 * `access_token` updates, `phx_leave`, and `postgres_changes` INSERT messages for
 * `public.incident_events` (realtime-capture.ts), each only to subscribers whose own
 * role and claims may select the row, as `realtime.apply_rls` checks. Not served:
 * broadcast, presence, private channels.
 */
export class RealtimeServer {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly capture: ChangeCapture;
  private readonly pool: pg.Pool;
  private readonly connections = new Set<Connection>();
  private readonly jwt: JwtService;
  private readonly keys: ProjectKeys;
  /** Every postgres_changes message sent, for tests that must know Realtime (not polling) delivered. */
  readonly delivered: { topic: string; table: string; at: number }[] = [];

  private constructor(pool: pg.Pool, jwt: JwtService, keys: ProjectKeys) {
    this.pool = pool;
    this.jwt = jwt;
    this.keys = keys;
    this.capture = new ChangeCapture(pool);
  }

  /** Realtime logs in as `supabase_admin` (supabase/supabase docker/docker-compose.yml, realtime `DB_USER`). */
  static async start(databaseUrl: string, jwt: JwtService, keys: ProjectKeys): Promise<RealtimeServer> {
    // to_jsonb(timestamptz) follows the session time zone; Supabase databases run in UTC.
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, options: '-c TimeZone=UTC' });
    pool.on('error', () => undefined);
    const realtime = new RealtimeServer(pool, jwt, keys);
    await realtime.capture.start();
    return realtime;
  }

  /** Takes over upgrades to REALTIME_PATH on `server`; answers `status` to log them. */
  attach(server: Server, log: (method: string, path: string, status: number) => void): void {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      const url = new URL(request.url ?? '/', 'http://realtime.invalid');
      void this.upgrade(request, socket, head, url).then((status) => log(request.method ?? 'GET', request.url ?? '/', status));
    });
  }

  async stop(): Promise<void> {
    for (const connection of this.connections) connection.close();
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await this.capture.stop();
    await this.pool.end();
  }

  private async upgrade(request: IncomingMessage, socket: Duplex, head: Buffer, url: URL): Promise<number> {
    if (url.pathname !== REALTIME_PATH) return refuse(socket, gatewayErrors.noRoute());
    // The gateway: key-auth on the `apikey` query parameter, then an opaque key becomes its JWT
    // (supabase/supabase docker/volumes/api/kong.yml `realtime-v1-ws`, `LUA_RT_WS_EXPR`).
    const apiKey = url.searchParams.get('apikey');
    if (!apiKey) return refuse(socket, gatewayErrors.noApiKey());
    if (!Object.values(this.keys).includes(apiKey)) return refuse(socket, gatewayErrors.invalidApiKey());
    const token = forwardedRealtimeKey(apiKey, this.keys)!;

    // Phoenix: a vsn it has no serializer for is refused (Phoenix.Socket.Transport); the default is 1.0.0.
    const vsn = (url.searchParams.get('vsn') ?? '1.0.0') as Vsn;
    if (!SUPPORTED_VSN.includes(vsn)) return refuse(socket, { status: 403, headers: {}, body: Buffer.alloc(0) });

    // UserSocket.connect: the apikey JWT must verify and carry `role` and `exp` (handle_error's answers).
    const verified = await this.jwt.verify(token);
    const refused = connectError(verified);
    if (refused) return refuse(socket, refused);

    await new Promise<void>((resolve) => {
      this.wss.handleUpgrade(request, socket, head, (ws) => {
        const connection = new Connection(ws, vsn, token, this);
        this.connections.add(connection);
        ws.on('close', () => {
          connection.close();
          this.connections.delete(connection);
        });
        resolve();
      });
    });
    return 101;
  }

  /** @internal for Connection */
  get context() {
    return { jwt: this.jwt, capture: this.capture, pool: this.pool };
  }
}

/** One websocket: its channels by topic. */
class Connection {
  private readonly channels = new Map<string, Channel>();
  private readonly ws: WebSocket;
  readonly vsn: Vsn;
  /** The apikey's JWT: a channel's token when its join carries none (realtime_channel.ex `assign_access_token`). */
  readonly tenantToken: string;
  readonly server: RealtimeServer;

  constructor(ws: WebSocket, vsn: Vsn, tenantToken: string, server: RealtimeServer) {
    this.ws = ws;
    this.vsn = vsn;
    this.tenantToken = tenantToken;
    this.server = server;
    ws.on('message', (data: RawData, isBinary: boolean) => {
      // Binary frames are user broadcasts (vsn 2.0.0), which the stand-in does not serve.
      if (isBinary) return;
      const message = decodeMessage(vsn, rawText(data));
      if (message) void this.receive(message);
    });
  }

  push(message: PhoenixMessage): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(encodeMessage(this.vsn, message));
  }

  close(): void {
    for (const channel of this.channels.values()) channel.dispose();
    this.channels.clear();
  }

  /** Phoenix.Socket: heartbeats, joins, then everything else routed to the joined topic. */
  private async receive(message: PhoenixMessage): Promise<void> {
    const { topic, event, ref } = message;
    if (topic === 'phoenix' && event === 'heartbeat') {
      this.push(reply(null, ref, 'phoenix', 'ok', {}));
      return;
    }
    if (event === 'phx_join') {
      // A second join of a joined topic replaces the first (Phoenix shuts the old channel down).
      const previous = this.channels.get(topic);
      if (previous) this.closeChannel(previous);
      if (!topic.startsWith('realtime:')) {
        this.push(reply(message.joinRef, ref, topic, 'error', { reason: 'unmatched topic' }));
        return;
      }
      const channel = new Channel(this, topic, message.joinRef ?? ref);
      this.channels.set(topic, channel);
      const joined = await channel.join(message.payload, ref);
      if (!joined) this.channels.delete(topic);
      return;
    }
    const channel = this.channels.get(topic);
    if (!channel || (message.joinRef !== null && message.joinRef !== channel.joinRef)) {
      this.push(reply(message.joinRef, ref, topic, 'error', { reason: 'unmatched topic' }));
      return;
    }
    if (event === 'phx_leave') {
      // Phoenix.Channel.Server: reply ok, stop with {:shutdown, :left}, then phx_close.
      this.push(reply(channel.joinRef, ref, topic, 'ok', {}));
      this.closeChannel(channel);
      return;
    }
    if (event === 'access_token') await channel.updateToken(message.payload);
    // Anything else (broadcast, presence, unknown) is ignored here, as Realtime logs and drops it.
  }

  /** The channel stops: `phx_close` with its join_ref as both refs (Phoenix.Socket `encode_close`). */
  closeChannel(channel: Channel): void {
    channel.dispose();
    if (this.channels.get(channel.topic) === channel) this.channels.delete(channel.topic);
    this.push({ joinRef: channel.joinRef, ref: channel.joinRef, topic: channel.topic, event: 'phx_close', payload: {} });
  }
}

/** One joined `realtime:<name>` topic with its postgres_changes bindings. */
class Channel {
  private bindingList: Binding[] = [];
  private params: (PostgresChangeParams & { id: number })[] = [];
  private token = '';
  private confirmTimer: NodeJS.Timeout | undefined;
  private disposed = false;
  private readonly listener = {
    bindings: () => this.bindingList,
    send: (ids: number[], data: ChangeData) => {
      // The fastlane broadcast: no refs (Extensions.PostgresCdcRls.MessageDispatcher, new API shape).
      this.connection.push({ joinRef: null, ref: null, topic: this.topic, event: 'postgres_changes', payload: { ids, data } });
      this.connection.server.delivered.push({ topic: this.topic, table: data.table, at: Date.now() });
    },
  };

  private readonly connection: Connection;
  readonly topic: string;
  readonly joinRef: string | null;

  constructor(connection: Connection, topic: string, joinRef: string | null) {
    this.connection = connection;
    this.topic = topic;
    this.joinRef = joinRef;
  }

  private get subTopic(): string {
    return this.topic.slice('realtime:'.length);
  }

  /** RealtimeChannel.join: token check, subscription, the reply, then "Subscribed to PostgreSQL". */
  async join(rawPayload: unknown, ref: string | null): Promise<boolean> {
    const fail = (reason: string) => {
      this.connection.push(reply(this.joinRef, ref, this.topic, 'error', { reason }));
      return false;
    };
    if (this.subTopic === '') return fail('TopicNameRequired: You must provide a topic name');
    const parsed = joinPayloadSchema.safeParse(rawPayload ?? {});
    const payload = parsed.success ? parsed.data : {};
    if (payload.config?.private) return fail('PrivateOnly: the Supabase stand-in serves public channels only');

    // assign_access_token: an `sb_` key or no token means the connection's apikey JWT.
    const given = payload.access_token ?? payload.user_token ?? undefined;
    this.token = !given || given.startsWith('sb_') ? this.connection.tenantToken : given;
    const confirmed = await this.confirmToken();
    if (!confirmed.ok) return fail(confirmed.reason);

    this.params = (payload.config?.postgres_changes ?? [])
      .filter((p): p is PostgresChangeParams => p !== null)
      .map((p) => ({ ...p, id: phash(p) }));
    const bindings = this.params.map((p) => toBinding(p, confirmed.claims));
    this.connection.push(reply(this.joinRef, ref, this.topic, 'ok', { postgres_changes: this.params }));
    if (this.params.length > 0) await this.subscribePostgres(bindings);
    return true;
  }

  /** handle_in("access_token"): a new token re-checks and re-subscribes; an expired one shuts the channel. */
  async updateToken(rawPayload: unknown): Promise<void> {
    const parsed = accessTokenPayloadSchema.safeParse(rawPayload);
    const token = parsed.success ? parsed.data.access_token : undefined;
    if (!token || token.startsWith('sb_') || token === this.token) return;
    this.token = token;
    const confirmed = await this.confirmToken();
    if (!confirmed.ok) return this.shutdown(confirmed.shutdownMessage);
    if (this.params.length > 0) await this.subscribePostgres(this.params.map((p) => toBinding(p, confirmed.claims)));
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.confirmTimer);
    this.connection.server.context.capture.remove(this.listener);
    this.bindingList = [];
  }

  /**
   * PostgresCdcRls subscribe: every table must be in the `supabase_realtime` publication
   * (Extensions.PostgresCdcRls.Subscriptions `create` inserts nothing otherwise), then
   * the system message (realtime_channel.ex, `handle_info(:postgres_subscribe, …)`).
   */
  private async subscribePostgres(bindings: (Binding | string)[]): Promise<void> {
    const problem = bindings.find((b): b is string => typeof b === 'string');
    if (problem) return this.system('postgres_changes', 'error', problem);
    const valid = bindings as Binding[];
    for (const binding of valid) {
      const { rows } = await this.connection.server.context.pool.query(
        `select 1 from pg_publication_tables where pubname = 'supabase_realtime'
            and schemaname like (case $1 when '*' then '%' else $1 end) escape ''
            and tablename like (case $2 when '*' then '%' else $2 end) escape ''`,
        [binding.schema, binding.table],
      );
      if (rows.length === 0) {
        const filters = binding.filter ? `[{"${binding.filter.column}", "eq", "${binding.filter.value}", false}]` : '[]';
        return this.system(
          'postgres_changes',
          'error',
          `Unable to subscribe to changes with given parameters. Please check Realtime is enabled for the given connect parameters: [event: ${binding.event}, schema: ${binding.schema}, table: ${binding.table}, filters: ${filters}, select: nil]`,
        );
      }
      if (!capturedTable(binding)) {
        return this.system('postgres_changes', 'error', `The Supabase stand-in captures changes on ${Object.keys(CAPTURED_TABLES).join(', ')} only`);
      }
    }
    if (this.disposed) return;
    this.bindingList = valid;
    this.connection.server.context.capture.add(this.listener);
    this.system('postgres_changes', 'ok', 'Subscribed to PostgreSQL');
  }

  private system(extension: string, status: 'ok' | 'error', message: string): void {
    this.connection.push({
      joinRef: this.joinRef,
      ref: null,
      topic: this.topic,
      event: 'system',
      payload: { extension, status, message, channel: this.subTopic },
    });
  }

  /** shutdown_response: a system error message, then the channel stops (phx_close). */
  private shutdown(message: string): void {
    if (this.disposed) return;
    this.system('system', 'error', message);
    this.connection.closeChannel(this);
  }

  /**
   * confirm_token: the token must verify, carry `role` and `exp`, and not be expired; it is
   * checked again at min(5 minutes, its expiry), and an expired one shuts the channel.
   * Join errors are `<code>: <message>` (RealtimeChannel.Logging.build_msg); shutdowns say the message alone.
   */
  private async confirmToken(): Promise<{ ok: true; claims: Claims } | { ok: false; reason: string; shutdownMessage: string }> {
    const verified = await this.connection.server.context.jwt.verify(this.token);
    const now = Math.floor(Date.now() / 1000);
    if (!verified.ok) {
      if (verified.problem === 'expired') {
        const exp = expOf(this.token);
        const message = `Token has expired ${exp === undefined ? 0 : Math.max(0, now - exp)} seconds ago`;
        return { ok: false, reason: `InvalidJWTToken: ${message}`, shutdownMessage: message };
      }
      if (verified.problem === 'signature') {
        return { ok: false, reason: 'JwtSignatureError: Failed to validate JWT signature', shutdownMessage: 'Failed to validate JWT signature' };
      }
      const message = 'The token provided is not a valid JWT';
      return { ok: false, reason: `MalformedJWT: ${message}`, shutdownMessage: message };
    }
    const { claims } = verified;
    if (typeof claims.role !== 'string' || typeof claims.exp !== 'number') {
      const message = 'Fields `role` and `exp` are required in JWT';
      return { ok: false, reason: `InvalidJWTToken: ${message}`, shutdownMessage: message };
    }
    clearTimeout(this.confirmTimer);
    const token = this.token;
    this.confirmTimer = setTimeout(
      () => {
        if (this.disposed || token !== this.token) return;
        void this.confirmToken().then((again) => {
          if (!again.ok) this.shutdown(again.shutdownMessage);
        });
      },
      Math.min(CONFIRM_TOKEN_MS, Math.max(0, claims.exp * 1000 - Date.now())),
    );
    return { ok: true, claims };
  }
}

/**
 * Realtime answers each postgres_changes entry with `id: :erlang.phash2(params)`
 * (realtime_channel.ex `add_id_to_postgres_changes`): a number the client only echoes
 * back to match messages to bindings. The stand-in hashes the same params its own way.
 */
function phash(params: PostgresChangeParams): number {
  const canonical = JSON.stringify(Object.keys(params).sort().map((k) => [k, params[k]]));
  return createHash('sha256').update(canonical).digest().readUInt32BE(0) % 2 ** 27;
}

/** A binding, or why its filter cannot be served (`col=eq.value` only). */
function toBinding(params: PostgresChangeParams & { id: number }, claims: Claims): Binding | string {
  let filter: EqFilter | undefined;
  if (params.filter) {
    const match = /^([^=]+)=eq\.(.*)$/s.exec(params.filter);
    if (!match) return `Error parsing \`filter\` params: the Supabase stand-in evaluates only col=eq.value, got ${params.filter}`;
    filter = { column: match[1]!, value: match[2]! };
  }
  return { id: params.id, schema: params.schema, table: params.table ?? '*', event: params.event, filter, claims };
}

function expOf(token: string): number | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof payload.exp === 'number' ? payload.exp : undefined;
  } catch {
    return undefined;
  }
}

/** UserSocket.handle_error: the HTTP answer to a refused websocket connect. */
function connectError(verified: Verified): Reply | undefined {
  const answer = (message: string): Reply => ({
    status: 401,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify({ error: message })),
  });
  if (!verified.ok) {
    if (verified.problem === 'expired') return answer('Token has expired');
    if (verified.problem === 'signature') return answer('Failed to validate JWT signature');
    return answer('The token provided is not a valid JWT');
  }
  if (typeof verified.claims.role !== 'string' || typeof verified.claims.exp !== 'number') {
    return answer('Fields `role` and `exp` are required in JWT');
  }
  return undefined;
}

/** Answers an upgrade request with a plain HTTP response and closes the socket. */
function refuse(socket: Duplex, answer: Reply): number {
  const reason = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[answer.status] ?? 'Error';
  const head = [
    `HTTP/1.1 ${answer.status} ${reason}`,
    ...Object.entries({ ...answer.headers, 'content-length': String(answer.body.length), connection: 'close' }).map(([k, v]) => `${k}: ${v}`),
  ];
  socket.end(Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`), answer.body]));
  return answer.status;
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
