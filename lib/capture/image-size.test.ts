import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { be16, blob, bytes, jpeg, le16, le24, le32, padding, png } from './image-headers.fixture';
import { readImageSize } from './image-size';

describe('readImageSize', () => {
  it('reads PNG from IHDR, whatever type the file claims', async () => {
    expect(await readImageSize(blob(png(40_000, 30_000), 'image/jpeg'))).toEqual({ width: 40_000, height: 30_000 });
    expect(await readImageSize(blob(png(2 ** 31 + 5, 1)))).toEqual({ width: 2 ** 31 + 5, height: 1 });
  });

  it('reads the PNG icons this extension ships', async () => {
    const icon = readFileSync(join(__dirname, '../../public/icon/128.png'));
    expect(await readImageSize(new Blob([icon]))).toEqual({ width: 128, height: 128 });
  });

  it('reads JPEG from its frame header, past metadata segments', async () => {
    expect(await readImageSize(blob(jpeg(6_000, 4_000), 'image/jpeg'))).toEqual({ width: 6_000, height: 4_000 });
    expect(await readImageSize(blob(jpeg(65_000, 65_000, 60_000), 'image/jpeg'))).toEqual({ width: 65_000, height: 65_000 });
  });

  it('reads WebP: lossy (VP8), lossless (VP8L) and extended (VP8X)', async () => {
    const riff = (chunk: string, body: number[]) => bytes('RIFF', le32(4 + 8 + body.length), 'WEBP', chunk, le32(body.length), body, padding);
    const vp8 = riff('VP8 ', [0x10, 0x02, 0x00, 0x9d, 0x01, 0x2a, ...le16(1_920), ...le16(1_080)]);
    const w = 16_383, h = 9_000;
    const bits = ((w - 1) | ((h - 1) << 14)) >>> 0;
    const vp8l = riff('VP8L', [0x2f, ...le32(bits)]);
    const vp8x = riff('VP8X', [0x10, 0, 0, 0, ...le24(39_999), ...le24(29_999)]);
    expect(await readImageSize(blob(vp8, 'image/webp'))).toEqual({ width: 1_920, height: 1_080 });
    expect(await readImageSize(blob(vp8l, 'image/webp'))).toEqual({ width: w, height: h });
    expect(await readImageSize(blob(vp8x, 'image/webp'))).toEqual({ width: 40_000, height: 30_000 });
  });

  it('reads GIF and BMP (a BMP stored top-down has a negative height)', async () => {
    expect(await readImageSize(blob(bytes('GIF89a', le16(640), le16(480), padding), 'image/gif'))).toEqual({ width: 640, height: 480 });
    const bmp = bytes('BM', new Uint8Array(16), le32(50_000), le32(-20_000 >>> 0), padding);
    expect(await readImageSize(blob(bmp, 'image/bmp'))).toEqual({ width: 50_000, height: 20_000 });
  });

  it('says null for formats it does not read, and for cut-off headers', async () => {
    expect(await readImageSize(blob(bytes([0, 0, 0, 0x1c], 'ftypavif', padding), 'image/avif'))).toBeNull();
    expect(await readImageSize(blob(png(10, 10).slice(0, 18)))).toBeNull();
    expect(await readImageSize(blob(bytes([0xff, 0xd8, 0xff, 0xe1], be16(60_000)), 'image/jpeg'))).toBeNull();
  });
});
