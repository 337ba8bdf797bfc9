import { describe, expect, it } from 'vitest';
import { cropLine, ctcDecode, DET_THRESHOLD, findTextBoxes, joinRows, padImage, toModelInput, UNCLIP_RATIO, unclipBox, type ReadLine } from './boxes.js';

/** A probability map with the given rectangles (inclusive pixel ranges) set to p. */
function map(w: number, h: number, rects: { x0: number; y0: number; x1: number; y1: number; p: number }[]): Float32Array {
  const m = new Float32Array(w * h);
  for (const r of rects) for (let y = r.y0; y <= r.y1; y++) for (let x = r.x0; x <= r.x1; x++) m[y * w + x] = r.p;
  return m;
}

/** The DB unclip distance for a blob spanning bw × bh pixel centres, worked out here from the rule. */
const offset = (bw: number, bh: number) => (bw * bh * UNCLIP_RATIO) / (2 * (bw + bh));

describe('text boxes from the detector map', () => {
  it('finds each blob, unclips it by area × ratio / perimeter, and lists them top to bottom', () => {
    const W = 200, H = 120;
    const lower = { x0: 10, y0: 70, x1: 109, y1: 84, p: 0.9 }; // a line of text lower on the screen
    const upper = { x0: 120, y0: 20, x1: 179, y1: 31, p: 0.8 }; // a line above it, further right
    const boxes = findTextBoxes(map(W, H, [lower, upper]), W, H);
    expect(boxes).toHaveLength(2);
    const [a, b] = boxes;
    // Upper first, although it lies to the right of the lower one.
    const du = offset(179 - 120, 31 - 20);
    expect(a).toMatchObject({ x0: Math.round(120 - du), y0: Math.round(20 - du), x1: Math.round(179 + du), y1: Math.round(31 + du) });
    const dl = offset(109 - 10, 84 - 70);
    expect(b).toMatchObject({ x0: Math.round(10 - dl), y0: Math.round(70 - dl), x1: Math.round(109 + dl), y1: Math.round(84 + dl) });
    // Unclipped: every box holds its blob with room on each side.
    expect(a!.x0).toBeLessThan(120);
    expect(a!.y1).toBeGreaterThan(31 + 3);
    expect(a!.score).toBeCloseTo(0.8, 5);
    expect(b!.score).toBeCloseTo(0.9, 5);
  });

  it('joins diagonal neighbours (8-connected), drops specks and what is at or under the threshold', () => {
    const W = 90, H = 60;
    const m = map(W, H, [
      { x0: 15, y0: 15, x1: 24, y1: 22, p: 0.7 },
      { x0: 25, y0: 23, x1: 34, y1: 30, p: 0.7 }, // touches the first only at a corner
      { x0: 60, y0: 45, x1: 61, y1: 46, p: 0.9 }, // a 2 × 2 speck
      { x0: 50, y0: 2, x1: 85, y1: 12, p: DET_THRESHOLD }, // not above the threshold
    ]);
    const boxes = findTextBoxes(m, W, H);
    expect(boxes).toHaveLength(1);
    const d = offset(34 - 15, 30 - 15);
    expect(boxes[0]).toMatchObject({ x0: Math.round(15 - d), y0: Math.round(15 - d), x1: Math.round(34 + d), y1: Math.round(30 + d) });
  });

  it('clips unclipped boxes to the image and drops boxes too thin to read', () => {
    expect(unclipBox(0, 0, 99, 9, 100, 10)).toEqual({ x0: 0, y0: 0, x1: 100, y1: 10 });
    expect(unclipBox(10, 10, 90, 12, 100, 100)).toBeNull(); // 2 px high in pixel centres
    expect(unclipBox(10, 10, 12, 90, 100, 100)).toBeNull(); // 2 px wide
  });

  it('filters by mean probability when asked', () => {
    const W = 50, H = 30;
    const m = map(W, H, [{ x0: 2, y0: 2, x1: 40, y1: 10, p: 0.2 }, { x0: 2, y0: 16, x1: 40, y1: 25, p: 0.9 }]);
    expect(findTextBoxes(m, W, H)).toHaveLength(2);
    const kept = findTextBoxes(m, W, H, { minScore: 0.5 });
    expect(kept).toHaveLength(1);
    expect(kept[0]!.y0).toBeGreaterThan(10);
  });

  it('never crashes on bad maps', () => {
    expect(findTextBoxes(new Float32Array(0), 0, 0)).toEqual([]);
    expect(findTextBoxes(new Float32Array(0), 10, 10)).toEqual([]); // shorter than width × height
    expect(findTextBoxes(new Float32Array(100), -5, 20)).toEqual([]);
    expect(findTextBoxes(new Float32Array(100), Number.NaN, 10)).toEqual([]);
    expect(findTextBoxes(new Float32Array(64 * 64), 64, 64)).toEqual([]); // all zero
    expect(findTextBoxes(new Float32Array(64 * 64).fill(Number.NaN), 64, 64)).toEqual([]);
    // All ones: one blob, the whole image (the unclip is clipped at the edges). Large enough that a recursive fill
    // would overflow the stack.
    const W = 736, H = 1600;
    expect(findTextBoxes(new Float32Array(W * H).fill(1), W, H)).toEqual([{ x0: 0, y0: 0, x1: W, y1: H, score: 1 }]);
    // A 1-pixel-high or -wide map has no box.
    expect(findTextBoxes(new Float32Array(500).fill(1), 500, 1)).toEqual([]);
    expect(findTextBoxes(new Float32Array(500).fill(1), 1, 500)).toEqual([]);
  });
});

