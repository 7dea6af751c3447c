import { useEffect, useRef, useState } from 'react';
import { decodeForAnnotation, encodeAnnotated } from '../lib/annotate/compose';
import type { AnnotationDoc } from '../lib/annotate/history';
import { saveAnnotatedCopy } from '../lib/incidents/annotations';
import type { DomainContext } from '../lib/incidents/context';
import { useAction } from './use-action';

/**
 * The viewer's annotate actions. Opening decodes the image first, so bytes
 * that are missing or no image get a sentence (lib/annotate/compose.ts) and
 * the editor never opens on them; the decoded image is kept while the editor
 * is open, so Save (timed by bench/annotate.mjs) only draws, encodes and stores.
 */
export function useAnnotate(ctx: DomainContext, incidentId: string, eventId: string) {
  const [annotating, setAnnotating] = useState(false);
  const decoded = useRef<ImageBitmap | null>(null);
  const release = () => {
    decoded.current?.close();
    decoded.current = null;
  };
  useEffect(() => release, []);

  const open = useAction(async (blob: Blob | undefined) => {
    const bitmap = await decodeForAnnotation(blob);
    release();
    decoded.current = bitmap;
    setAnnotating(true);
    return true;
  });
  const save = useAction(async (blob: Blob, doc: AnnotationDoc) => {
    const bitmap = decoded.current ?? (decoded.current = await decodeForAnnotation(blob));
    return saveAnnotatedCopy(ctx, incidentId, eventId, await encodeAnnotated(bitmap, doc));
  });
  const leave = () => {
    release();
    setAnnotating(false);
  };
  return { annotating, leave, open, save };
}
