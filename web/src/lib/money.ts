/**
 * Money in the UI: the API speaks integer fen; people type and read yuan.
 * Parsing works on the typed string (never through floating point), so "0.1" is exactly 10 fen.
 */
import { parseYuan as parseYuanDomain } from '../../../src/domain/money.js';

/** "1,234.5" / "１２３４.５" / "¥1234.50" → 123450; null when it is not an amount with at most two decimals. The one parser of src/domain/money.ts. */
export function parseYuan(input: string): number | null {
  return parseYuanDomain(input);
}

/** 123456 → "1,234.56" (two decimals, thousands separators). */
export function formatYuan(fen: number): string {
  const neg = fen < 0;
  const abs = Math.abs(Math.round(fen));
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${neg ? '-' : ''}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** 123456 → "1234.56": the form value for an amount (no separators, so it parses back). */
export function fenToInput(fen: number | null | undefined): string {
  if (fen == null) return '';
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 0.31536 → "31.54%"; null → "—". */
export function formatRate(r: number | null | undefined, digits = 2): string {
  if (r == null || !Number.isFinite(r)) return '—';
  return `${(r * 100).toFixed(digits)}%`;
}

/** A rate as a person types it, in percent: "24" → 0.24, "1.5%" → 0.015. */
export function parsePercent(input: string): number | null {
  const s = input.trim().replace(/[%％\s]/g, '');
  if (!/^\d+(?:\.\d+)?$/.test(s)) return null;
  return Number(s) / 100;
}
