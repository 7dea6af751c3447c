import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, authenticatorClients, createSupabaseDatabase, teamOfNewUsers, type SupabaseDatabase } from '../support/supabase-db';

// Issue 8: push_events must answer within the `authenticated` role's 8 s
// statement_timeout while many people push into one team at once. Every
// push_events call takes the team's lock, so 20 pushers queue behind each
// other: this measures that queue, with each call run the way PostgREST runs
// a request (logged in as authenticator, `set local role authenticated`, the
// role's statement_timeout applied per transaction, the JWT claims), and
// checks that a puller following its cursor meanwhile sees every event once.

const PUSHERS = 20;
const EVENTS_PER_CALL = 200;
const TIMEOUT_MS = 8_000;

let db: SupabaseDatabase;

beforeAll(async () => {
  db = await createSupabaseDatabase();
});

afterAll(async () => {
  await db?.stop();
});

interface Verdicts {
  accepted: number;
  rejected: number;
  results: { id: string; status: string; reason?: string }[];
}

describe('push_events under contention', () => {
  it(`${PUSHERS} pushers of ${EVENTS_PER_CALL} events each answer within the ${TIMEOUT_MS} ms timeout, and a puller sees every event once`, async () => {
    const { teamId, owner, others: pushers } = await teamOfNewUsers(db, 'contention', PUSHERS + 1);
    // One connection per caller, logged in as PostgREST logs in.
    const clients = await authenticatorClients(db, PUSHERS + 1);
    const puller = clients[PUSHERS]!;

    try {
      // Each pusher declares an incident and adds 199 notes to it: one call.
      const now = Date.now();
      const batches = pushers.map((userId, p) => {
        const incidentId = randomUUID();
        return Array.from({ length: EVENTS_PER_CALL }, (_, n) => ({
          id: n === 0 ? incidentId : randomUUID(),
          team_id: teamId,
          incident_id: incidentId,
          author_id: userId,
          kind: n === 0 ? 'declared' : 'note',
          body:
            n === 0
              ? { title: `Pusher ${p}`, severity: 'minor', leadId: userId, leadName: `Member ${p + 2}` }
              : { text: `pusher ${p} note ${n}: p99 latency 1.2 s on /checkout`, format: 'plain' },
          hlc: `${String(now + n).padStart(15, '0')}-00000-p${p}`,
          created_at: new Date(now + n).toISOString(),
        }));
      });
      const pushed = new Set(batches.flat().map((event) => event.id));

      const seen: { id: string; server_seq: number }[] = [];
      let cursor = 0;
      const pullOnce = () =>
        asUser(puller, owner, async () => {
          const { rows } = await puller.query('select public.pull_events($1, $2, $3) as page', [teamId, cursor, 500]);
          const page = rows[0]!.page as { events: { id: string; server_seq: number }[]; cursor: number };
          seen.push(...page.events);
          cursor = page.cursor;
          return page.events.length;
        });

      let pushing = true;
      const pulling = (async () => {
        while (pushing) await pullOnce();
      })();

      const latencies: number[] = [];
      const verdicts = await Promise.all(
        pushers.map(async (userId, p) => {
          const client = clients[p]!;
          return asUser(client, userId, async () => {
            const started = performance.now();
            const { rows } = await client.query('select public.push_events($1::jsonb) as result', [JSON.stringify(batches[p])]);
            latencies.push(performance.now() - started);
            return rows[0]!.result as Verdicts;
          });
        }),
      ).finally(() => {
        pushing = false;
      });
      await pulling;
      while ((await pullOnce()) > 0);

      latencies.sort((a, b) => a - b);
      const median = (latencies[PUSHERS / 2 - 1]! + latencies[PUSHERS / 2]!) / 2;
      const max = latencies[latencies.length - 1]!;
      console.log(
        `push_events contention: median ${Math.round(median)} ms, max ${Math.round(max)} ms (timeout ${TIMEOUT_MS} ms)`,
      );

      // None timed out (a timeout would have rejected the call with 57014) and
      // every event was accepted.
      expect(verdicts.map((v) => [v.accepted, v.rejected])).toEqual(pushers.map(() => [EVENTS_PER_CALL, 0]));
      expect(latencies).toHaveLength(PUSHERS);
      expect(max).toBeLessThan(TIMEOUT_MS);

      const ids = seen.map((event) => event.id);
      expect(ids).toHaveLength(PUSHERS * EVENTS_PER_CALL);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(ids)).toEqual(pushed);
      const seqs = seen.map((event) => event.server_seq);
      expect(seqs.every((seq, i) => i === 0 || seq > seqs[i - 1]!)).toBe(true);

      // The calls really ran under the role's timeout, as PostgREST runs them.
      const timeout = await asUser(puller, owner, async () => (await puller.query('show statement_timeout')).rows[0]!);
      expect(timeout).toEqual({ statement_timeout: '8s' });
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  });
});
