import { useEffect, useRef, useState } from 'react';
import type { DomainContext } from '../lib/incidents/context';

export type LoadedImage =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; message: string }
  | { status: 'ready'; blob: Blob; url: string };

/** The image's bytes from this device, as an object URL that lives as long as the viewer. */
export function useScreenshotImage(
  ctx: Pick<DomainContext, 'db'>,
  blobId: string,
  /** Fetches an image that is not on this device yet (a teammate's, from Storage). */
  fetchMissing?: () => Promise<unknown>,
): LoadedImage {
  const [image, setImage] = useState<LoadedImage>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0); // bumped once a fetch has stored the image: read it again
  const fetchRef = useRef(fetchMissing);
  fetchRef.current = fetchMissing;
  useEffect(() => {
    let live = true;
    let url: string | null = null;
    setImage({ status: 'loading' });
    ctx.db.blobs.get(blobId).then(
      (row) => {
        if (!live) return;
        if (!row) {
          // One fetch at most: if it stored nothing, say so rather than loop.
          if (!fetchRef.current || attempt > 0) return setImage({ status: 'missing' });
          setImage({ status: 'loading' });
          fetchRef.current().then(
            () => live && setAttempt((n) => n + 1),
            (e: unknown) => live && setImage({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
          );
          return;
        }
        url = URL.createObjectURL(row.bytes);
        setImage({ status: 'ready', blob: row.bytes, url });
      },
      (e: unknown) => {
        if (live) setImage({ status: 'error', message: `The image could not be read: ${e instanceof Error ? e.message : String(e)}` });
      },
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [ctx.db, blobId, attempt]);
  return image;
}

/** Browsers write images to the clipboard as PNG only, Chrome and Firefox alike (https://developer.mozilla.org/en-US/docs/Web/API/ClipboardItem). */
export async function toPng(blob: Blob): Promise<Blob> {
  if (blob.type === 'image/png') return blob;
  const bitmap = await createImageBitmap(blob);
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = canvas.getContext('2d');
    if (!g) throw new Error('No 2D canvas available');
    g.drawImage(bitmap, 0, 0);
    return await canvas.convertToBlob({ type: 'image/png' });
  } finally {
    bitmap.close();
  }
}
