import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';

/**
 * The evidence pack's hash chain (VERIFY.md in the pack says the same for an
 * auditor). Every event is hashed as its RFC 8785 canonical JSON
 * (https://www.rfc-editor.org/rfc/rfc8785), so a checker in any language gets
 * the same bytes, and each hash covers the one before it:
 *
 *   h0 = SHA-256(UTF-8 of CHAIN_GENESIS)
 *   hi = SHA-256(ASCII hex of h(i-1) + "\n" + canonical JSON of event i)
 *
 * Changing, removing or reordering one event changes its hash and every hash
 * after it; the last one (the head) is in MANIFEST.json. SHA-256 from
 * @noble/hashes: synchronous, so 100,000 links need no awaits.
 */
export const CHAIN_GENESIS = 'incident-capture evidence chain v1';

export const genesisHash = (): string => bytesToHex(sha256(utf8ToBytes(CHAIN_GENESIS)));

const NEWLINE = new Uint8Array([0x0a]);

/** An event's canonical JSON text (RFC 8785): what the chain hashes, and what events.json holds. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('This value has no JSON form.');
  return text;
}

/** The next link: SHA-256 over the previous hash (hex), a line feed and the event's canonical bytes. */
export function nextHash(previousHex: string, canonicalEvent: string): string {
  return bytesToHex(sha256.create().update(utf8ToBytes(previousHex)).update(NEWLINE).update(utf8ToBytes(canonicalEvent)).digest());
}

/** SHA-256 of bytes, hex: each file in the manifest. */
export const sha256Bytes = (bytes: Uint8Array): string => bytesToHex(sha256(bytes));
