import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { exifDate, heicSize, ImageError, probeImage, sniffImage } from './header.js';

function crc32(b: Buffer): number {
  let c = ~0;
  for (const x of b) {
    c ^= x;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function pngHeader(w: number, h: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(0))), chunk('IEND', Buffer.alloc(0))]);
}
const problem = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof ImageError ? e.problem : 'other';
  }
  return null;
};

describe('image header probe (before any decoding)', () => {
  it('reads PNG, JPEG and WebP dimensions', () => {
    expect(probeImage(pngHeader(1170, 2532))).toEqual({ format: 'png', width: 1170, height: 2532 });
    const sof = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x04, 0xf2, 0x02, 0x49, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(probeImage(sof)).toEqual({ format: 'jpeg', width: 585, height: 1266 });
    const vp8x = Buffer.alloc(30);
    vp8x.write('RIFF', 0, 'latin1');
    vp8x.write('WEBPVP8X', 8, 'latin1');
    vp8x.writeUIntLE(1169, 24, 3);
    vp8x.writeUIntLE(2531, 27, 3);
    expect(probeImage(vp8x)).toEqual({ format: 'webp', width: 1170, height: 2532 });
  });

  it('reads the WebP that sharp writes (lossy VP8, lossless VP8L)', async () => {
    const sharp = (await import('sharp')).default;
    const img = sharp({ create: { width: 390, height: 844, channels: 3, background: '#ededed' } });
    expect(probeImage(await img.clone().webp({ quality: 50 }).toBuffer())).toEqual({ format: 'webp', width: 390, height: 844 });
    expect(probeImage(await img.clone().webp({ lossless: true }).toBuffer())).toEqual({ format: 'webp', width: 390, height: 844 });
    expect(probeImage(await img.clone().jpeg().toBuffer())).toEqual({ format: 'jpeg', width: 390, height: 844 });
  });

  it('refuses a 20000×20000 image, a truncated header, HEIC and non-images with their own problem', () => {
    expect(problem(() => probeImage(pngHeader(20000, 20000)))).toBe('too_large');
    expect(problem(() => probeImage(pngHeader(1170, 2532).subarray(0, 20)))).toBe('truncated');
    expect(problem(() => probeImage(Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic', 'latin1')))).toBe('heic');
    expect(problem(() => probeImage(Buffer.from('%PDF-1.7 hello')))).toBe('not_image');
    expect(problem(() => probeImage(pngHeader(10, 10)))).toBe('too_small');
    expect(sniffImage(Buffer.from('<?xml version="1.0"?><smses>'))).toBeNull();
  });

  it('reads a HEIC\'s size from its ispe box before decoding, and refuses a huge one there', () => {
    const heic = readFileSync(new URL('../../../test/fixtures/heic/call-log.heic', import.meta.url));
    expect(probeImage(heic)).toEqual({ format: 'heic', width: 584, height: 1264 });
    expect(heicSize(heic)).toEqual({ width: 584, height: 1264 });
    // The same file claiming 12000×12000 (144 MP) stops at the header: nothing is decoded.
    const big = Buffer.from(heic);
    const at = big.indexOf(Buffer.from('ispe', 'latin1'));
    big.writeUInt32BE(12000, at + 8);
    big.writeUInt32BE(12000, at + 12);
    expect(problem(() => probeImage(big))).toBe('too_large');
    // 8000×8100 (64.8 MP): over HEIC_MAX_PIXELS (and the lower MAX_PIXELS every format has).
    big.writeUInt32BE(8000, at + 8);
    big.writeUInt32BE(8100, at + 12);
    expect(problem(() => probeImage(big))).toBe('too_large');
    // A HEIC cut before its meta box has no size: refused with the message asking for JPG.
    expect(problem(() => probeImage(heic.subarray(0, 40)))).toBe('heic');
  });

  it('finds the EXIF capture date of a JPEG', () => {
    const exif = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x40]), Buffer.from('Exif\0\0MM\0*\0\0\0\x08 2026:11:27 14:32:05\0', 'latin1')]);
    expect(exifDate(exif)).toBe('2026-11-27');
    expect(exifDate(pngHeader(100, 100))).toBeNull();
  });
});
