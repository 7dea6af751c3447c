// Test fixtures: image headers built by hand from the format specs (see image-size.ts).
// Each has a body of padding: enough to prove the size comes from the header, not from decoding.
export const bytes = (...parts: (number[] | string | Uint8Array)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : [...p])));
export const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
export const be16 = (n: number) => [(n >>> 8) & 255, n & 255];
export const le16 = (n: number) => [n & 255, (n >>> 8) & 255];
export const le24 = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255];
export const le32 = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];
export const blob = (b: Uint8Array, type = 'image/png') => new Blob([b as BlobPart], { type });
export const padding = new Uint8Array(64);

export const png = (w: number, h: number) => bytes([0x89], 'PNG\r\n\x1a\n', be32(13), 'IHDR', be32(w), be32(h), [8, 6, 0, 0, 0], padding);
export const jpeg = (w: number, h: number, metadataBytes = 0) =>
  bytes(
    [0xff, 0xd8],
    // An APP1 (EXIF) segment, then an APP2 (ICC) of `metadataBytes`, then the quantisation table, then SOF2.
    [0xff, 0xe1], be16(2 + 6), 'Exif\0\0',
    ...(metadataBytes ? [[0xff, 0xe2], be16(2 + metadataBytes), new Uint8Array(metadataBytes)] : []),
    [0xff, 0xff], // a fill byte
    [0xff, 0xdb], be16(2 + 3), [0, 1, 2],
    [0xff, 0xc2], be16(17), [8], be16(h), be16(w), [3],
    padding,
  );

