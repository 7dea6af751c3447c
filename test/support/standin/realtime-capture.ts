import type pg from 'pg';
import type { Claims } from './jwt.ts';

/**
 * Change capture for the stand-in's Realtime.
 *
 * Real Realtime reads the WAL through a logical replication slot (wal2json) and runs
 * `realtime.apply_rls` on every change (supabase/realtime
 * priv/repo/tenant_schema/realtime/functions/apply_rls.sql). The test cluster has no
 * logical decoding plugin and `wal_level = replica`, so the stand-in polls instead: the
 * captured table's rows with a `server_seq` it has not delivered yet, every POLL_MS. A
 * sequence value can commit after a higher one was seen, so it looks back over the rows
 * of the last GAP_MS rather than only past the highest seq. Only INSERTs are captured
 * (the log is append-only; that is all the extension subscribes to). What the stand-in
 * reproduces faithfully is the rest: who may see a change and the message it becomes.
 */
export const CAPTURED_TABLES: Record<string, { orderBy: string }> = {
  'public.incident_events': { orderBy: 'server_seq' },
};

const POLL_MS = 100;
const GAP_MS = 10_000;

/** `col=eq.value`: the only filter the stand-in evaluates (realtime.is_visible_through_filters). */
export interface EqFilter {
  column: string;
  value: string;
}

/** One `postgres_changes` binding of a joined channel, with the claims of its token. */
export interface Binding {
  id: number;
  schema: string;
  table: string;
  event: string;
  filter: EqFilter | undefined;
  claims: Claims;
}

/** The `data` of a `postgres_changes` message: apply_rls's output plus `errors` (replication_poller.ex). */
export interface ChangeData {
  schema: string;
  table: string;
  type: 'INSERT';
  commit_timestamp?: string;
  columns?: { name: string; type: string }[];
  record?: Record<string, unknown>;
  errors: string[] | null;
}

export interface ChangeListener {
  bindings(): Binding[];
  send(ids: number[], data: ChangeData): void;
}

interface Column {
  name: string;
  type: string;
  selectable: boolean;
  is_pkey: boolean;
}

export class ChangeCapture {
  private readonly pool: pg.Pool;
  private readonly listeners = new Set<ChangeListener>();
  private readonly delivered = new Set<string>();
  /** `[time, highest seq seen]`, oldest first: the floor is the highest seq seen GAP_MS ago. */
  private readonly seen: [number, string][] = [];
  private floor = '0';
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  async start(): Promise<void> {
    this.floor = await this.highestSeq();
    this.schedule();
  }

  add(listener: ChangeListener): void {
    this.listeners.add(listener);
  }

