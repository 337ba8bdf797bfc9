/** Money is always an integer number of fen (0.01 CNY). */
export type Fen = number;

export function isFen(v: unknown): v is Fen {
  return typeof v === 'number' && Number.isSafeInteger(v);
}

export function assertFen(v: unknown, field: string): Fen {
  if (!isFen(v)) throw new RangeError(`${field}: expected an integer number of fen, got ${JSON.stringify(v)}`);
  return v;
}

/** Converts yuan (decimal, as a person types it) to fen, rejecting more than two decimals. */
export function yuanToFen(yuan: number | string, field = 'amount'): Fen {
  const s = typeof yuan === 'number' ? String(yuan) : yuan.trim().replace(/[,，\s]/g, '');
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) throw new RangeError(`${field}: expected an amount in yuan with at most two decimals, got ${JSON.stringify(yuan)}`);
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0') || 0);
  return m[1] ? -fen : fen;
}

/** Formats fen as yuan with two decimals and thousands separators: 123456 → "1,234.56". */
export function formatYuan(fen: Fen): string {
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  const cents = String(abs % 100).padStart(2, '0');
  return `${neg ? '-' : ''}${yuan}.${cents}`;
}

/** Rounds a real number of fen half away from zero, the way lenders' schedules round. */
export function roundFen(x: number): Fen {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}
