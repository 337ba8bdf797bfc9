/**
 * Reads the text of a QR code drawn as SVG by antd's `QRCode type="svg"` (its modules are rectangles one module
 * high in the second path), so a browser test can check what a phone would scan without a decoding dependency.
 *
 * A small decoder written from ISO/IEC 18004, not from the encoder the page uses, so the check is independent of
 * it: versions 1–10 (the two-step login URI of a 64-character user name needs version 9 at level M), byte mode only
 * (an otpauth:// URI has lower-case letters), a perfect grid (no image processing, no error correction: the
 * Reed–Solomon check words are recomputed and must match, so a misread module fails instead of passing unnoticed).
 */

export interface DecodedQr {
  text: string;
  version: number;
  level: 'L' | 'M' | 'Q' | 'H';
  mask: number;
}

/** The grid of dark modules of the SVG, quiet zone cut off: grid[y][x]. */
export function svgModules(svg: string): boolean[][] {
  const paths = [...svg.matchAll(/<path\b[^>]*\bd="([^"]+)"/g)].map((m) => m[1]!);
  // The first path is the background square (M0,0 hNvNH0z); the modules are the other.
  const fg = paths.filter((d) => !/^M0,0 h(\d+)v\1H0z$/.test(d));
  if (fg.length !== 1) throw new Error(`expected one path of modules, found ${fg.length}`);
  const runs = [...fg[0]!.matchAll(/M(\d+)[ ,](\d+)\s*h(\d+)v1H(\d+)z/g)].map((m) => ({ x: +m[1]!, y: +m[2]!, w: +m[3]! }));
  if (runs.length === 0) throw new Error('no modules in the path');
  const x0 = Math.min(...runs.map((r) => r.x));
  const y0 = Math.min(...runs.map((r) => r.y));
  const size = Math.max(...runs.map((r) => r.x + r.w)) - x0;
  if (Math.max(...runs.map((r) => r.y + 1)) - y0 !== size) throw new Error('the modules are not square');
  const grid = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  for (const r of runs) for (let x = r.x; x < r.x + r.w; x++) grid[r.y - y0]![x - x0] = true;
  return grid;
}

export function decodeQrSvg(svg: string): DecodedQr {
  return decodeQrModules(svgModules(svg));
}

// Per version 1–10 and level (index L, M, Q, H): error-correction codewords per block, number of blocks (Table 9).
const ECC_PER_BLOCK: Record<DecodedQr['level'], number[]> = {
  L: [7, 10, 15, 20, 26, 18, 20, 24, 30, 18],
  M: [10, 16, 26, 18, 24, 16, 18, 22, 22, 26],
  Q: [13, 22, 18, 26, 18, 24, 18, 22, 20, 24],
  H: [17, 28, 22, 16, 22, 28, 26, 26, 24, 28],
};
const BLOCKS: Record<DecodedQr['level'], number[]> = {
  L: [1, 1, 1, 1, 1, 2, 2, 2, 2, 4],
  M: [1, 1, 1, 2, 2, 4, 4, 4, 5, 5],
  Q: [1, 1, 2, 2, 4, 4, 6, 6, 8, 8],
  H: [1, 1, 2, 4, 4, 4, 5, 6, 8, 8],
};
// Centres of the alignment patterns (Annex E), versions 2–10.
const ALIGN: number[][] = [[], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50]];
// The two format bits of each level: L 01, M 00, Q 11, H 10.
const LEVEL_OF_BITS: DecodedQr['level'][] = ['M', 'L', 'H', 'Q'];

const MASKS: ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

function formatBch(data5: number): number {
  let rem = data5;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  return ((data5 << 10) | rem) ^ 0x5412;
}

