import type { Claims, JwtProblem, JwtService } from './jwt.ts';
import { bearer, header, type StandinRequest } from './reply.ts';

export type Caller =
  | { ok: true; role: string; claims: Claims; authenticated: boolean }
  | { ok: false; problem: JwtProblem; parts: number; joseMessage: string };

/**
 * Who is calling the data APIs (PostgREST, Storage).
 *
 * With an `Authorization` header its bearer JWT must verify; it is never
 * replaced by the apikey, so an expired session token is an error rather than
 * a silent downgrade to anon. Without the header the gateway's apikey (already
 * checked to be the anon or service_role key) stands in as the JWT, the way
 * PostgREST falls back to its anon role
 * (https://docs.postgrest.org/en/stable/references/auth.html#jwt-based-user-impersonation).
 * The role comes from the `role` claim (PostgREST's default `jwt-role-claim-key`);
 * a token without one runs as anon.
 */
export async function resolveCaller(request: StandinRequest, jwt: JwtService): Promise<Caller> {
  const token = bearer(request) ?? header(request, 'apikey') ?? request.url.searchParams.get('apikey') ?? '';
  const verified = await jwt.verify(token);
  if (!verified.ok) return verified;
  const role = typeof verified.claims.role === 'string' ? verified.claims.role : 'anon';
  return { ok: true, role, claims: verified.claims, authenticated: role !== 'anon' };
}
