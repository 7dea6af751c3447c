import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, authenticatorClients, createSupabaseDatabase, teamOfNewUsers, type SupabaseDatabase } from '../support/supabase-db';

// One throwaway PostgreSQL for the file, with the Supabase bootstrap and every
// migration (test/support/supabase-db.ts). Each supabase/tests/*.sql file runs
// as `supabase test db` would run it and must print only `ok` lines; then the
// concurrency proof that pulls never skip.
//
// Order matters: 000_setup.test.sql commits the tests.* helpers and cast that
// the other files call. `supabase test db` runs `pg_prove -r` over the folder,
// which sorts file names (App::Prove::State::_get_raw_tests); so does this
// file, and Vitest runs a file's tests one after another, in this order.

const TESTS_DIR = fileURLToPath(new URL('../../supabase/tests/', import.meta.url));
const sqlTestFiles = readdirSync(TESTS_DIR)
  .filter((name) => name.endsWith('.sql'))
  .sort();

let db: SupabaseDatabase;

beforeAll(async () => {
  db = await createSupabaseDatabase();
});

afterAll(async () => {
  await db?.stop();
});

describe('pgTAP suites in supabase/tests', () => {
  it('finds test files', () => {
    expect(sqlTestFiles.length).toBeGreaterThan(0);
  });

  it('runs the shared set-up file first', () => {
    expect(sqlTestFiles[0]).toBe('000_setup.test.sql');
  });

  // As `postgres`, which is not a superuser, as `supabase test db` runs them.
  it.each(sqlTestFiles)('%s', async (file) => {
    const client = new pg.Client({ connectionString: db.urls.postgres });
    await client.connect();
    try {
      const lines = await runTapFile(client, readFileSync(TESTS_DIR + file, 'utf8'));
      const report = parseTap(lines);
      expect(report.failures, `${file}:\n${report.failures.join('\n')}`).toEqual([]);
      expect(report.planned, `${file} declares no plan`).not.toBeNull();
      expect(report.ran, `${file} planned ${report.planned} tests but ran ${report.ran}`).toBe(report.planned);
    } finally {
      await client.end();
    }
  });
});

// DESIGN.md, "No skipped events": server_seq values can commit out of order
// under concurrent pushes, and a `> cursor` pull would then skip rows forever.
// push_events() serialises per team; this proves it from the outside (without
// the lock, this test loses a hundred or more of the 800 events).
describe('push_events under concurrent pushers', () => {
  it('a puller following its cursor sees every event exactly once, in server_seq order', async () => {
    const PUSHERS = 4;
    const EVENTS_PER_PUSHER = 200;
    const BATCH = 20;

    const { teamId, owner, others } = await teamOfNewUsers(db, 'concurrency', PUSHERS + 1);
    const clients = await authenticatorClients(db, PUSHERS + 1);
    const puller = clients[PUSHERS]!;

    try {
      const pushed = new Set<string>();
      let pushing = true;

      const pushers = others.slice(0, PUSHERS).map(async (userId, p) => {
        const client = clients[p]!;
        for (let start = 0; start < EVENTS_PER_PUSHER; start += BATCH) {
          const events = Array.from({ length: BATCH }, (_, i) => {
            const n = start + i;
            const id = randomUUID();
            pushed.add(id);
            return {
              id,
              team_id: teamId,
              incident_id: id,
              author_id: userId,
              kind: 'note',
              body: { text: `pusher ${p} event ${n}` },
              hlc: `${String(1_764_000_000_000 + n).padStart(15, '0')}-00000-p${p}`,
              created_at: new Date().toISOString(),
            };
          });
          const result = await asUser(client, userId, async () => {
            const { rows } = await client.query('select public.push_events($1::jsonb) as result', [
              JSON.stringify(events),
            ]);
            // Hold the transaction open a moment after inserting: without the
            // team lock this is exactly when another pusher's later server_seq
            // values would commit first and the puller would skip these.
            await client.query('select pg_sleep($1)', [Math.random() * 0.01]);
            return rows[0]!.result as { accepted: number; rejected: number };
          });
          expect(result).toMatchObject({ accepted: BATCH, rejected: 0 });
        }
      });

      const seen: { id: string; server_seq: number }[] = [];
      let cursor = 0;
      const pullOnce = () =>
        asUser(puller, owner, async () => {
          const { rows } = await puller.query('select public.pull_events($1, $2, $3) as page', [
            teamId,
            cursor,
            7 + Math.floor(Math.random() * 10),
          ]);
          const page = rows[0]!.page as { events: { id: string; server_seq: number }[]; cursor: number };
          seen.push(...page.events);
          cursor = page.cursor;
          return page.events.length;
        });

      const pulling = (async () => {
        while (pushing) await pullOnce();
      })();

      // Stop pulling once the pushers are done (or one of them failed).
      const pushedAll = Promise.all(pushers).finally(() => {
        pushing = false;
      });
      await Promise.all([pushedAll, pulling]);
      // Drain what arrived after the last loop's pull.
      while ((await pullOnce()) > 0);

      const ids = seen.map((event) => event.id);
      expect(ids.length).toBe(PUSHERS * EVENTS_PER_PUSHER);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(ids)).toEqual(pushed);
      const seqs = seen.map((event) => event.server_seq);
      expect(seqs.every((seq, i) => i === 0 || seq > seqs[i - 1]!)).toBe(true);
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  });
});

/** Sends a whole pgTAP file and returns every TAP line it printed. */
async function runTapFile(client: pg.Client, sql: string): Promise<string[]> {
  let results: pg.QueryResult | pg.QueryResult[];
  try {
    // Without parameters node-postgres uses the simple query protocol, which
    // accepts a whole script, like psql -f.
    results = (await client.query(sql)) as unknown as pg.QueryResult | pg.QueryResult[];
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
  const lines: string[] = [];
  for (const result of Array.isArray(results) ? results : [results]) {
    for (const row of result.rows as Record<string, unknown>[]) {
      for (const value of Object.values(row)) {
        if (typeof value === 'string') lines.push(...value.split('\n'));
      }
    }
  }
  return lines.filter((line) => /^(ok|not ok) \d+|^1\.\.\d+|^#/.test(line));
}

interface TapReport {
  planned: number | null;
  ran: number;
  /** Each failing test with the diagnostics pgTAP printed under it. */
  failures: string[];
}

function parseTap(lines: string[]): TapReport {
  let planned: number | null = null;
  let ran = 0;
  const failures: string[] = [];
  let inFailure = false;
  for (const line of lines) {
    const plan = /^1\.\.(\d+)/.exec(line);
    if (plan) {
      planned = Number(plan[1]);
    } else if (line.startsWith('ok ')) {
      ran++;
      inFailure = false;
    } else if (line.startsWith('not ok ')) {
      ran++;
      inFailure = true;
      failures.push(line);
    } else if (line.startsWith('#') && inFailure) {
      failures.push(`    ${line}`);
    }
  }
  return { planned, ran, failures };
}