export function decodeQrModules(grid: boolean[][]): DecodedQr {
  const n = grid.length;
  const version = (n - 17) / 4;
  if (!Number.isInteger(version) || version < 1 || version > 10) throw new Error(`unsupported size ${n} (versions 1–10)`);
  const at = (x: number, y: number) => (grid[y]![x] ? 1 : 0);

  // Format information, both copies.
  let f1 = 0;
  const first: [number, number][] = [[8, 0], [8, 1], [8, 2], [8, 3], [8, 4], [8, 5], [8, 7], [8, 8], [7, 8], [5, 8], [4, 8], [3, 8], [2, 8], [1, 8], [0, 8]];
  first.forEach(([x, y], i) => (f1 |= at(x, y) << i));
  let f2 = 0;
  for (let i = 0; i < 8; i++) f2 |= at(n - 1 - i, 8) << i;
  for (let i = 8; i < 15; i++) f2 |= at(8, n - 15 + i) << i;
  if (f1 !== f2) throw new Error('the two copies of the format information differ');
  const data5 = (f1 ^ 0x5412) >>> 10;
  if (formatBch(data5) !== f1) throw new Error('format information fails its BCH check');
  const level = LEVEL_OF_BITS[data5 >>> 3]!;
  const mask = data5 & 7;

  // Function patterns: finders with separators and format areas, timing, alignment, version information.
  const reserved = Array.from({ length: n }, (_, y) =>
    Array.from({ length: n }, (_, x) => (x < 9 && y < 9) || (x >= n - 8 && y < 9) || (x < 9 && y >= n - 8) || x === 6 || y === 6),
  );
  const centres = ALIGN[version - 1]!;
  for (const cy of centres)
    for (const cx of centres) {
      if ((cx === 6 && cy === 6) || (cx === 6 && cy === n - 7) || (cx === n - 7 && cy === 6)) continue;
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) reserved[cy + dy]![cx + dx] = true;
    }
  if (version >= 7)
    for (let i = 0; i < 6; i++)
      for (let j = n - 11; j < n - 8; j++) {
        reserved[i]![j] = true;
        reserved[j]![i] = true;
      }

  // Data bits in the zigzag order, two columns at a time from the right, skipping the vertical timing column.
  const bits: number[] = [];
  for (let right = n - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    const upward = ((right + 1) & 2) === 0;
    for (let v = 0; v < n; v++)
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const y = upward ? n - 1 - v : v;
        if (!reserved[y]![x]) bits.push(at(x, y) ^ (MASKS[mask]!(x, y) ? 1 : 0));
      }
  }
  const raw: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) raw.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));

  // De-interleave the blocks (the short blocks come first and have one data codeword fewer) and check each.
  const nBlocks = BLOCKS[level][version - 1]!;
  const eccLen = ECC_PER_BLOCK[level][version - 1]!;
  const shortLen = Math.floor(raw.length / nBlocks);
  const nShort = nBlocks - (raw.length % nBlocks);
  const blocks = Array.from({ length: nBlocks }, (_, b) => new Array<number>(shortLen + (b < nShort ? 0 : 1)));
  let k = 0;
  for (let i = 0; i <= shortLen; i++)
    for (let b = 0; b < nBlocks; b++) {
      const dataLen = blocks[b]!.length - eccLen;
      // Short blocks have no codeword at the last data index of the long ones; their check words shift by one.
      if (b < nShort && i === dataLen) continue;
      const idx = b < nShort && i > dataLen ? i - 1 : i;
      blocks[b]![idx] = raw[k++]!;
    }
  const data: number[] = [];
  blocks.forEach((block, b) => {
    const dataLen = block.length - eccLen;
    const ecc = rsRemainder(block.slice(0, dataLen), eccLen);
    if (ecc.some((c, i) => c !== block[dataLen + i])) throw new Error(`block ${b}: check words do not match its data`);
    data.push(...block.slice(0, dataLen));
  });

  // The segment: mode 0100 (byte), a count of 8 bits (versions 1–9) or 16 (10–26), the bytes, UTF-8.
  const stream = data.flatMap((byte) => [7, 6, 5, 4, 3, 2, 1, 0].map((s) => (byte >>> s) & 1));
  let p = 0;
  const read = (len: number) => {
    let v = 0;
    for (let i = 0; i < len; i++) v = (v << 1) | stream[p++]!;
    return v;
  };
  const mode = read(4);
  if (mode !== 0b0100) throw new Error(`mode ${mode.toString(2).padStart(4, '0')}: only byte mode is read`);
  const count = read(version <= 9 ? 8 : 16);
  if (p + count * 8 > stream.length) throw new Error('the byte count runs past the data');
  const bytes = Uint8Array.from({ length: count }, () => read(8));
  if (p + 4 <= stream.length && read(4) !== 0) throw new Error('a second segment follows: only one is read');
  return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), version, level, mask };
}

// GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
function gfMul(a: number, b: number): number {
  let r = 0;
  for (let i = 7; i >= 0; i--) {
    r = (r << 1) ^ ((r >>> 7) * 0x11d);
    r ^= ((b >>> i) & 1) * a;
  }
  return r;
}

/** The check words of `data`: its remainder by the generator (x − α^0)…(x − α^(degree−1)). */
function rsRemainder(data: number[], degree: number): number[] {
  const gen = new Array<number>(degree).fill(0);
  gen[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      gen[j] = gfMul(gen[j]!, root) ^ (j + 1 < degree ? gen[j + 1]! : 0);
    }
    root = gfMul(root, 0x02);
  }
  const rem = new Array<number>(degree).fill(0);
  for (const b of data) {
    const factor = b ^ rem.shift()!;
    rem.push(0);
    gen.forEach((g, i) => (rem[i] = rem[i]! ^ gfMul(g, factor)));
  }
  return rem;
}
