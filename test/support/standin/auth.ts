import pg from 'pg';
import { authError, authJwtMessage } from './auth-errors.ts';
import type { FlowStateStore } from './flow-states.ts';
import { authorize, pkceGrant, settings, type OAuthContext } from './oauth.ts';
import type { OAuthConfig } from './oauth-config.ts';
import type { JwtService } from './jwt.ts';
import type { Mailbox } from './mailbox.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { bearer, empty, json, jsonBody, type Reply, type StandinRequest } from './reply.ts';
import type { Session, SessionStore, SignInMethod } from './sessions.ts';
import type { UserDirectory, UserRow } from './users.ts';

export interface AuthContext {
  users: UserDirectory;
  sessions: SessionStore;
  mailbox: Mailbox;
  jwt: JwtService;
  /** The `iss` claim GoTrue puts in access tokens: `<project url>/auth/v1`. */
  issuer: string;
  accessTokenTtlSeconds: number;
  /** Sign in with GitHub / Google (oauth.ts). */
  oauth: OAuthConfig;
  flowStates: FlowStateStore;
}

type Body = Record<string, unknown>;

/** GoTrue's minimum password length default (`GOTRUE_PASSWORD_MIN_LENGTH`). */
const MIN_PASSWORD_LENGTH = 6;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * `/auth/v1/*`: the GoTrue endpoints auth-js calls for email + password and
 * email one-time-code sign-in (https://github.com/supabase/auth#endpoints),
 * and sign-in with GitHub / Google through PKCE (oauth.ts).
 */
export async function handleAuth(context: AuthContext, request: StandinRequest): Promise<Reply> {
  const route = `${request.method} ${request.url.pathname.replace(/^\/auth\/v1/, '')}`;
  if (route === 'GET /user') return getUser(context, request);
  if (route === 'POST /logout') return logout(context, request);
  if (route === 'GET /authorize') return authorize(oauthContext(context), request);
  if (route === 'GET /settings') return settings(oauthContext(context));

  let body: Body;
  try {
    const parsed = jsonBody(request);
    body = parsed !== null && typeof parsed === 'object' ? (parsed as Body) : {};
  } catch (error) {
    return authError(request, 400, 'bad_json', `Could not parse request body as JSON: ${(error as Error).message}`);
  }
  switch (route) {
    case 'POST /signup':
      return signUp(context, request, body);
    case 'POST /token':
      return token(context, request, body);
    case 'POST /otp':
      return sendOtp(context, request, body);
    case 'POST /verify':
      return verifyOtp(context, request, body);
    default:
      return authError(request, 404, 'not_found', 'Not Found');
  }
}

async function signUp(context: AuthContext, request: StandinRequest, body: Body): Promise<Reply> {
  const email = text(body.email).trim().toLowerCase();
  const password = text(body.password);
  if (!EMAIL.test(email)) return authError(request, 400, 'validation_failed', 'Unable to validate email address: invalid format');
  if (password === '') return authError(request, 422, 'validation_failed', 'Signup requires a valid password');
  if (password.length < MIN_PASSWORD_LENGTH) {
    return authError(request, 422, 'weak_password', `Password should be at least ${MIN_PASSWORD_LENGTH} characters.`, {
      weak_password: { reasons: ['length'] },
    });
  }
  try {
    const user = await context.users.create(email, await hashPassword(password), metadata(body.data));
    // Confirmations are off (the `supabase start` default), so sign-up signs in at once.
    return json(200, await startSession(context, user, 'password'));
  } catch (error) {
    if (error instanceof pg.DatabaseError && error.code === '23505') {
      return authError(request, 422, 'user_already_exists', 'User already registered');
    }
    throw error;
  }
}

async function token(context: AuthContext, request: StandinRequest, body: Body): Promise<Reply> {
  const grant = request.url.searchParams.get('grant_type');
  if (grant === 'password') {
    const user = await context.users.byEmail(text(body.email).trim());
    if (!user || !(await verifyPassword(text(body.password), user.encrypted_password))) {
      return authError(request, 400, 'invalid_credentials', 'Invalid login credentials');
    }
    return json(200, await startSession(context, user, 'password'));
  }
  if (grant === 'pkce') return pkceGrant(oauthContext(context), request, body);
  if (grant === 'refresh_token') {
    const used = context.sessions.useRefreshToken(text(body.refresh_token));
    if (!used.ok) {
      return used.reason === 'already_used'
        ? authError(request, 400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used')
        : authError(request, 400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    }
    const user = await context.users.byId(used.session.userId);
    if (!user) return authError(request, 400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    return json(200, await sessionJson(context, user, used.session));
  }
  return authError(request, 400, 'validation_failed', 'unsupported_grant_type');
}

/** `POST /otp`: "sends" a 6-digit code to the mailbox; `create_user` (default true) signs up unknown addresses. */
async function sendOtp(context: AuthContext, request: StandinRequest, body: Body): Promise<Reply> {
  const email = text(body.email).trim().toLowerCase();
  if (!EMAIL.test(email)) return authError(request, 400, 'validation_failed', 'Unable to validate email address: invalid format');
  if (!(await context.users.byEmail(email))) {
    if (body.create_user === false) return authError(request, 422, 'otp_disabled', 'Signups not allowed for otp');
    try {
      await context.users.create(email, null, metadata(body.data));
    } catch (error) {
      if (!(error instanceof pg.DatabaseError && error.code === '23505')) throw error; // created concurrently: fine
    }
  }
  context.mailbox.send(email);
  return json(200, {});
}

async function verifyOtp(context: AuthContext, request: StandinRequest, body: Body): Promise<Reply> {
  const type = text(body.type);
  if (!['email', 'magiclink', 'signup'].includes(type)) {
    return authError(request, 400, 'validation_failed', 'Verify requires a verification type');
  }
  const email = text(body.email).trim();
  const user = await context.users.byEmail(email);
  if (!user || !context.mailbox.consume(email, text(body.token).trim())) {
    return authError(request, 403, 'otp_expired', 'Token has expired or is invalid');
  }
  return json(200, await startSession(context, user, 'otp'));
}

async function getUser(context: AuthContext, request: StandinRequest): Promise<Reply> {
  const caller = await authenticate(context, request);
  if ('status' in caller) return caller;
  return json(200, context.users.toJson(caller.user));
}

/** `POST /logout?scope=global|local|others`: 204, the session's refresh tokens stop working. */
async function logout(context: AuthContext, request: StandinRequest): Promise<Reply> {
  const caller = await authenticate(context, request);
  if ('status' in caller) return caller;
  const scope = request.url.searchParams.get('scope') ?? 'global';
  if (scope !== 'global' && scope !== 'local' && scope !== 'others') {
    return authError(request, 400, 'validation_failed', `Unsupported logout scope "${scope}"`);
  }
  context.sessions.revoke(caller.session, scope);
  return empty(204);
}

/** GoTrue's `requireAuthentication` + session / user lookups (internal/api/auth.go). */
async function authenticate(
  context: AuthContext,
  request: StandinRequest,
): Promise<Reply | { user: UserRow; session: Session }> {
  const token = bearer(request);
  if (!token) return authError(request, 401, 'no_authorization', 'This endpoint requires a Bearer token');
  const verified = await context.jwt.verify(token);
  if (!verified.ok) return authError(request, 403, 'bad_jwt', authJwtMessage(verified.problem));
  const { sub, session_id: sessionId } = verified.claims;
  if (!sub) return authError(request, 403, 'bad_jwt', 'invalid claim: missing sub claim');
  const session = sessionId ? context.sessions.get(sessionId) : undefined;
  if (!session) return authError(request, 403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
  const user = await context.users.byId(sub);
  if (!user) return authError(request, 403, 'user_not_found', 'User from sub claim in JWT does not exist');
  return { user, session };
}

function oauthContext(context: AuthContext): OAuthContext {
  return {
    config: context.oauth,
    flowStates: context.flowStates,
    users: context.users,
    startSession: (user) => startSession(context, user, 'oauth'),
  };
}

async function startSession(context: AuthContext, user: UserRow, method: SignInMethod) {
  context.users.recordSignIn(user.id);
  return sessionJson(context, user, context.sessions.create(user.id, method));
}

/** The session object of a token response (internal/api/token.go, `AccessTokenResponse`). */
async function sessionJson(context: AuthContext, user: UserRow, session: Session) {
  const iat = Math.floor(Date.now() / 1000);
  const exp = iat + context.accessTokenTtlSeconds;
  const userJson = context.users.toJson(user);
  const accessToken = await context.jwt.issueAccessToken({
    iss: context.issuer,
    sub: user.id,
    aud: 'authenticated',
    exp,
    iat,
    email: user.email,
    phone: '',
    app_metadata: userJson.app_metadata,
    user_metadata: userJson.user_metadata,
    role: 'authenticated',
    aal: 'aal1',
    amr: session.amr,
    session_id: session.id,
    is_anonymous: false,
  });
  return {
    access_token: accessToken,
    token_type: 'bearer',
    expires_in: context.accessTokenTtlSeconds,
    expires_at: exp,
    refresh_token: context.sessions.issueRefreshToken(session.id),
    user: userJson,
  };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function metadata(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