  remove(listener: ChangeListener): void {
    this.listeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.poll()
        .catch((error: unknown) => {
          if (!this.stopped) console.error('[supabase stand-in] realtime capture', error);
        })
        .finally(() => this.schedule());
    }, POLL_MS);
  }

  private async highestSeq(): Promise<string> {
    const { rows } = await this.pool.query<{ seq: string }>('select coalesce(max(server_seq), 0)::text as seq from public.incident_events');
    return rows[0]!.seq;
  }

  private async poll(): Promise<void> {
    const listening = [...this.listeners].some((l) => l.bindings().some((b) => capturedTable(b) !== undefined));
    if (!listening) {
      // Nobody listens: what is inserted now is nobody's news. Start afresh from here.
      this.floor = await this.highestSeq();
      this.seen.length = 0;
      this.delivered.clear();
      return;
    }
    const { rows } = await this.pool.query<{ seq: string; record: Record<string, unknown> }>(
      `select e.server_seq::text as seq, to_jsonb(e) as record from public.incident_events e
        where e.server_seq > $1 and not (e.server_seq::text = any($2::text[])) order by e.server_seq`,
      [this.floor, [...this.delivered]],
    );
    const now = Date.now();
    const highest = rows.at(-1)?.seq ?? this.seen.at(-1)?.[1] ?? this.floor;
    this.seen.push([now, highest]);
    while (this.seen.length > 1 && this.seen[1]![0] <= now - GAP_MS) this.seen.shift();
    if (this.seen[0]![0] <= now - GAP_MS && BigInt(this.seen[0]![1]) > BigInt(this.floor)) {
      this.floor = this.seen[0]![1];
      for (const seq of this.delivered) if (BigInt(seq) <= BigInt(this.floor)) this.delivered.delete(seq);
    }
    if (rows.length === 0) return;
    for (const row of rows) this.delivered.add(row.seq);
    await this.deliver(rows.map((r) => r.record), new Date(now).toISOString());
  }

  /** apply_rls for a batch of INSERTs on public.incident_events, then one message per channel and row. */
  private async deliver(records: Record<string, unknown>[], commitTimestamp: string): Promise<void> {
    const schema = 'public';
    const table = 'incident_events';
    const listeners = [...this.listeners].map((listener) => ({
      listener,
      bindings: listener.bindings().filter((b) => capturedTable(b) === `${schema}.${table}` && (b.event === '*' || b.event.toUpperCase() === 'INSERT')),
    }));
    const roles = new Set(listeners.flatMap((l) => l.bindings.map(roleOf)));
    const columnsByRole = new Map<string, Column[]>();
    for (const role of roles) columnsByRole.set(role, await this.columns(role, `${schema}.${table}`));

    // RLS: each distinct (role, claims) checks, as itself, which of the new rows it can select by primary key.
    const visibleByClaims = new Map<string, Set<string>>();
    for (const { bindings } of listeners) {
      for (const binding of bindings) {
        const key = JSON.stringify(binding.claims);
        const columns = columnsByRole.get(roleOf(binding))!;
        if (visibleByClaims.has(key) || !pkSelectable(columns)) continue;
        visibleByClaims.set(key, await this.visibleIds(roleOf(binding), binding.claims, records.map((r) => String(r.id))));
      }
    }

    for (const record of records) {
      for (const { listener, bindings } of listeners) {
        const byData = new Map<string, { ids: number[]; data: ChangeData }>();
        for (const binding of bindings) {
          const columns = columnsByRole.get(roleOf(binding))!;
          let data: ChangeData;
          if (!pkSelectable(columns)) {
            // apply_rls: the role may not select the primary key, so every subscription of it gets a 401.
            data = { schema, table, type: 'INSERT', errors: ['Error 401: Unauthorized'] };
          } else {
            if (binding.filter && String(record[binding.filter.column] ?? '') !== binding.filter.value) continue;
            if (!visibleByClaims.get(JSON.stringify(binding.claims))!.has(String(record.id))) continue;
            const selectable = columns.filter((c) => c.selectable);
            data = {
              schema,
              table,
              type: 'INSERT',
              commit_timestamp: commitTimestamp,
              columns: selectable.map((c) => ({ name: c.name, type: c.type })),
              record: Object.fromEntries(selectable.map((c) => [c.name, record[c.name] ?? null])),
              errors: null,
            };
          }
          const key = JSON.stringify(data);
          const entry = byData.get(key) ?? { ids: [], data };
          entry.ids.push(binding.id);
          byData.set(key, entry);
        }
        for (const { ids, data } of byData.values()) listener.send(ids, data);
      }
    }
  }

  /** The table's columns as apply_rls lists them: `pg_type.typname`, and whether `role` may select each. */
  private async columns(role: string, entity: string): Promise<Column[]> {
    const { rows } = await this.pool.query<Column>(
      `select a.attname as name, t.typname as type,
              has_column_privilege($1, $2::regclass, a.attname, 'SELECT') as selectable,
              coalesce(a.attnum = any(pk.conkey), false) as is_pkey
         from pg_attribute a
         join pg_type t on t.oid = a.atttypid
         left join pg_constraint pk on pk.conrelid = a.attrelid and pk.contype = 'p'
        where a.attrelid = $2::regclass and a.attnum > 0 and not a.attisdropped
        order by a.attnum`,
      [role, entity],
    );
    return rows;
  }

  /** `set_config('role', …)`, `set_config('request.jwt.claims', …)`, then the primary-key lookup under RLS. */
  private async visibleIds(role: string, claims: Claims, ids: string[]): Promise<Set<string>> {
    const client = await this.pool.connect();
    try {
      await client.query('begin read only');
      await client.query("select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)", [role, JSON.stringify(claims)]);
      const { rows } = await client.query<{ id: string }>('select id::text from public.incident_events where id = any($1::uuid[])', [ids]);
      return new Set(rows.map((r) => r.id));
    } catch {
      return new Set(); // e.g. a role that does not exist: sees nothing
    } finally {
      await client.query('rollback').catch(() => undefined);
      client.release();
    }
  }
}

function roleOf(binding: Binding): string {
  return typeof binding.claims.role === 'string' ? binding.claims.role : 'anon';
}

function pkSelectable(columns: Column[]): boolean {
  return columns.filter((c) => c.is_pkey).every((c) => c.selectable);
}

/** The captured table a binding listens to (schema `*`/table `*`/no table mean "all"), if any. */
export function capturedTable(binding: { schema: string; table: string }): string | undefined {
  return Object.keys(CAPTURED_TABLES).find((entity) => {
    const [schema, table] = entity.split('.');
    return (binding.schema === '*' || binding.schema === schema) && (binding.table === '*' || binding.table === table);
  });
}
