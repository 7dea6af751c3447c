import { describe, expect, it } from 'vitest';
import { readOAuthCallback } from './oauth-callback';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

describe('readOAuthCallback', () => {
  it('reads the PKCE auth code from the query', () => {
    expect(readOAuthCallback(`${REDIRECT}?code=7f3e4b6a-1c2d`, REDIRECT)).toEqual({ kind: 'code', code: '7f3e4b6a-1c2d' });
  });

  it("reads GoTrue's forwarded error from the query, and from the fragment alone", () => {
    const q = readOAuthCallback(
      `${REDIRECT}?error=access_denied&error_description=The+user+has+denied+your+application+access.#error=access_denied&sb=`,
      REDIRECT,
    );
    expect(q).toEqual({ kind: 'error', error: 'access_denied', description: 'The user has denied your application access.', errorCode: null });
    const f = readOAuthCallback(`${REDIRECT}#error=server_error&error_code=unexpected_failure&error_description=boom`, REDIRECT);
    expect(f).toEqual({ kind: 'error', error: 'server_error', description: 'boom', errorCode: 'unexpected_failure' });
  });

  it('refuses an answer that is not this extension’s redirect, or carries nothing', () => {
    expect(() => readOAuthCallback('https://evil.example/?code=1', REDIRECT)).toThrow('not to this extension');
    expect(() => readOAuthCallback('not a url', REDIRECT)).toThrow('not a URL');
    expect(() => readOAuthCallback(REDIRECT, REDIRECT)).toThrow('without a code or an error');
  });
});
