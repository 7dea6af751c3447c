import { describe, expect, it } from 'vitest';
import { NETWORK_URL_MAX } from '../model/network-context';
import { REDACTED, sanitiseRequestUrl } from './request-url';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';

describe('sanitiseRequestUrl', () => {
  it.each([
    ['https://api.example.com/orders?page=2', 'https://api.example.com/orders?page=2'],
    ['https://api.example.com/orders?page=2&token=abc123', `https://api.example.com/orders?page=2&token=${REDACTED}`],
    ['https://x.io/a?access_token=s3cr3t&refresh_token=r', `https://x.io/a?access_token=${REDACTED}&refresh_token=${REDACTED}`],
    ['https://x.io/a?api_key=k&apiKey=k2&KEY=k3', `https://x.io/a?api_key=${REDACTED}&apiKey=${REDACTED}&KEY=${REDACTED}`],
    ['https://x.io/a?sig=abc&signature=def', `https://x.io/a?sig=${REDACTED}&signature=${REDACTED}`],
    ['https://x.io/cb?code=4%2F0Ad&state=xyz', `https://x.io/cb?code=${REDACTED}&state=${REDACTED}`],
    ['https://x.io/a?auth=1&Authorization=Bearer%20x', `https://x.io/a?auth=${REDACTED}&Authorization=${REDACTED}`],
    ['https://x.io/a?session=1&PHPSESSID=2&sid=3', `https://x.io/a?session=${REDACTED}&PHPSESSID=${REDACTED}&sid=${REDACTED}`],
    ['https://x.io/a?password=p&passwd=q&pwd=r', `https://x.io/a?password=${REDACTED}&passwd=${REDACTED}&pwd=${REDACTED}`],
    ['https://x.io/a?client_secret=s&credential=c&jwt=j', `https://x.io/a?client_secret=${REDACTED}&credential=${REDACTED}&jwt=${REDACTED}`],
    [
      'https://b.s3.amazonaws.com/k.png?X-Amz-Algorithm=AWS4&X-Amz-Credential=AK%2F2026&X-Amz-Signature=ff&X-Amz-Security-Token=t',
      `https://b.s3.amazonaws.com/k.png?X-Amz-Algorithm=${REDACTED}&X-Amz-Credential=${REDACTED}&X-Amz-Signature=${REDACTED}&X-Amz-Security-Token=${REDACTED}`,
    ],
    // A JWT is hidden whatever its parameter is called, and as a bare value.
    [`https://x.io/a?q=${JWT}&v=1`, `https://x.io/a?q=${REDACTED}&v=1`],
    [`https://x.io/a?${JWT}`, `https://x.io/a?${REDACTED}`],
    // The name is judged decoded: api%5Fkey is api_key.
    ['https://x.io/a?api%5Fkey=k', `https://x.io/a?api%5Fkey=${REDACTED}`],
    // A malformed escape does not throw; the raw name is judged.
    ['https://x.io/a?token%zz=k&x=%E0%A4%A', `https://x.io/a?token%zz=${REDACTED}&x=%E0%A4%A`],
  ])('%s → %s', (raw, clean) => {
    expect(sanitiseRequestUrl(raw)).toBe(clean);
  });

  it('drops userinfo and the fragment (OAuth implicit flow tokens live there)', () => {
    expect(sanitiseRequestUrl('https://admin:hunter2@x.io/a?page=1#access_token=abc&state=1')).toBe('https://x.io/a?page=1');
    expect(sanitiseRequestUrl('https://x.io/app#/orders/7')).toBe('https://x.io/app');
  });

  it('keeps only the scheme of non-http URLs, whose text can be the content itself', () => {
    expect(sanitiseRequestUrl('data:text/plain,password=hunter2')).toBe('data:…');
    expect(sanitiseRequestUrl('blob:https://x.io/0f9c')).toBe('blob:…');
  });

  it('refuses what is not a URL', () => {
    expect(sanitiseRequestUrl('not a url')).toBeUndefined();
    expect(sanitiseRequestUrl('')).toBeUndefined();
  });

  it(`cuts to ${NETWORK_URL_MAX} characters, after redacting`, () => {
    const long = `https://x.io/${'p'.repeat(600)}?token=${'s'.repeat(100)}`;
    const clean = sanitiseRequestUrl(long)!;
    expect(clean).toHaveLength(NETWORK_URL_MAX);
    expect(clean.endsWith('…')).toBe(true);
    expect(clean).not.toContain('sss');
    expect(sanitiseRequestUrl(`https://x.io/a?v=1&token=${'s'.repeat(600)}`)).toBe(`https://x.io/a?v=1&token=${REDACTED}`);
  });
});
