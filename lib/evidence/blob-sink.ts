import type { PackSink } from './zip-writer';

/** Chunks are folded into the Blob once this many bytes wait in the JS heap. */
const FOLD_BYTES = 4 * 1024 * 1024;

/**
 * Collects a streamed zip into one Blob without the JS heap ever holding the
 * whole zip. Chunks wait in an array until a few MB have come, then are folded
 * into the Blob built so far: a Blob's bytes are copied out of the JS heap into
 * the browser's blob storage, which Chromium keeps outside the renderer and
 * pages to disk when large (BlobMemoryController:
 * https://chromium.googlesource.com/chromium/src/+/HEAD/storage/browser/blob/README.md),
 * and a new Blob made of an old one refers to it instead of copying it. So
 * the heap holds at most one batch of chunks; the pack of 2,000 screenshots
 * never sits whole in it (bench/evidence.run.ts measures this).
 */
export class BlobSink implements PackSink {
  private blob: Blob;
  private parts: Uint8Array[] = [];
  private waiting = 0;
  private written = 0;

  constructor(private readonly type = 'application/zip') {
    this.blob = new Blob([], { type });
  }

  write(chunk: Uint8Array): void {
    this.parts.push(chunk);
    this.waiting += chunk.length;
    this.written += chunk.length;
    if (this.waiting >= FOLD_BYTES) this.fold();
  }

  /** Bytes written so far. */
  get size(): number {
    return this.written;
  }

  /** The zip as one Blob (call once the pack is finished). */
  toBlob(): Blob {
    this.fold();
    return this.blob;
  }

  private fold(): void {
    if (!this.parts.length) return;
    this.blob = new Blob([this.blob, ...(this.parts as BlobPart[])], { type: this.type });
    this.parts = [];
    this.waiting = 0;
  }
}
