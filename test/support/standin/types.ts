import type { FaultInjector, FaultKind } from './faults.ts';
import type { FlowStateStore } from './flow-states.ts';
import type { OAuthConfig } from './oauth-config.ts';

export interface StandinOptions {
  /** The superuser (`supabase_admin`), as Realtime logs in; also every service's login when `roleUrls` is absent. */
  databaseUrl: string;
  /**
   * The logins of the other services, as on a Supabase project: PostgREST as `authenticator`
   * (then `set role` per request), Storage as `supabase_storage_admin` (then `set role`),
   * GoTrue as `supabase_auth_admin`. Pass `SupabaseDatabase.urls`.
   */
  roleUrls?: { authenticator: string; storageAdmin: string; authAdmin: string };
  /** HS256 secret shared by auth, rest and storage; default: the `supabase start` secret. */
  jwtSecret?: string;
  /** Access token lifetime (GoTrue's `JWT_EXP`); default 3600. */
  accessTokenTtlSeconds?: number;
}

export interface RequestLogEntry {
  method: string;
  /** Path and query string, e.g. `/auth/v1/token?grant_type=refresh_token`. */
  path: string;
  /** The HTTP status sent; 0 when the connection was dropped or never answered. */
  status: number;
  /** The fault injected into this request, if any. */
  fault?: FaultKind;
}

export interface Standin {
  /** `http://127.0.0.1:<port>`, what `createClient(url, anonKey)` takes. */
  url: string;
  /** HS256 JWT `{ iss: 'supabase-demo', role: 'anon', exp }` signed with the secret. */
  anonKey: string;
  /** For tests only; never used by the extension. */
  serviceRoleKey: string;
  /** `sb_publishable_…`: accepted wherever the anon key is; the gateway turns it into the anon JWT. */
  publishableKey: string;
  /** `sb_secret_…`: for tests only; the gateway turns it into the service_role JWT. */
  secretKey: string;
  jwtSecret: string;
  faults: FaultInjector;
  /** One-time codes "sent" by `/auth/v1/otp` to this address, newest last. */
  mailbox(email: string): string[];
  /**
   * Sign in with GitHub / Google: the project's provider switches, Site URL and
   * redirect allow list, and how the simulated provider answers. Change it between sign-ins.
   */
  oauth: OAuthConfig;
  /** GoTrue's PKCE flow states; `ageMs` ages them all (expiry tests). */
  flowStates: FlowStateStore;
  /** Creates a confirmed user with a password; returns its id. */
  createUser(email: string, password: string): Promise<string>;
  /** Every access token issued so far is now rejected as expired; refresh tokens still work. */
  expireAccessTokens(): void;
  /** Every request received, in arrival order. */
  requests: RequestLogEntry[];
  /** Every Realtime postgres_changes message sent to a subscriber, in order. */
  realtimeDelivered: readonly { topic: string; table: string; at: number }[];
  stop(): Promise<void>;
}
