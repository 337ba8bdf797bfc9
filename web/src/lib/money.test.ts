import { describe, expect, it } from 'vitest';
import { fenToInput, formatRate, formatYuan, parseYuan } from './money.js';

describe('yuan ↔ fen', () => {
  it('parses what people type into exact fen', () => {
    expect(parseYuan('10000')).toBe(1_000_000);
    expect(parseYuan('0.1')).toBe(10);
    expect(parseYuan('0.29')).toBe(29);
    expect(parseYuan('1,234.5')).toBe(123_450);
    expect(parseYuan(' ¥9000.05元 ')).toBe(900_005);
    expect(parseYuan('１２３.４')).toBe(12_340);
    expect(parseYuan('19.99')).toBe(1999); // 19.99 * 100 = 1998.9999… in floating point
  });
  it('rejects what is not an amount', () => {
    for (const s of ['', 'abc', '1.234', '-5', '1e3', '12.3.4']) expect(parseYuan(s)).toBeNull();
  });
  it('formats fen as yuan with two decimals', () => {
    expect(formatYuan(123_456)).toBe('1,234.56');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(-178_752)).toBe('-1,787.52');
    expect(fenToInput(900_000)).toBe('9000.00');
    expect(parseYuan(fenToInput(123_401))).toBe(123_401);
  });
  it('formats rates as percentages', () => {
    expect(formatRate(0.5675479)).toBe('56.75%');
    expect(formatRate(null)).toBe('—');
  });
});
