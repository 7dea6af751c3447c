import { useState } from 'react';
import { decodeForAnnotation, encodeAnnotated } from '../lib/annotate/compose';
import type { AnnotationDoc } from '../lib/annotate/history';
import { saveAnnotatedCopy } from '../lib/incidents/annotations';
import type { DomainContext } from '../lib/incidents/context';
import { useAction } from './use-action';

/**
 * The viewer's annotate actions. Opening decodes the image first, so bytes
 * that are missing or no image get a sentence (lib/annotate/compose.ts) and
 * the editor never opens on them; saving draws, encodes and stores the copy.
 */
export function useAnnotate(ctx: DomainContext, incidentId: string, eventId: string) {
  const [annotating, setAnnotating] = useState(false);
  const open = useAction(async (blob: Blob | undefined) => {
    (await decodeForAnnotation(blob)).close();
    setAnnotating(true);
    return true;
  });
  const save = useAction(async (blob: Blob, doc: AnnotationDoc) => {
    const bitmap = await decodeForAnnotation(blob);
    try {
      return await saveAnnotatedCopy(ctx, incidentId, eventId, await encodeAnnotated(bitmap, doc));
    } finally {
      bitmap.close();
    }
  });
  return { annotating, leave: () => setAnnotating(false), open, save };
}
