import { describe, expect, it } from 'vitest';
import { makeContext, ME } from '../../test/support/domain';
import { addNote, changeTitle, declareIncident } from './operations';
import { keepFound, matchesQuery, parseSearchQuery, searchIds } from './search';
import { listView, viewIds } from './views';

async function fixture() {
  const ctx = makeContext();
  const pool = await declareIncident(ctx, { title: 'Postgres connection pool exhausted' });
  ctx.advance(60_000);
  const redis = await declareIncident(ctx, { title: 'Redis eviction storm' });
  await addNote(ctx, redis.id, { text: 'Cache hit ratio down in eu-west-1; postgres load up 3x' });
  ctx.advance(60_000);
  const dns = await declareIncident(ctx, { title: 'DNS resolution failing for checkout.internal' });
  return { ctx, pool, redis, dns };
}

/** Ids found by the index, in the Active view's order. */
async function found(ctx: ReturnType<typeof makeContext>, query: string): Promise<string[]> {
  return keepFound(await viewIds(ctx.db, 'active', ME.userId, ctx.now()), await searchIds(ctx.db, query));
}

describe('indexed search', () => {
  it('finds a word by its beginning, in titles and notes, case-insensitively', async () => {
    const { ctx, pool, redis } = await fixture();
    // Newest activity first: redis's note came after pool was declared.
    expect(await found(ctx, 'POST')).toEqual([redis.id, pool.id]);
    expect(await found(ctx, 'evict')).toEqual([redis.id]);
    // A prefix of a word, not any substring: "gres" begins no word.
    expect(await found(ctx, 'gres')).toEqual([]);
  });

  it('needs every word of the query (AND), in any order', async () => {
    const { ctx, redis, dns } = await fixture();
    expect(await found(ctx, 'postgres cache')).toEqual([redis.id]);
    expect(await found(ctx, 'cache   postgres')).toEqual([redis.id]);
    // "eu-west-1" is three words, each a prefix.
    expect(await found(ctx, 'eu-west-1')).toEqual([redis.id]);
    expect(await found(ctx, 'checkout.internal dns')).toEqual([dns.id]);
    expect(await found(ctx, 'postgres nothing')).toEqual([]);
  });

  it('finds nothing for a word no incident has', async () => {
    const { ctx } = await fixture();
    expect(await found(ctx, 'kafka')).toEqual([]);
    expect(await searchIds(ctx.db, 'kafka')).toEqual(new Set());
  });

  it('treats an empty query as no search, and one of only punctuation as matching nothing', async () => {
    const { ctx } = await fixture();
    expect(await searchIds(ctx.db, '')).toBeNull();
    expect(await searchIds(ctx.db, '   ')).toBeNull();
    expect(await found(ctx, '  ')).toHaveLength(3);
    expect(parseSearchQuery('-- # !')).toEqual({ kind: 'words', words: [] });
    expect(await searchIds(ctx.db, '-- # !')).toEqual(new Set());
  });

  it('follows edits: a renamed incident is found by its new words, not its old ones', async () => {
    const { ctx, dns } = await fixture();
    await changeTitle(ctx, dns.id, 'Certificate expired on checkout');
    expect(await found(ctx, 'certif')).toEqual([dns.id]);
    expect(await found(ctx, 'resolution')).toEqual([]);
  });

  it('cuts a long query word as the index cuts stored words', async () => {
    const ctx = makeContext();
    const long = 'a'.repeat(40);
    const row = await declareIncident(ctx, { title: `Token ${long} leaked` });
    expect(await found(ctx, long)).toEqual([row.id]);
  });

  it('agrees with the in-memory rule over every row', async () => {
    const { ctx } = await fixture();
    const rows = await listView(ctx.db, 'active', ME.userId, ctx.now());
    for (const q of ['p', 'post', 'postgres pool', 'eu-west', 'x', 'dns checkout', '--', '', 'storm redis']) {
      expect(await found(ctx, q), q).toEqual(rows.filter((r) => matchesQuery(r, q)).map((r) => r.id));
    }
  });
});
