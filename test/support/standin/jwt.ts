import { SignJWT, errors, jwtVerify, type JWTPayload } from 'jose';

/**
 * The JWT secret `supabase start` uses (supabase/cli, internal/utils/config),
 * so with the default secret the stand-in's anon and service-role keys are the
 * well-known local demo keys.
 */
export const DEFAULT_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

/**
 * The opaque keys `supabase start` uses for every local project (supabase/cli
 * pkg/config/apikeys.go, `defaultPublishableKey` / `defaultSecretKey`).
 */
export const DEFAULT_PUBLISHABLE_KEY = 'sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH';
export const DEFAULT_SECRET_KEY = 'sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz';

/** The demo keys' expiry (2032-11-12), as in the keys `supabase start` prints. */
const DEMO_KEY_EXP = 1983812996;

export type Claims = JWTPayload & { role?: string; email?: string; session_id?: string };

/** Why a token was refused; each surface words it the way its own server does. */
export type JwtProblem = 'empty' | 'malformed' | 'signature' | 'expired';

/**
 * `joseMessage` is what jose says about the token (Storage ≥ v1.22.9 verifies with jose
 * and answers with that message; supabase/storage src/internal/auth/jwt.ts, `verifyJWT`).
 */
export type Verified =
  | { ok: true; claims: Claims }
  | { ok: false; problem: JwtProblem; parts: number; joseMessage: string };

/** jose's wording (node_modules/jose/dist/webapi: lib/jws_verify.js, lib/jwt_claims_set.js, util/errors.js). */
export const JOSE_MESSAGES = {
  notCompact: 'Invalid Compact JWS',
  expired: '"exp" claim timestamp check failed',
  signature: 'signature verification failed',
} as const;

/**
 * HS256 signing and verification with one shared secret, as GoTrue, PostgREST
 * and Storage share `JWT_SECRET` in a Supabase project. It also remembers every
 * access token it issued so `expireIssuedAccessTokens()` can make them all
 * expired at once while refresh tokens keep working.
 */
export class JwtService {
  readonly secret: string;
  private readonly key: Uint8Array;
  private readonly issued = new Map<string, number>();
  private sequence = 0;
  private expiredThrough = 0;

  constructor(secret: string) {
    this.secret = secret;
    this.key = new TextEncoder().encode(secret);
  }

  sign(claims: Claims): Promise<string> {
    return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(this.key);
  }

  /** `{ iss: 'supabase-demo', role, exp }`: the shape of the CLI's anon / service_role keys. */
  apiKey(role: 'anon' | 'service_role'): Promise<string> {
    return this.sign({ iss: 'supabase-demo', role, exp: DEMO_KEY_EXP });
  }

  async issueAccessToken(claims: Claims): Promise<string> {
    const token = await this.sign(claims);
    // Two refreshes in the same second can mint the same string; the newest issue wins.
    this.issued.set(token, ++this.sequence);
    return token;
  }

  expireIssuedAccessTokens(): void {
    this.expiredThrough = this.sequence;
  }

  async verify(token: string): Promise<Verified> {
    const parts = token === '' ? 0 : token.split('.').length;
    if (parts === 0) return { ok: false, problem: 'empty', parts, joseMessage: JOSE_MESSAGES.notCompact };
    if (parts !== 3) return { ok: false, problem: 'malformed', parts, joseMessage: JOSE_MESSAGES.notCompact };
    try {
      const { payload } = await jwtVerify<Claims>(token, this.key, { algorithms: ['HS256'] });
      const issuedAs = this.issued.get(token);
      if (issuedAs !== undefined && issuedAs <= this.expiredThrough) {
        return { ok: false, problem: 'expired', parts, joseMessage: JOSE_MESSAGES.expired };
      }
      return { ok: true, claims: payload };
    } catch (error) {
      const joseMessage = error instanceof Error ? error.message : String(error);
      if (error instanceof errors.JWTExpired) return { ok: false, problem: 'expired', parts, joseMessage };
      if (error instanceof errors.JWSSignatureVerificationFailed) return { ok: false, problem: 'signature', parts, joseMessage };
      return { ok: false, problem: 'malformed', parts, joseMessage };
    }
  }
}
