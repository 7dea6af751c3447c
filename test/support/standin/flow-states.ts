import { createHash, randomUUID } from 'node:crypto';

/**
 * GoTrue's `auth.flow_state` for the PKCE OAuth flow, kept in memory like the
 * stand-in's sessions. Facts from https://github.com/supabase/auth:
 * - internal/models/flow_state.go: the auth code is a fresh UUID; the
 *   challenge method is `s256` or `plain`, case-insensitive (`ParseCodeChallengeMethod`);
 *   a flow state expires 300 s after it was created (`IsExpired`,
 *   `defaultFlowStateExpiryDuration` in internal/conf/configuration.go).
 * - internal/security/pkce.go: s256 compares base64url(sha256(verifier)) to the challenge.
 * - internal/api/token.go `PKCE`: the row is deleted once exchanged, so a code works once.
 */
export interface FlowState {
  id: string;
  authCode: string;
  provider: string;
  codeChallenge: string;
  codeChallengeMethod: 's256' | 'plain';
  /** Where the person goes back to (GoTrue's `referrer`). */
  referrer: string;
  userId: string | null;
  createdAt: number;
}

export const FLOW_STATE_TTL_MS = 300_000;

export class FlowStateStore {
  private readonly byCode = new Map<string, FlowState>();
  /** For tests: pretend this many milliseconds have passed for every flow state. */
  ageMs = 0;

  create(fields: Omit<FlowState, 'id' | 'authCode' | 'userId' | 'createdAt'>): FlowState {
    const state: FlowState = { ...fields, id: randomUUID(), authCode: randomUUID(), userId: null, createdAt: Date.now() };
    this.byCode.set(state.authCode, state);
    return state;
  }

  byAuthCode(code: string): FlowState | undefined {
    return this.byCode.get(code);
  }

  isExpired(state: FlowState): boolean {
    return Date.now() + this.ageMs > state.createdAt + FLOW_STATE_TTL_MS;
  }

  delete(state: FlowState): void {
    this.byCode.delete(state.authCode);
  }
}

export function verifyPkce(state: FlowState, verifier: string): boolean {
  const expected = state.codeChallengeMethod === 's256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  return expected === state.codeChallenge;
}
