/**
 * Image type and size from the first bytes, before anything is decoded: a 20000×20000 image is refused here,
 * so memory stays bounded whatever arrives. PNG (IHDR), JPEG (the first SOFn marker), WebP (VP8 / VP8L / VP8X),
 * GIF, BMP; HEIC/HEIF (iPhone photos and screenshots sent as they are) by its ftyp box, its size from the largest
 * `ispe` property in meta/iprp/ipco (a grid image's own ispe is the whole picture; its tiles' are smaller), so a
 * huge HEIC is refused before the WASM decoder (engine.ts, heic-decode / libheif-js) allocates its pixels. A HEIC
 * whose size cannot be read, or that the decoder cannot read (an AVIF, a HEVC variant it lacks), gets a message
 * asking for JPG.
 */
import type { ImageFormat } from './types.js';

/** A phone screenshot is ≤ ~1300 px wide; a long screenshot can be 1170 × 30000. */
export const MAX_SIDE = 40_000;
export const MAX_PIXELS = 50_000_000;
export const MIN_SIDE = 64;
/**
 * A HEIC is decoded whole to RGBA inside the WASM heap before it is scaled (4 bytes a pixel, plus a copy): at most
 * this many pixels (the brief's 64 MP; MAX_PIXELS, lower, applies to every format first, so a 48 MP iPhone photo
 * passes and a larger one is refused).
 */
export const HEIC_MAX_PIXELS = 64_000_000;

export type ImageProblem = 'not_image' | 'heic' | 'too_large' | 'too_small' | 'truncated' | 'unsupported' | 'no_text' | 'unknown_layout';

/** A screenshot that cannot be read, with a message for a person (Chinese, then English). */
export class ImageError extends Error {
  constructor(
    readonly problem: ImageProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ImageError';
  }
}

export interface ImageInfo {
  format: ImageFormat;
  width: number;
  height: number;
}

/** The format from the magic bytes alone, or null (not an image this importer knows). */
export function sniffImage(head: Uint8Array): ImageFormat | null {
  const b = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (b.length >= 8 && b.readUInt32BE(0) === 0x89504e47 && b.readUInt32BE(4) === 0x0d0a1a0a) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (b.length >= 6 && /^GIF8[79]a$/.test(b.toString('latin1', 0, 6))) return 'gif';
  if (b.length >= 2 && b.toString('latin1', 0, 2) === 'BM') return b.length >= 26 ? 'bmp' : null;
  if (b.length >= 12 && b.toString('latin1', 4, 8) === 'ftyp') {
    const brand = b.toString('latin1', 8, 12);
    if (/^(heic|heix|hevc|hevx|heim|heis|mif1|msf1|avif)$/.test(brand)) return 'heic';
  }
  return null;
}

const M = {
  heic: '这张 HEIC/HEIF 图片读不出来（文件不完整，或是护讯不认识的 HEIC 变体）：请在手机上把截图存为 JPG/PNG（iPhone：设置 → 相机 → 格式 → 兼容性最佳），或用微信发送后保存 / this HEIC image cannot be read (incomplete, or a HEIC variant Huxun does not know): save the screenshot as JPG or PNG (iPhone: Settings → Camera → Formats → Most Compatible)',
  truncated: '图片文件不完整（可能没下载完或被截断），请重新保存一份 / the image file is incomplete (truncated); save it again',
  notImage: '不是 PNG、JPEG 或 WebP 图片 / not a PNG, JPEG or WebP image',
};

function tooLarge(w: number, h: number): ImageError {
  return new ImageError('too_large', `图片尺寸 ${w}×${h} 太大，不像手机截图（最大 ${MAX_PIXELS / 1e6} 百万像素、单边 ${MAX_SIDE} 像素）/ the image is ${w}×${h}, too large for a phone screenshot (at most ${MAX_PIXELS / 1e6} megapixels, ${MAX_SIDE} px a side)`);
}

