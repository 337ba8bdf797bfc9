/** Money is always an integer number of fen (0.01 CNY). */
export type Fen = number;

export function isFen(v: unknown): v is Fen {
  return typeof v === 'number' && Number.isSafeInteger(v);
}

export function assertFen(v: unknown, field: string): Fen {
  if (!isFen(v)) throw new RangeError(`${field}: expected an integer number of fen, got ${JSON.stringify(v)}`);
  return v;
}

/**
 * THE money parser (CLI flags, web forms and the plan all use it): an amount in yuan as a person types it
 * → integer fen, never through floating point. Accepts "1,234.5", "１２３４.５" (full-width), "¥9000.05元",
 * spaces; at most two decimals and 13 integer digits. A leading minus only with `negative: true`.
 * Returns null when the text is not such an amount.
 */
export function parseYuan(input: string, opts: { negative?: boolean } = {}): Fen | null {
  const s = input
    .trim()
    .replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[¥￥元,，\s]/g, '');
  const m = /^(-)?(\d+)(?:\.(\d{0,2}))?$/.exec(s);
  if (!m || (m[1] && !opts.negative)) return null;
  const whole = m[2]!.replace(/^0+(?=\d)/, '');
  if (whole.length > 13) return null;
  const fen = Number(whole) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

/** Converts yuan (decimal, as a person types it) to fen, rejecting more than two decimals (parseYuan, negatives allowed). */
export function yuanToFen(yuan: number | string, field = 'amount'): Fen {
  const fen = parseYuan(typeof yuan === 'number' ? String(yuan) : yuan, { negative: true });
  if (fen === null) throw new RangeError(`${field}: expected an amount in yuan with at most two decimals, got ${JSON.stringify(yuan)}`);
  return fen;
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
