/**
 * The test-side QR reader (qr.ts) against the SVG antd's QRCode draws, rendered on the server here (no browser):
 * it reads back what was encoded at every level and over the versions a two-step login URI can need, and refuses a
 * code with one module changed.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { QRCode } from 'antd';
import { describe, expect, it } from 'vitest';
import { decodeQrSvg, svgModules } from './qr.js';
import { otpauthUri } from '../../src/app/org/passwords.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
// boostLevel: false keeps the level asked for (by default a higher one is used when it fits the same version).
const svgOf = (value: string, errorLevel: 'L' | 'M' | 'Q' | 'H' = 'M', marginSize?: number) =>
  renderToStaticMarkup(createElement(QRCode, { type: 'svg', value, errorLevel, marginSize, boostLevel: false }));

describe('reading a QR code from its SVG', () => {
  it('reads the two-step login URI for the shortest and the longest user name', () => {
    for (const user of ['abc', 'wang.xiaoming', 'u'.repeat(64)]) {
      const uri = otpauthUri(SECRET, user);
      const qr = decodeQrSvg(svgOf(uri, 'M', 4));
      expect(qr.text).toBe(uri);
      expect(qr.level).toBe('M');
    }
    // 64 characters is the longest name an account may have (account-rules): version 9 at level M.
    expect(decodeQrSvg(svgOf(otpauthUri(SECRET, 'u'.repeat(64)))).version).toBe(9);
  });

  it('reads every level, short and long texts, several blocks and UTF-8', () => {
    const texts = ['a', 'hello, 护讯', 'otpauth://totp/x?secret=ABC', 'x'.repeat(60), '中文'.repeat(30), 'y'.repeat(150), 'z'.repeat(200)];
    const versions = new Set<number>();
    for (const level of ['L', 'M', 'Q', 'H'] as const)
      for (const text of texts) {
        let qr;
        try {
          qr = decodeQrSvg(svgOf(text, level));
        } catch (e) {
          // Beyond version 10 the reader stops, and says so; nothing else may fail.
          expect(String(e)).toMatch(/unsupported size/);
          continue;
        }
        expect(qr.text, `${level} ${text.length}`).toBe(text);
        expect(qr.level).toBe(level);
        versions.add(qr.version);
      }
    // Versions with one block and with several, with and without version information, 8- and 16-bit counts.
    for (const v of [1, 2, 5, 7, 9, 10]) expect([...versions]).toContain(v);
  });

  it('refuses a code with one module changed instead of reading something else', () => {
    const svg = svgOf(otpauthUri(SECRET, 'boss'));
    const grid = svgModules(svg);
    const n = grid.length;
    // A data module in the lower right (inside the first codewords, away from every function pattern).
    grid[n - 1]![n - 1] = !grid[n - 1]![n - 1];
    const d = grid
      .flatMap((row, y) => row.map((dark, x) => (dark ? `M${x} ${y}h1v1H${x}z` : '')))
      .join('');
    expect(() => decodeQrSvg(`<svg><path d="${d}"/></svg>`)).toThrow(/check words do not match/);
  });
});