/** Format and dimensions from the header; throws ImageError for anything that should not be decoded. */
export function probeImage(head: Uint8Array): ImageInfo {
  const format = sniffImage(head);
  if (format == null) throw new ImageError('not_image', M.notImage);
  const b = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (format === 'heic') {
    const size = heicSize(b);
    if (!size) throw new ImageError('heic', M.heic);
    if (size.width * size.height > HEIC_MAX_PIXELS) throw tooLarge(size.width, size.height);
  }
  let size: { width: number; height: number } | null = null;
  if (format === 'png') {
    if (b.length < 24 || b.toString('latin1', 12, 16) !== 'IHDR') throw new ImageError('truncated', M.truncated);
    size = { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  } else if (format === 'jpeg') size = jpegSize(b);
  else if (format === 'webp') size = webpSize(b);
  else if (format === 'gif') size = b.length >= 10 ? { width: b.readUInt16LE(6), height: b.readUInt16LE(8) } : null;
  else if (format === 'bmp') size = { width: Math.abs(b.readInt32LE(18)), height: Math.abs(b.readInt32LE(22)) };
  else if (format === 'heic') size = heicSize(b);
  if (!size) throw new ImageError('truncated', M.truncated);
  const { width, height } = size;
  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) throw tooLarge(width, height);
  if (width < MIN_SIDE || height < MIN_SIDE) throw new ImageError('too_small', `图片只有 ${width}×${height} 像素，太小，读不出文字 / the image is only ${width}×${height} px, too small to read`);
  return { format, width, height };
}

/** Boxes of an ISO BMFF byte range: [type, start of body, end]. A box running past the range ends the walk. */
function* boxes(b: Buffer, start: number, end: number): Generator<[string, number, number]> {
  let p = start;
  while (p + 8 <= end) {
    let size = b.readUInt32BE(p);
    let body = p + 8;
    if (size === 1) {
      if (p + 16 > end) return;
      const big = b.readBigUInt64BE(p + 8);
      if (big > BigInt(end - p)) return;
      size = Number(big);
      body = p + 16;
    } else if (size === 0) size = end - p;
    if (size < body - p || p + size > end) return;
    yield [b.toString('latin1', p + 4, p + 8), body, p + size];
    p += size;
  }
}

/** The largest `ispe` (image spatial extents) of a HEIF's meta box: the picture's size before decoding, or null. */
export function heicSize(b: Buffer): { width: number; height: number } | null {
  let best: { width: number; height: number } | null = null;
  for (const [type, body, end] of boxes(b, 0, b.length)) {
    if (type !== 'meta') continue;
    for (const [t2, b2, e2] of boxes(b, body + 4, end)) {
      if (t2 !== 'iprp') continue;
      for (const [t3, b3, e3] of boxes(b, b2, e2)) {
        if (t3 !== 'ipco') continue;
        for (const [t4, b4, e4] of boxes(b, b3, e3)) {
          if (t4 !== 'ispe' || e4 - b4 < 12) continue;
          const width = b.readUInt32BE(b4 + 4);
          const height = b.readUInt32BE(b4 + 8);
          if (!best || width * height > best.width * best.height) best = { width, height };
        }
      }
    }
  }
  return best;
}

function jpegSize(b: Buffer): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    const len = b.readUInt16BE(i + 2);
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    if (marker === 0xda || len < 2) return null;
    i += 2 + len;
  }
  return null;
}

function webpSize(b: Buffer): { width: number; height: number } | null {
  if (b.length < 30) return null;
  const chunk = b.toString('latin1', 12, 16);
  if (chunk === 'VP8X') return { width: 1 + b.readUIntLE(24, 3), height: 1 + b.readUIntLE(27, 3) };
  if (chunk === 'VP8L') {
    const bits = b.readUInt32LE(21);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  if (chunk === 'VP8 ') return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  return null;
}

/** EXIF DateTimeOriginal / DateTime of a JPEG as "YYYY-MM-DD" (the capture date relative labels refer to), or null. */
export function exifDate(b: Uint8Array): string | null {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  // The EXIF date is ASCII "YYYY:MM:DD HH:MM:SS" inside the APP1 segment near the start; a bounded scan is enough.
  const head = buf.subarray(0, Math.min(buf.length, 128 * 1024)).toString('latin1');
  const app1 = head.indexOf('Exif\u0000\u0000');
  if (app1 < 0) return null;
  const m = /((?:19|20)\d\d):([01]\d):([0-3]\d) [0-2]\d:[0-5]\d:[0-5]\d/.exec(head.slice(app1, app1 + 64 * 1024));
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}
