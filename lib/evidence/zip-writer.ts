import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { Zip, ZipDeflate, ZipPassThrough, type ZipInputFile } from 'fflate';
import type { PackedFile } from './pack-format';

/** Where the zip's bytes go, chunk by chunk, as they are made (./blob-sink.ts in the browser, a file in Node). */
export interface PackSink {
  write(chunk: Uint8Array): void;
}

/** Text is handed to the compressor in pieces about this long: one deflate block per tiny push would compress badly. */
const TEXT_BATCH = 64 * 1024;

/**
 * A zip written as a stream (fflate's `Zip`): each file is pushed in pieces
 * and its compressed bytes go straight to the sink, while the file's size and
 * SHA-256 are taken from the same pieces for the manifest. Files are written
 * one after another: fflate buffers a file added while another is open.
 */
export class ZipWriter {
  readonly files: PackedFile[] = [];
  private readonly zip: Zip;
  private failure: Error | null = null;

  constructor(
    sink: PackSink,
    private readonly mtime: Date,
  ) {
    this.zip = new Zip((error, chunk) => {
      if (error) this.failure ??= error;
      else sink.write(chunk);
    });
  }

  /** A text file, deflated, written through `write` and finished by `close`. */
  text(path: string): { write(text: string): void; close(): void } {
    const file = this.open(new ZipDeflate(path, { level: 6 }), path);
    const encoder = new TextEncoder();
    let pending: string[] = [];
    let pendingLength = 0;
    const flush = (final: boolean) => {
      file.push(encoder.encode(pending.join('')), final);
      pending = [];
      pendingLength = 0;
    };
    return {
      write: (text: string) => {
        pending.push(text);
        pendingLength += text.length;
        if (pendingLength >= TEXT_BATCH) flush(false);
      },
      close: () => flush(true),
    };
  }

  /** A whole text file at once. */
  textFile(path: string, text: string): void {
    const file = this.text(path);
    file.write(text);
    file.close();
  }

  /** Bytes stored as they are: screenshots are already compressed (WebP, JPEG, PNG). */
  stored(path: string, bytes: Uint8Array, sha256?: string): void {
    this.open(new ZipPassThrough(path), path, sha256).push(bytes, true);
  }

  /** Writes the central directory; the zip is complete once this returns. */
  end(): void {
    this.zip.end();
    this.check();
  }

  /** `known`: the SHA-256 of the whole file when the caller already took it (not hashed twice). */
  private open(entry: ZipInputFile & { push(chunk: Uint8Array, final?: boolean): void }, path: string, known?: string) {
    entry.mtime = this.mtime;
    this.zip.add(entry);
    const hash = known ? null : sha256.create();
    let size = 0;
    return {
      push: (chunk: Uint8Array, final: boolean) => {
        hash?.update(chunk);
        size += chunk.length;
        entry.push(chunk, final);
        this.check();
        if (final) this.files.push({ path, bytes: size, sha256: known ?? bytesToHex(hash!.digest()) });
      },
    };
  }

  private check(): void {
    if (this.failure) throw new Error(`The zip could not be written: ${this.failure.message}`);
  }
}
