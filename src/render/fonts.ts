/**
 * Fonts for the PDF renderer.
 *
 * - The CJK font ships through npm: @fontsource/noto-sans-sc's chinese-simplified WOFF (400 and 700), converted
 *   to TTF in memory once (pdfkit renders WOFF 150× slower and WOFF2 as blank glyphs; reference/stack.md §6).
 * - pdfkit has no per-glyph fallback, so we read each font's cmap ourselves and split text into runs by coverage
 *   (segments.ts). Fallback fonts are optional system fonts found on disk (Noto CJK, WenQuanYi, DejaVu…).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';

/** sfnt (TTF/OTF) bytes from WOFF 1.0 bytes. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) throw new Error('not a WOFF file');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: { tag: number; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const e = 44 + i * 20;
    const tag = woff.readUInt32BE(e);
    const offset = woff.readUInt32BE(e + 4);
    const compLength = woff.readUInt32BE(e + 8);
    const origLength = woff.readUInt32BE(e + 12);
    const checksum = woff.readUInt32BE(e + 16);
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(raw) : raw;
    if (data.length !== origLength) throw new Error(`WOFF table ${i}: ${data.length} bytes, expected ${origLength}`);
    tables.push({ tag, checksum, data });
  }
  tables.sort((a, b) => a.tag - b.tag);
  let entrySelector = 0;
  while (1 << (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = (1 << entrySelector) * 16;
  const headerLen = 12 + 16 * numTables;
  const total = tables.reduce((n, t) => n + ((t.data.length + 3) & ~3), headerLen);
  const out = Buffer.alloc(total);
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);
  let off = headerLen;
  tables.forEach((t, i) => {
    const r = 12 + i * 16;
    out.writeUInt32BE(t.tag, r);
    out.writeUInt32BE(t.checksum, r + 4);
    out.writeUInt32BE(off, r + 8);
    out.writeUInt32BE(t.data.length, r + 12);
    t.data.copy(out, off);
    off += (t.data.length + 3) & ~3;
  });
  return out;
}

/** Which code points a font maps to a real glyph: a bitmap over U+0000…U+10FFFF. */
export class Coverage {
  private readonly bits = new Uint8Array(0x110000 >> 3);
  add(cp: number): void {
    this.bits[cp >> 3]! |= 1 << (cp & 7);
  }
  has(cp: number): boolean {
    return cp >= 0 && cp < 0x110000 && (this.bits[cp >> 3]! & (1 << (cp & 7))) !== 0;
  }
}

interface SfntTables {
  tables: Map<string, { offset: number; length: number }>;
}

function readTableDir(buf: Buffer, at: number): SfntTables {
  const n = buf.readUInt16BE(at + 4);
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < n; i++) {
    const r = at + 12 + i * 16;
    tables.set(buf.toString('latin1', r, r + 4), { offset: buf.readUInt32BE(r + 8), length: buf.readUInt32BE(r + 12) });
  }
  return { tables };
}

/** The sfnt offsets inside a file: one for a TTF/OTF, one per font for a TTC. */
function fontOffsets(buf: Buffer): number[] {
  if (buf.toString('latin1', 0, 4) === 'ttcf') {
    const n = buf.readUInt32BE(8);
    return Array.from({ length: n }, (_, i) => buf.readUInt32BE(12 + i * 4));
  }
  return [0];
}

/** PostScript name (name ID 6) of the font whose table directory is at `at`. */
function postscriptName(buf: Buffer, t: SfntTables): string | null {
  const name = t.tables.get('name');
  if (!name) return null;
  const base = name.offset;
  const count = buf.readUInt16BE(base + 2);
  const strings = base + buf.readUInt16BE(base + 4);
  for (let i = 0; i < count; i++) {
    const r = base + 6 + i * 12;
    const platform = buf.readUInt16BE(r);
    const nameId = buf.readUInt16BE(r + 6);
    if (nameId !== 6) continue;
    const len = buf.readUInt16BE(r + 8);
    const off = strings + buf.readUInt16BE(r + 10);
    const raw = buf.subarray(off, off + len);
    if (platform === 3 || platform === 0) return Buffer.from(raw).swap16().toString('utf16le');
    return raw.toString('latin1');
  }
  return null;
}

