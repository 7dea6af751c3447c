/**
 * Choosing how to store a screenshot: small enough to keep many (≤ 100 KB for
 * a 1280×800 capture), sharp enough to read a graph's labels.
 *
 * WebP first, at falling quality; JPEG is tried only when WebP cannot meet the
 * budget (it is rarely smaller for screenshots, and every extra encode costs
 * tens of milliseconds on the capture path). If neither fits at the lowest
 * quality, the image is scaled down and the ladder starts again.
 */
export type ImageType = 'image/webp' | 'image/jpeg';

/** Encodes the source at a scale (1 = full size); the real one draws on an OffscreenCanvas. */
export type Encoder = (type: ImageType, quality: number, scale: number) => Promise<Blob>;

export interface EncodePlan {
  maxBytes: number;
  qualities: readonly number[];
  scales: readonly number[];
}

export const SCREENSHOT_PLAN: EncodePlan = {
  maxBytes: 100 * 1024,
  qualities: [0.82, 0.7, 0.55, 0.4],
  scales: [1, 0.75, 0.5, 0.35],
};

export interface Encoded {
  blob: Blob;
  type: ImageType;
  quality: number;
  scale: number;
  /** How many encodes it took (the cost of the choice). */
  attempts: number;
}

export async function encodeWithinBudget(encode: Encoder, plan: EncodePlan = SCREENSHOT_PLAN): Promise<Encoded> {
  let attempts = 0;
  let smallest: Encoded | null = null;
  for (const scale of plan.scales) {
    for (const quality of plan.qualities) {
      attempts += 1;
      const webp = await encode('image/webp', quality, scale);
      if (webp.size <= plan.maxBytes) return { blob: webp, type: 'image/webp', quality, scale, attempts };
      attempts += 1;
      const jpeg = await encode('image/jpeg', quality, scale);
      const best = jpeg.size < webp.size ? { blob: jpeg, type: 'image/jpeg' as const } : { blob: webp, type: 'image/webp' as const };
      if (best.blob.size <= plan.maxBytes) return { ...best, quality, scale, attempts };
      if (!smallest || best.blob.size < smallest.blob.size) smallest = { ...best, quality, scale, attempts };
    }
  }
  // Pathological input (noise at full HD): keep the smallest rather than nothing.
  return { ...smallest!, attempts };
}
