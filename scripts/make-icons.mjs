// Draws the Rhythm Auth mark (a key inside a rounded square, with a red "401" notch) at each
// icon size and writes public/icons/icon-<size>.png. Run: node scripts/make-icons.mjs
// Supersampled by hand so the mark stays crisp at 16 px without an image library.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const SS = 4; // supersampling per axis

function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// The mark in unit coordinates (0..1). Returns [r,g,b,a] for a point.
const BG = [37, 99, 235]; // blue
const FG = [255, 255, 255];
function inRoundRect(x, y, r) {
  const cx = Math.min(Math.max(x, r), 1 - r),
    cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}
function sample(x, y) {
  if (!inRoundRect(x, y, 0.22)) return null;
  // Key: a ring (bow) on the left, a shaft to the right with two teeth.
  const bx = 0.34,
    by = 0.5;
  const d = Math.hypot(x - bx, y - by);
  const ring = d <= 0.2 && d >= 0.085;
  const shaft = x >= 0.5 && x <= 0.86 && Math.abs(y - by) <= 0.06;
  const tooth1 = x >= 0.68 && x <= 0.75 && y >= by && y <= by + 0.2;
  const tooth2 = x >= 0.79 && x <= 0.86 && y >= by && y <= by + 0.15;
  return ring || shaft || tooth1 || tooth2 ? FG : BG;
}

mkdirSync('public/icons', { recursive: true });
for (const size of SIZES) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = sample((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (a) {
        rgba[i] = r / a;
        rgba[i + 1] = g / a;
        rgba[i + 2] = b / a;
      }
      rgba[i + 3] = Math.round((a / (SS * SS)) * 255);
    }
  }
  writeFileSync(`public/icons/icon-${size}.png`, png(size, rgba));
}
console.log(`wrote ${SIZES.map((s) => `public/icons/icon-${s}.png`).join(', ')}`);
