import { describe, expect, it } from 'vitest';
import { encodeWithinBudget, type Encoder, type ImageType } from './encode';

/** A fake encoder whose output size follows a simple model of the real ones. */
function modelEncoder(bytesAtFull: Record<ImageType, number>) {
  const calls: string[] = [];
  const encode: Encoder = async (type, quality, scale) => {
    calls.push(`${type}@${quality}x${scale}`);
    const size = Math.round(bytesAtFull[type] * quality * scale * scale);
    return new Blob([new Uint8Array(size)], { type });
  };
  return { encode, calls };
}

const plan = { maxBytes: 100_000, qualities: [0.8, 0.6, 0.4], scales: [1, 0.5] };

describe('encodeWithinBudget', () => {
  it('keeps the first WebP that fits, without trying JPEG', async () => {
    const { encode, calls } = modelEncoder({ 'image/webp': 100_000, 'image/jpeg': 150_000 });
    const out = await encodeWithinBudget(encode, plan);
    expect(out).toMatchObject({ type: 'image/webp', quality: 0.8, scale: 1, attempts: 1 });
    expect(calls).toEqual(['image/webp@0.8x1']);
  });

  it('lowers quality before it ever scales down', async () => {
    const { encode } = modelEncoder({ 'image/webp': 150_000, 'image/jpeg': 300_000 });
    const out = await encodeWithinBudget(encode, plan);
    expect(out).toMatchObject({ type: 'image/webp', quality: 0.6, scale: 1 });
    expect(out.blob.size).toBeLessThanOrEqual(100_000);
  });

  it('takes JPEG where it is smaller and WebP misses the budget', async () => {
    const { encode } = modelEncoder({ 'image/webp': 200_000, 'image/jpeg': 160_000 });
    const out = await encodeWithinBudget(encode, plan);
    expect(out).toMatchObject({ type: 'image/jpeg', quality: 0.6, scale: 1 });
  });

  it('scales down when no quality fits at full size', async () => {
    const { encode } = modelEncoder({ 'image/webp': 400_000, 'image/jpeg': 500_000 });
    const out = await encodeWithinBudget(encode, plan);
    expect(out.scale).toBe(0.5);
    expect(out.blob.size).toBeLessThanOrEqual(100_000);
  });

  it('returns the smallest attempt when nothing fits at all', async () => {
    const { encode } = modelEncoder({ 'image/webp': 9_000_000, 'image/jpeg': 8_000_000 });
    const out = await encodeWithinBudget(encode, plan);
    expect(out).toMatchObject({ type: 'image/jpeg', quality: 0.4, scale: 0.5, attempts: 12 });
  });
});
