import { describe, expect, it } from 'vitest';
import { recognisePage } from './recognise';
import { facts } from './test-facts';

const REF = 'abcdefghijklmnopqrst';

describe('recognisePage: Supabase logs', () => {
  it.each([
    [`https://supabase.com/dashboard/project/${REF}/logs/postgres-logs`, `Supabase Postgres logs (${REF})`],
    [`https://supabase.com/dashboard/project/${REF}/logs/edge-logs?its=2026-11-26T09%3A00%3A00Z`, `Supabase API Gateway logs (${REF})`],
    [`https://supabase.com/dashboard/project/${REF}/logs/auth-logs`, `Supabase Auth logs (${REF})`],
    [`https://supabase.com/dashboard/project/${REF}/logs/edge-functions-logs`, `Supabase Edge Functions logs (${REF})`],
    [`https://supabase.com/dashboard/project/${REF}/logs/etl-replication-logs`, `Supabase Etl replication logs (${REF})`],
    [`https://supabase.com/dashboard/project/${REF}/logs/explorer?q=select+1`, `Supabase Logs Explorer (${REF})`],
    [`https://supabase.com/dashboard/project/${REF}/functions/stripe-webhook/logs`, `Supabase stripe-webhook Edge Function logs (${REF})`],
    [`https://app.supabase.com/project/${REF}/logs/storage-logs`, `Supabase Storage logs (${REF})`],
  ])('names %s', (url, title) => {
    expect(recognisePage(facts(url, 'Logs & Analytics | Supabase'))).toMatchObject({ tool: 'supabase-logs', label: 'Supabase logs', title });
  });

  it.each([
    ['the table editor', `https://supabase.com/dashboard/project/${REF}/editor`],
    ['the docs', 'https://supabase.com/docs/guides/telemetry/logs'],
    ['a look-alike host', `https://supabase.com.evil.example/dashboard/project/${REF}/logs/postgres-logs`],
  ])('leaves %s alone', (_, url) => {
    expect(recognisePage(facts(url, 'Supabase')).tool).toBeNull();
  });
});
