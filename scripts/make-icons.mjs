// Draws the toolbar icon (a red rounded square with a white exclamation mark)
// at each size the manifest needs and writes public/icon/<size>.png, and the
// store listing icon docs/store/icon-128.png: 128×128 with the artwork in the
// middle 96×96, as the Chrome Web Store asks
// (https://developer.chrome.com/docs/webstore/images#icons); AMO takes it too.
// Plain Node (zlib for PNG deflate), 4x4 supersampling for smooth edges.
// Run: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const RED = [217, 45, 32];
const WHITE = [255, 255, 255];

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

// Shape in unit coordinates (0..1): 0 = transparent, 1 = red, 2 = white.
function shape(x, y) {
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return 0;
  const barHalf = 0.085;
  if (Math.abs(x - 0.5) < barHalf && y > 0.18 && y < 0.6) return 2;
  if ((x - 0.5) ** 2 + (y - 0.76) ** 2 < 0.095 ** 2) return 2;
  return 1;
}

/** A PNG of `size` pixels with the icon drawn inside a transparent border of `pad` pixels. */
function png(size, pad = 0) {
  const ss = 4;
  const art = size - 2 * pad;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      let a = 0, r = 0, g = 0, b = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px - pad + (sx + 0.5) / ss) / art;
          const y = (py - pad + (sy + 0.5) / ss) / art;
          const s = x < 0 || x > 1 || y < 0 || y > 1 ? 0 : shape(x, y);
          if (!s) continue;
          const c = s === 2 ? WHITE : RED;
          a += 1; r += c[0]; g += c[1]; b += c[2];
        }
      }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((255 * a) / (ss * ss));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of SIZES) writeFileSync(`public/icon/${size}.png`, png(size));
console.log(`wrote public/icon/{${SIZES.join(',')}}.png`);
mkdirSync('docs/store', { recursive: true });
writeFileSync('docs/store/icon-128.png', png(128, 16));
console.log('wrote docs/store/icon-128.png');
