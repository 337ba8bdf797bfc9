/**
 * Local-time helpers. Every local-time rule goes through the IANA time-zone database (Intl),
 * never a fixed offset, so that a case abroad or a historical offset change is handled.
 */
export const DEFAULT_TZ = 'Asia/Shanghai';

export interface LocalParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Monday … 6 = Sunday
}

const fmtCache = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = fmtCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    fmtCache.set(tz, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

export function isValidTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

export function localParts(epochMs: number, tz: string = DEFAULT_TZ): LocalParts {
  const parts = formatter(tz).formatToParts(new Date(epochMs));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '0';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
    weekday: WEEKDAYS[get('weekday')] ?? 0,
  };
}

/** Offset of local time from UTC in minutes at that instant. */
export function offsetMinutes(epochMs: number, tz: string = DEFAULT_TZ): number {
  const p = localParts(epochMs, tz);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60000);
}

/** "2024-06-12" for the local day the instant falls on. */
export function localDate(epochMs: number, tz: string = DEFAULT_TZ): string {
  const p = localParts(epochMs, tz);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** ISO 8601 with the local offset, e.g. 2024-06-12T07:42:13+08:00. */
export function toIsoLocal(epochMs: number, tz: string = DEFAULT_TZ): string {
  const p = localParts(epochMs, tz);
  // The offset from the same parts (what offsetMinutes computes): formatToParts once, not twice; a timeline page
  // formats a hundred instants and this was most of its CPU on the organisation server (issue 15).
  const off = Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(epochMs / 1000) * 1000) / 60000);
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** Epoch ms of a local wall-clock time in tz (the first instant, if a DST gap or overlap). */
export function fromLocal(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, tz: string = DEFAULT_TZ): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  let t = guess - offsetMinutes(guess, tz) * 60000;
  // A second pass settles instants near an offset change.
  t = guess - offsetMinutes(t, tz) * 60000;
  return t;
}

/** Parses ISO 8601 or "YYYY-MM-DD[ HH:MM[:SS]]"; a string without an offset is read as local time in tz. */
export function parseDateTime(s: string, tz: string = DEFAULT_TZ): number | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(s.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, se, off] = m;
  const Y = Number(y), M = Number(mo), D = Number(d), H = Number(h ?? 0), MI = Number(mi ?? 0), S = Number(se ?? 0);
  if (M < 1 || M > 12 || D < 1 || D > 31 || H > 23 || MI > 59 || S > 59) return null;
  const probe = new Date(Date.UTC(Y, M - 1, D));
  if (probe.getUTCMonth() !== M - 1) return null;
  if (off) {
    const base = Date.UTC(Y, M - 1, D, H, MI, S);
    if (off === 'Z') return base;
    const om = /([+-])(\d{2}):?(\d{2})/.exec(off)!;
    const mins = (Number(om[2]) * 60 + Number(om[3])) * (om[1] === '-' ? -1 : 1);
    return base - mins * 60000;
  }
  return fromLocal(Y, M, D, H, MI, S, tz);
}

/** Calendar arithmetic on "YYYY-MM-DD" dates (no time zone involved). */
export function parseDate(s: string): { y: number; m: number; d: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return { y, m: mo, d };
}

export function dayNumber(date: string): number {
  const p = parseDate(date);
  if (!p) throw new RangeError(`invalid date ${JSON.stringify(date)}, expected YYYY-MM-DD`);
  return Math.round(Date.UTC(p.y, p.m - 1, p.d) / 86400000);
}

export function dateFromDayNumber(n: number): string {
  const t = new Date(n * 86400000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Adds months the way lenders schedule due dates: the 31st becomes the month's last day. */
export function addMonths(date: string, months: number): string {
  const p = parseDate(date);
  if (!p) throw new RangeError(`invalid date ${JSON.stringify(date)}, expected YYYY-MM-DD`);
  const total = p.y * 12 + (p.m - 1) + months;
  const y = Math.floor(total / 12), m = (total % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${pad(m)}-${pad(Math.min(p.d, last))}`;
}

export function addDays(date: string, days: number): string {
  return dateFromDayNumber(dayNumber(date) + days);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
