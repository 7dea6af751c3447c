import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import pg from 'pg';
import { WebSocketServer } from 'ws';
import { gatewayErrors } from './errors.ts';
import { forwardedRealtimeKey, type ProjectKeys } from './gateway.ts';
import type { JwtService, Verified } from './jwt.ts';
import { SUPPORTED_VSN, type Vsn } from './realtime-protocol.ts';
import { ChangeCapture } from './realtime-capture.ts';
import type { Reply } from './reply.ts';
import { Connection } from './realtime-connection.ts';

export const REALTIME_PATH = '/realtime/v1/websocket';

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
