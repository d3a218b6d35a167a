/**
 * A display of its own for a headed browser (Xvfb), and its whole screen as a PNG. With
 * `-fbdir <dir>`, Xvfb keeps its framebuffer
 * in `<dir>/Xvfb_screen0` as an XWD image (X Window Dump, X11's `XWDFileHeader`). Playwright's
 * screenshots hold only a page; this one holds the browser's own toolbar too (the badge), for
 * the first-run screenshot. Reads 24/32-bit ZPixmap only: what `Xvfb -screen 0 WxHx24` keeps.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

interface Xwd {
  width: number;
  height: number;
  /** RGB, 3 bytes per pixel, row by row. */
  rgb: Buffer;
}

export function readXwd(file: Buffer): Xwd {
  const u32 = (i: number) => file.readUInt32BE(i * 4);
  const [headerSize, version, format, depth, width, height] = [0, 1, 2, 3, 4, 5].map(u32) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const byteOrder = u32(7); // 0 LSBFirst, 1 MSBFirst
  const bitsPerPixel = u32(11);
  const bytesPerLine = u32(12);
  const colormapEntries = u32(19);
  if (version !== 7 || format !== 2 || depth < 24 || bitsPerPixel !== 32)
    throw new Error(`Unsupported XWD: version ${version}, format ${format}, ${bitsPerPixel} bpp`);
  const start = headerSize + colormapEntries * 12;
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = start + y * bytesPerLine + x * 4;
      const pixel = byteOrder === 0 ? file.readUInt32LE(at) : file.readUInt32BE(at);
      const o = (y * width + x) * 3;
      rgb[o] = (pixel >> 16) & 0xff;
      rgb[o + 1] = (pixel >> 8) & 0xff;
      rgb[o + 2] = pixel & 0xff;
    }
  }
  return { width, height, rgb };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

export function encodePng({ width, height, rgb }: Xwd): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, no filter, no interlace
  const rows = Buffer.alloc(height * (width * 3 + 1));
  for (let y = 0; y < height; y++)
    rgb.copy(rows, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The screen of the Xvfb whose `-fbdir` is `dir`, as PNG bytes. */
export function xvfbScreenPng(dir: string): Buffer {
  return encodePng(readXwd(readFileSync(join(dir, 'Xvfb_screen0'))));
}

/** `Xvfb` on PATH, or null: the specs that need a display skip without it. */
export function xvfbPath(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v Xvfb']).stdout.toString().trim();
  return found || null;
}

export interface Xvfb {
  /** `:<n>`, for DISPLAY. */
  display: string;
  /** Where its framebuffer is (xvfbScreenPng), when started with `fbdir`. */
  fbdir: string | null;
  close(): void;
}

/** An X server of its own on a free display (`-displayfd`: no fixed display number to collide on). */
export async function startXvfb(
  size: string,
  fbdir: string | null = null,
  extraArgs: string[] = [],
): Promise<Xvfb> {
  const path = xvfbPath();
  if (!path) throw new Error('No Xvfb: apt-get install xvfb');
  const args = ['-displayfd', '3', '-screen', '0', size, '-nolisten', 'tcp', ...extraArgs];
  const server = spawn(path, fbdir ? [...args, '-fbdir', fbdir] : args, {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const display = await new Promise<string>((done, fail) => {
    server.stdio[3]!.once('data', (d: Buffer) => done(`:${d.toString().trim()}`));
    server.once('exit', (code) => fail(new Error(`Xvfb exited with ${code}`)));
  });
  return { display, fbdir, close: () => void server.kill('SIGTERM') };
}
