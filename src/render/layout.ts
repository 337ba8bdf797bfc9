/** Layout decisions shared by the PDF and DOCX renderers. */
import type { TableBlock } from '../domain/documents/model.js';

/**
 * Column widths as fractions summing to 1: the model's widths if given, else from the content (the longest cell
 * per column, CJK counted double, square-root damped), each at least 40 % of an equal share.
 */
export function relativeColumnWidths(b: Pick<TableBlock, 'headers' | 'rows' | 'widths'>, cols: number): number[] {
  let rel: number[];
  if (b.widths && b.widths.length === cols && b.widths.every((x) => x > 0)) rel = [...b.widths];
  else
    rel = Array.from({ length: cols }, (_, c) => {
      const cells = [b.headers[c] ?? '', ...b.rows.map((r) => r[c] ?? '')];
      const len = Math.max(...cells.map((s) => [...s].reduce((n, ch) => n + (ch.codePointAt(0)! > 0x2e80 ? 2 : 1), 0)));
      return Math.sqrt(Math.max(len, 4));
    });
  const sum = rel.reduce((a, x) => a + x, 0);
  const floor = 1 / cols / 2.5;
  const ws = rel.map((x) => Math.max(floor, x / sum));
  const s2 = ws.reduce((a, x) => a + x, 0);
  return ws.map((x) => x / s2);
}
