import { randomBytes, randomUUID } from 'node:crypto';

/** GoTrue's `amr` methods the stand-in issues (internal/models/factor.go `AuthenticationMethod.String`; a provider sign-in is `oauth`). */
export type SignInMethod = 'password' | 'otp' | 'oauth';

export interface Session {
  id: string;
  userId: string;
  /** GoTrue's `amr` claim: how the session was authenticated. */
  amr: { method: SignInMethod; timestamp: number }[];
}

export type RefreshResult =
  | { ok: true; session: Session }
  | { ok: false; reason: 'not_found' | 'already_used' };

/**
 * GoTrue's `auth.sessions` / `auth.refresh_tokens`, kept in memory. Refresh
 * tokens are opaque and single use: using one issues its successor, using it
 * again is refused as "Already Used". (GoTrue allows a 10 s reuse interval and
 * then revokes the whole token family; the stand-in keeps the simpler rule.)
 * https://supabase.com/docs/guides/auth/sessions#refresh-token-reuse-detection
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly refreshTokens = new Map<string, { sessionId: string; used: boolean }>();

  create(userId: string, method: SignInMethod): Session {
    const session: Session = { id: randomUUID(), userId, amr: [{ method, timestamp: Math.floor(Date.now() / 1000) }] };
    this.sessions.set(session.id, session);
    return session;
  }

  get(sessionId: string): Session | undefined {
    return this.sessions.get(sessionId);
  }

  issueRefreshToken(sessionId: string): string {
    const token = randomBytes(16).toString('base64url');
    this.refreshTokens.set(token, { sessionId, used: false });
    return token;
  }

  useRefreshToken(token: string): RefreshResult {
    const entry = this.refreshTokens.get(token);
    const session = entry && this.sessions.get(entry.sessionId);
    if (!entry || !session) return { ok: false, reason: 'not_found' };
    if (entry.used) return { ok: false, reason: 'already_used' };
    entry.used = true;
    return { ok: true, session };
  }

  /** `POST /logout?scope=`: global ends all the user's sessions, local this one, others the rest. */
  revoke(session: Session, scope: 'global' | 'local' | 'others'): void {
    for (const other of [...this.sessions.values()]) {
      if (other.userId !== session.userId) continue;
      const isThis = other.id === session.id;
      if (scope === 'global' || (scope === 'local' && isThis) || (scope === 'others' && !isThis)) this.end(other.id);
    }
  }

  private end(sessionId: string): void {
    this.sessions.delete(sessionId);
    for (const [token, entry] of this.refreshTokens) if (entry.sessionId === sessionId) this.refreshTokens.delete(token);
  }
}
