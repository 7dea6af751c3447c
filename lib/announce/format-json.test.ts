import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jsonPayload, type JsonPayload } from './format-json';
import { signatureHeaders } from './sign';

// docs/webhooks.md is the receiver's contract: its example must be exactly what
// jsonPayload sends, its example signature what sign.ts computes, and its Node
// verifier must accept a real request and refuse a tampered or stale one.
const docs = readFileSync(resolve(__dirname, '../../docs/webhooks.md'), 'utf8');
const block = (lang: string) => new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(docs)![1]!;
const example = JSON.parse(block('json')) as JsonPayload;

describe('docs/webhooks.md', () => {
  it('shows the payload jsonPayload sends', () => {
    expect(
      jsonPayload({
        eventId: example.id,
        what: 'resolved',
        topics: ['major'],
        headline: example.headline,
        at: example.occurredAt,
        customerUpdate: null,
        incident: example.incident,
      }),
    ).toEqual(example);
  });

  it('gives the signature sign.ts computes for the compact example', async () => {
    const [, secret, timestamp] = /secret `([^`]+)` at timestamp `(\d+)`/.exec(docs)!;
    const [, signature] = /X-Incident-Signature: (sha256=[0-9a-f]{64})/.exec(docs)!;
    const headers = await signatureHeaders(secret!, JSON.stringify(example), Number(timestamp));
    expect(headers['X-Incident-Signature']).toBe(signature);
  });

  it('has a Node verifier that accepts a signed request and refuses a tampered or replayed one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'webhooks-doc-'));
    try {
      const file = join(dir, 'verify.mjs');
      writeFileSync(file, block('js'));
      const { verifyIncidentWebhook } = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as {
        verifyIncidentWebhook: (body: Buffer, headers: Record<string, string>, secret: string, now?: number) => boolean;
      };
      const body = JSON.stringify(example);
      const signed = await signatureHeaders('s'.repeat(32), body, 1_764_151_500);
      const headers = { 'x-incident-timestamp': signed['X-Incident-Timestamp']!, 'x-incident-signature': signed['X-Incident-Signature']! };
      expect(verifyIncidentWebhook(Buffer.from(body), headers, 's'.repeat(32), 1_764_151_510)).toBe(true);
      expect(verifyIncidentWebhook(Buffer.from(body.replace('Payments', 'Paymentz')), headers, 's'.repeat(32), 1_764_151_510)).toBe(false);
      expect(verifyIncidentWebhook(Buffer.from(body), headers, 'another secret', 1_764_151_510)).toBe(false);
      expect(verifyIncidentWebhook(Buffer.from(body), headers, 's'.repeat(32), 1_764_151_500 + 3_600)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
