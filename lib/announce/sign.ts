/**
 * HMAC-SHA256 of the raw body for `json` destinations, with WebCrypto
 * (https://developer.mozilla.org/en-US/docs/Web/API/SubtleCrypto/sign), so no
 * dependency. What is signed is `<timestamp>.<body>`: the timestamp travels in
 * its own header and a receiver refuses old ones, so a captured request cannot
 * be replayed later (the scheme Stripe and Slack use for their own webhooks:
 * https://docs.stripe.com/webhooks#verify-manually). docs/webhooks.md shows
 * how to verify it.
 */
export const SIGNATURE_HEADER = 'X-Incident-Signature';
export const TIMESTAMP_HEADER = 'X-Incident-Timestamp';

export async function hmacSha256Hex(secret: string, message: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(message));
  return Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The two headers for a body sent at `unixSeconds`. */
export async function signatureHeaders(secret: string, body: string, unixSeconds: number): Promise<Record<string, string>> {
  const timestamp = String(Math.floor(unixSeconds));
  return { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: `sha256=${await hmacSha256Hex(secret, `${timestamp}.${body}`)}` };
}

/** A new shared secret: 32 random bytes as hex (256 bits, HMAC-SHA256's own strength). */
export function generateSecret(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
}
