/**
 * An image's pixel size read from its header, without decoding it: a 2 MB PNG
 * can declare 40,000 × 40,000 pixels (6.4 GB once decoded), and only the
 * header says so before the browser tries. Formats by their magic bytes, never
 * by the file's claimed type. Returns null for a format we do not parse (the
 * caller then checks the decoded bitmap instead) or a truncated header.
 *
 * Layouts: PNG IHDR (https://www.w3.org/TR/png/#11IHDR), GIF logical screen
 * (https://www.w3.org/Graphics/GIF/spec-gif89a.txt §18), WebP VP8/VP8L/VP8X
 * (https://developers.google.com/speed/webp/docs/riff_container and RFC 9649),
 * JPEG SOFn markers (ITU-T T.81 §B.2.2), BMP BITMAPINFOHEADER.
 */
export interface ImageSize {
  width: number;
  height: number;
}

type Read = (offset: number, length: number) => Promise<Uint8Array>;

const blobReader =
  (blob: Blob): Read =>
  async (offset, length) =>
    new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());

const ascii = (b: Uint8Array, at: number, text: string) => [...text].every((c, i) => b[at + i] === c.charCodeAt(0));
const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);
const u32be = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + ((b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!);
const i32le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24);

// JPEG metadata segments (EXIF, ICC profiles, XMP) come before the frame header
// and may run to megabytes; walk at most this far, and this many segments.
const JPEG_SCAN_BYTES = 16 * 1024 * 1024;
const JPEG_MAX_SEGMENTS = 4_096;

async function jpegSize(read: Read): Promise<ImageSize | null> {
  let offset = 2; // after SOI (FF D8)
  for (let segments = 0; segments < JPEG_MAX_SEGMENTS && offset < JPEG_SCAN_BYTES; segments++) {
    const head = await read(offset, 9);
    if (head.length < 4 || head[0] !== 0xff) return null;
    const marker = head[1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte before a marker
      continue;
    }
    // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (head.length < 9) return null;
      return { height: u16be(head, 5), width: u16be(head, 7) };
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image, or scan data with no frame header seen
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2; // markers without a length
      continue;
    }
    offset += 2 + u16be(head, 2);
  }
  return null;
}

export async function readImageSize(file: Blob): Promise<ImageSize | null> {
  const read = blobReader(file);
  const b = await read(0, 32);
  if (b.length >= 24 && b[0] === 0x89 && ascii(b, 1, 'PNG\r\n\x1a\n') && ascii(b, 12, 'IHDR')) {
    return { width: u32be(b, 16), height: u32be(b, 20) };
  }
  if (b.length >= 10 && (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a'))) {
    return { width: u16le(b, 6), height: u16le(b, 8) };
  }
  if (b.length >= 30 && ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) {
    if (ascii(b, 12, 'VP8X')) return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
    if (ascii(b, 12, 'VP8L') && b[20] === 0x2f) {
      const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    if (ascii(b, 12, 'VP8 ') && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) {
      return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
    }
    return null;
  }
  if (b.length >= 26 && ascii(b, 0, 'BM')) {
    return { width: Math.abs(i32le(b, 18)), height: Math.abs(i32le(b, 22)) };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpegSize(read);
  return null;
}
