import { describe, expect, it } from 'vitest';
import { BlobSink } from './blob-sink';

describe('BlobSink', () => {
  it('gives back every byte written, in order, across folds of a few MB', async () => {
    const sink = new BlobSink();
    const chunk = (n: number, fill: number) => new Uint8Array(n).fill(fill);
    sink.write(chunk(3 * 1024 * 1024, 1));
    sink.write(chunk(2 * 1024 * 1024, 2)); // past 4 MB waiting: folded here
    sink.write(chunk(10, 3));
    const blob = sink.toBlob();
    expect(blob.type).toBe('application/zip');
    expect(sink.size).toBe(5 * 1024 * 1024 + 10);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect(bytes.length).toBe(sink.size);
    expect([bytes[0], bytes[3 * 1024 * 1024], bytes.at(-1)]).toEqual([1, 2, 3]);
  });
});
