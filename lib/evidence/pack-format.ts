import { z } from 'zod';

/**
 * What an evidence pack holds and where (lib/evidence/build-pack.ts writes it,
 * ./verify-pack.ts reads it). Version 1 is this shape; a change an older
 * verifier would misread bumps it.
 */
export const PACK_FORMAT = 'incident-capture-evidence-pack';
export const PACK_VERSION = 1;

export const PACK_PATHS = {
  verify: 'VERIFY.md',
  register: 'register.csv',
  events: 'events.json',
  manifest: 'MANIFEST.json',
} as const;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'Not a SHA-256 hash in hex');
export const isoDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Not a date (YYYY-MM-DD)');

/** Which incidents a pack holds: declared within these UTC days (inclusive), and Major only if asked. */
export const packFilterSchema = z.object({
  declaredFrom: isoDaySchema.nullable(),
  declaredTo: isoDaySchema.nullable(),
  majorOnly: z.boolean(),
});
export type PackFilter = z.infer<typeof packFilterSchema>;

export const NO_FILTER: PackFilter = { declaredFrom: null, declaredTo: null, majorOnly: false };

export const packedFileSchema = z.object({
  path: z.string().min(1),
  bytes: z.number().int().nonnegative(),
  sha256: hex64,
});
export type PackedFile = z.infer<typeof packedFileSchema>;

export const manifestSchema = z.object({
  format: z.literal(PACK_FORMAT),
  version: z.literal(PACK_VERSION),
  createdAt: z.iso.datetime(),
  extensionVersion: z.string(),
  filters: packFilterSchema,
  incidents: z.number().int().nonnegative(),
  chain: z.object({
    algorithm: z.literal('SHA-256'),
    canonicalization: z.literal('RFC 8785'),
    genesis: z.string(),
    events: z.number().int().nonnegative(),
    head: hex64,
  }),
  /** Every file of the pack but this one, in the order written. */
  files: z.array(packedFileSchema),
});
export type PackManifest = z.infer<typeof manifestSchema>;

/** One line of events.json: the event exactly as exported, and its link of the chain. */
export const chainEntrySchema = z.object({
  event: z.looseObject({ id: z.string(), hlc: z.string(), incidentId: z.string() }),
  hash: hex64,
});

/** events.json is one JSON document, written one entry per line so it streams and names the line at fault. */
export const EVENTS_HEAD = `{"format":"${PACK_FORMAT}-events","version":${PACK_VERSION},"events":[`;
export const EVENTS_TAIL = ']}';
