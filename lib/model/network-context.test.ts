import { describe, expect, it } from 'vitest';
import { screenshotBodySchema } from './event';
import { THUMBNAIL_MAX_CHARS } from './limits';
import { NETWORK_FAILED_MAX, NETWORK_SLOWEST_MAX, NETWORK_URL_MAX, type NetworkRequest } from './network-context';

/** The server refuses an event body over 64 KB (supabase/migrations/*_team_authority.sql: octet_length(body) > 65536). */
const SERVER_BODY_MAX = 65_536;

describe('a screenshot body with the largest network context', () => {
  it('still fits the server’s 64 KB per event', () => {
    // URLs are ASCII once the URL parser has percent-encoded them; the page title may be any UTF-8.
    const request = (i: number): NetworkRequest => ({
      url: `https://x.io/${String(i).padEnd(NETWORK_URL_MAX - 13, 'p')}`,
      initiator: 'x'.repeat(40),
      status: 599,
      durationMs: 86_399_999.9,
    });
    const body = screenshotBodySchema.parse({
      blobId: '0190a000-0000-7000-8000-000000000001',
      mimeType: 'image/webp',
      width: 16_383,
      height: 16_383,
      byteLength: 100 * 1024,
      sha256: 'a'.repeat(64),
      thumbnail: `data:image/webp;base64,${'A'.repeat(THUMBNAIL_MAX_CHARS - 23)}`,
      source: 'full_page',
      pageUrl: `https://x.io/${'p'.repeat(4_096 - 13)}`,
      pageTitle: '😀'.repeat(500),
      network: {
        statusReported: true,
        entryCount: 10_000_000,
        failedCount: 10_000_000,
        failed: Array.from({ length: NETWORK_FAILED_MAX }, (_, i) => request(i)),
        slowest: Array.from({ length: NETWORK_SLOWEST_MAX }, (_, i) => request(i)),
      },
    });
    const bytes = new TextEncoder().encode(JSON.stringify(body)).length;
    expect(bytes).toBeLessThan(SERVER_BODY_MAX);
    expect(body.network!.failed[0]!.url).toHaveLength(NETWORK_URL_MAX);
  });
});
