import { createHash } from 'node:crypto';
import type { Claims } from './jwt.ts';
import { accessTokenPayloadSchema, joinPayloadSchema, reply, type PostgresChangeParams } from './realtime-protocol.ts';
import { CAPTURED_TABLES, capturedTable, type Binding, type ChangeData, type EqFilter } from './realtime-capture.ts';
import type { Connection } from './realtime-connection.ts';

/** Realtime re-checks a joined channel's token at most this often (realtime_channel.ex `@confirm_token_ms_interval`). */
const CONFIRM_TOKEN_MS = 5 * 60 * 1000;

/** One joined `realtime:<name>` topic with its postgres_changes bindings. */
export class Channel {
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
