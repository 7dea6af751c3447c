import { z } from 'zod';
import { incidentEventSchema, screenshotBodySchema } from '../model/event';
import { idSchema, isoDateSchema } from '../model/incident-fields';
import { BASE64_PATTERN } from './base64';

/**
 * The full export: every event of the log and a manifest of the screenshots,
 * optionally with their bytes. It is the evidence an auditor or an acquirer
 * asks for, and the file `importJson` reads back. Version 1 is this shape;
 * a change that an older reader would misread bumps it.
 */
export const EXPORT_FORMAT = 'incident-capture-export';
export const EXPORT_VERSION = 1;

/**
 * One screenshot event's image.
 * - `verified`: the image is on this device and its SHA-256 equals the one its
 *   event recorded at capture; `data` (base64) is present when images were included.
 * - `mismatch`: the stored bytes hash differently from the event (damaged or
 *   altered on this device). `sha256` is the stored bytes' hash; never carries `data`.
 * - `not_stored`: no image on this device (redacted, or a teammate's never
 *   opened). `sha256` and `byteLength` are what the event recorded.
 */
export const exportedScreenshotSchema = z.object({
  eventId: idSchema,
  blobId: idSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Not a SHA-256 hash in hex'),
  mimeType: screenshotBodySchema.shape.mimeType,
  byteLength: z.number().int().nonnegative(),
  status: z.enum(['verified', 'mismatch', 'not_stored']),
  data: z.string().regex(BASE64_PATTERN, 'Not base64').optional(),
});
export type ExportedScreenshot = z.infer<typeof exportedScreenshotSchema>;

export const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: isoDateSchema,
  events: z.array(incidentEventSchema),
  screenshots: z.array(exportedScreenshotSchema),
});
export type ExportFile = z.infer<typeof exportFileSchema>;
