/**
 * The Supabase stand-in: an HTTP gateway in front of a real PostgreSQL that
 * reproduces the part of GoTrue, PostgREST, Storage and Realtime that the extension's
 * supabase-js uses, with fault injection for sync tests. See docs in server.ts
 * and each surface's file (auth.ts, rest.ts, storage.ts, realtime.ts).
 */
export { startStandin } from './server.ts';
export { FaultInjector, type Fault, type FaultKind, type FaultPlan } from './faults.ts';
export { DEFAULT_JWT_SECRET } from './jwt.ts';
export type { RequestLogEntry, Standin, StandinOptions } from './types.ts';
export { defaultOAuthConfig, type OAuthConfig, type ProviderAccount, type StandinProvider } from './oauth-config.ts';