function readCmap(buf: Buffer, t: SfntTables): Coverage {
  const cov = new Coverage();
  const cmap = t.tables.get('cmap');
  if (!cmap) return cov;
  const base = cmap.offset;
  const n = buf.readUInt16BE(base + 2);
  let best: { rank: number; off: number } | null = null;
  for (let i = 0; i < n; i++) {
    const r = base + 4 + i * 8;
    const platform = buf.readUInt16BE(r);
    const encoding = buf.readUInt16BE(r + 2);
    const off = base + buf.readUInt32BE(r + 4);
    const format = buf.readUInt16BE(off);
    let rank = 0;
    if (format === 12 && (platform === 3 || platform === 0)) rank = 3;
    else if (format === 4 && ((platform === 3 && (encoding === 1 || encoding === 10)) || platform === 0)) rank = 2;
    if (rank && (!best || rank > best.rank)) best = { rank, off };
  }
  if (!best) return cov;
  const off = best.off;
  if (best.rank === 3) {
    const groups = buf.readUInt32BE(off + 12);
    for (let g = 0; g < groups; g++) {
      const r = off + 16 + g * 12;
      const start = buf.readUInt32BE(r);
      const end = Math.min(buf.readUInt32BE(r + 4), 0x10ffff);
      const glyph = buf.readUInt32BE(r + 8);
      for (let cp = start; cp <= end; cp++) if (glyph + (cp - start) !== 0) cov.add(cp);
    }
  } else {
    const segX2 = buf.readUInt16BE(off + 6);
    const ends = off + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const ranges = deltas + segX2;
    for (let s = 0; s < segX2; s += 2) {
      const end = buf.readUInt16BE(ends + s);
      const start = buf.readUInt16BE(starts + s);
      const delta = buf.readInt16BE(deltas + s);
      const ro = buf.readUInt16BE(ranges + s);
      for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
        let gid: number;
        if (ro === 0) gid = (cp + delta) & 0xffff;
        else {
          const g = buf.readUInt16BE(ranges + s + ro + (cp - start) * 2);
          gid = g === 0 ? 0 : (g + delta) & 0xffff;
        }
        if (gid !== 0) cov.add(cp);
      }
    }
  }
  return cov;
}

export interface LoadedFont {
  /** Name registered with pdfkit. */
  name: string;
  /** Font file bytes (sfnt, or a whole TTC with `family` naming the font in it). Held once per process. */
  src: Buffer;
  /** PostScript name for a TTC. */
  family?: string;
  coverage: Coverage;
}

/** Reads a font file (TTF/OTF/TTC) and returns it if pdfkit can draw it (outline glyphs, no CFF2/colour-only). */
export async function loadFontFile(path: string, name: string, preferPostscript?: RegExp): Promise<LoadedFont | null> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch {
    return null;
  }
  try {
    const offsets = fontOffsets(buf);
    const dirs = offsets.map((o) => readTableDir(buf, o));
    let pick = 0;
    if (preferPostscript) {
      const i = dirs.findIndex((d) => preferPostscript.test(postscriptName(buf, d) ?? ''));
      if (i >= 0) pick = i;
    }
    const t = dirs[pick]!;
    if (!(t.tables.has('glyf') || t.tables.has('CFF ')) || t.tables.has('CFF2')) return null;
    const coverage = readCmap(buf, t);
    if (offsets.length > 1) {
      const ps = postscriptName(buf, t);
      if (!ps) return null;
      return { name, src: buf, family: ps, coverage };
    }
    return { name, src: buf, coverage };
  } catch {
    return null;
  }
}

export function coverageOf(sfnt: Buffer): Coverage {
  return readCmap(sfnt, readTableDir(sfnt, 0));
}

/** System fonts tried, in order, for characters the Noto Sans SC subset lacks. Missing files are skipped. */
export const DEFAULT_FALLBACK_FONTS: readonly { path: string; prefer?: RegExp }[] = [
  // Debian/Ubuntu: fonts-noto-cjk (full CJK incl. Ext-B such as 𠮷), fonts-wqy-*, DejaVu (symbols, other scripts).
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', prefer: /CJKsc/ },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc' },
  { path: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf' },
  { path: '/usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf' },
  { path: '/usr/share/fonts/truetype/unifont/unifont.ttf' },
  // macOS
  { path: '/System/Library/Fonts/Supplemental/Arial Unicode.ttf' },
  { path: '/Library/Fonts/Arial Unicode.ttf' },
  // Windows
  { path: 'C:\\Windows\\Fonts\\simsunb.ttf' },
  { path: 'C:\\Windows\\Fonts\\seguisym.ttf' },
];

export interface FontSet {
  regular: LoadedFont;
  bold: LoadedFont;
  fallbacks: LoadedFont[];
}

const require = createRequire(import.meta.url);
function fontsourcePath(weight: 400 | 700): string {
  return require.resolve(`@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-${weight}-normal.woff`);
}

async function loadWoff(weight: 400 | 700, name: string): Promise<LoadedFont> {
  const sfnt = woffToSfnt(await readFile(fontsourcePath(weight)));
  return { name, src: sfnt, coverage: coverageOf(sfnt) };
}

const cache = new Map<string, Promise<FontSet>>();

/**
 * The fonts for a PDF: Noto Sans SC regular and bold (converted once per process and cached) and the
 * fallbacks that exist on this machine. `fallbacks` overrides the default list (paths; [] for none).
 */
export function loadFonts(fallbacks?: readonly string[]): Promise<FontSet> {
  const key = fallbacks ? JSON.stringify(fallbacks) : '(default)';
  let p = cache.get(key);
  if (!p) {
    p = (async () => {
      const list = fallbacks ? fallbacks.map((path) => ({ path, prefer: undefined })) : DEFAULT_FALLBACK_FONTS.filter((f) => existsSync(f.path));
      const [regular, bold, ...fb] = await Promise.all([
        loadWoff(400, 'hx-regular'),
        loadWoff(700, 'hx-bold'),
        ...list.map((f, i) => loadFontFile(f.path, `hx-fallback-${i}`, f.prefer)),
      ]);
      return { regular: regular as LoadedFont, bold: bold as LoadedFont, fallbacks: fb.filter((f): f is LoadedFont => f !== null) };
    })();
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}