describe('line images and model input', () => {
  const img = { width: 4, height: 3, data: Uint8Array.from({ length: 36 }, (_, i) => i) };

  it('crops a box', () => {
    const c = cropLine(img, { x0: 1, y0: 1, x1: 3, y1: 3 });
    expect(c).toMatchObject({ width: 2, height: 2 });
    // Pixel (1, 1) starts at byte (1 × 4 + 1) × 3 = 15.
    expect([...c.data]).toEqual([15, 16, 17, 18, 19, 20, 27, 28, 29, 30, 31, 32]);
  });

  it('turns a tall box a quarter, as the package did', () => {
    const tall = { width: 2, height: 4, data: Uint8Array.from({ length: 24 }, (_, i) => Math.floor(i / 3)) }; // pixel n holds n
    const c = cropLine(tall, { x0: 0, y0: 0, x1: 2, y1: 4 });
    expect(c).toMatchObject({ width: 4, height: 2 });
    // Output row v is box column 2 − v clamped to the last column (warpAffine's replicated border): row 0 repeats
    // column 1, row 1 is column 1; along a row, the box's rows top to bottom (pixels 1, 3, 5, 7).
    const px = [...c.data].filter((_, i) => i % 3 === 0);
    expect(px).toEqual([1, 3, 5, 7, 1, 3, 5, 7]);
  });

  it('pads by repeating the last column and row, and makes B, G, R planes / 255', () => {
    const p = padImage(img, 6, 4, 1, 2); // rows 1–2, padded to 6 × 4
    const at = (x: number, y: number) => p.data[(y * 6 + x) * 3];
    expect(at(0, 0)).toBe(12); // row 1, column 0
    expect(at(5, 0)).toBe(21); // column 3 repeated
    expect(at(0, 3)).toBe(24); // row 2 repeated
    expect(at(5, 3)).toBe(33);
    const t = toModelInput({ width: 1, height: 1, data: Uint8Array.of(255, 51, 0) });
    expect([...t]).toEqual([0, Math.fround(0.2), 1]);
  });
});

describe('recogniser output', () => {
  it('decodes greedy CTC: blanks and repeats dropped, mean of the kept maxima', () => {
    const dict = ['a', 'b', 'c'];
    // 5 steps × 4 classes (0 = blank): a a blank a b
    const rows = [
      [0.1, 0.9, 0, 0],
      [0.1, 0.7, 0.2, 0],
      [0.8, 0.1, 0.1, 0],
      [0.2, 0.6, 0.2, 0],
      [0, 0.1, 0.5, 0.4],
    ];
    const r = ctcDecode(rows.flat(), 5, 4, dict);
    expect(r.text).toBe('aab');
    expect(r.mean).toBeCloseTo((0.9 + 0.6 + 0.5) / 3, 6);
    expect(ctcDecode([], 0, 4, dict)).toEqual({ text: '', mean: 0 });
  });

  it('joins boxes of one row left to right and drops unsure lines', () => {
    const l = (text: string, mean: number, x0: number, y0: number, x1: number, y1: number): ReadLine => ({ text, mean, box: { x0, y0, x1, y1 } });
    const rows = joinRows([
      l('张三', 0.99, 20, 100, 80, 130),
      l('昨天', 0.98, 300, 102, 360, 130),
      l('呼入', 0.97, 20, 10, 90, 40),
      l('噪点', 0.3, 20, 200, 60, 230),
    ]);
    expect(rows.map((r) => r.text)).toEqual(['呼入', '张三 昨天']);
    expect(rows[1]!.box).toEqual({ x0: 20, y0: 100, x1: 360, y1: 130 });
    expect(rows[1]!.mean).toBeCloseTo(0.985, 6);
    expect(joinRows([])).toEqual([]);
  });
});
