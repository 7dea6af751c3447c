import { encodeScreenshot } from '../lib/capture/canvas-codec';
import type { Rect } from '../lib/capture/mask-geometry';
import { drawRedactions } from '../lib/capture/redact';
import type { DomainContext } from '../lib/incidents/context';
import { replaceWithRedactedCopy } from '../lib/incidents/screenshots';
import { useAction } from './use-action';

/** The viewer's redact action: opaque boxes drawn over the image, stored as a copy that replaces it. */
export function useRedact(ctx: DomainContext, incidentId: string, eventId: string) {
  return useAction(async (blob: Blob, drawn: Rect[]) => {
    const bitmap = await createImageBitmap(blob);
    try {
      const copy = await encodeScreenshot(drawRedactions(bitmap, drawn));
      return await replaceWithRedactedCopy(ctx, incidentId, eventId, copy);
    } finally {
      bitmap.close();
    }
  });
}
