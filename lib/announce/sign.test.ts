import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSecret, hmacSha256Hex, signatureHeaders } from './sign';

describe('HMAC-SHA256 signature', () => {
  it('matches RFC 4231 test case 2 (key "Jefe")', async () => {
    // https://www.rfc-editor.org/rfc/rfc4231#section-4.3
    expect(await hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('signs "<timestamp>.<raw body>" as node:crypto computes it, in two headers', async () => {
    const body = JSON.stringify({ version: 1, title: 'Payments <down> é 🚨' });
    const headers = await signatureHeaders('s3cret', body, 1_764_147_600.9);
    const expected = createHmac('sha256', 's3cret').update(`1764147600.${body}`, 'utf8').digest('hex');
    expect(headers).toEqual({ 'X-Incident-Timestamp': '1764147600', 'X-Incident-Signature': `sha256=${expected}` });
  });

  it('makes a fresh 256-bit secret each time', () => {
    const a = generateSecret();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(generateSecret()).not.toBe(a);
  });
});
