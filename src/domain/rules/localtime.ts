/**
 * Fast local-time lookup for many instants in one time zone.
 *
 * Intl formatting costs microseconds per call, too slow for a million events. The offset of a zone from UTC
 * changes only at transitions, so it is looked up once per UTC hour through the IANA database (localParts,
 * i.e. Intl) and cached. An hour that contains a transition (offset at its first and last second differ)
 * is marked mixed and every instant in it is looked up exactly. No fixed offsets are assumed anywhere.
 */
import { isValidTimeZone, localParts } from '../time.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Exact offset (local − UTC) in ms at an instant, to the second, from the time-zone database. */
export function exactOffsetMs(at: number, tz: string): number {
  const p = localParts(at, tz);
  const d = new Date(0);
  d.setUTCFullYear(p.year, p.month - 1, p.day);
  d.setUTCHours(p.hour, p.minute, p.second, 0);
  return d.getTime() - Math.floor(at / 1000) * 1000;
}

export class LocalClock {
  private readonly buckets = new Map<number, number>();
  private lastHour = Number.NaN;
  private lastOffset = 0;

  constructor(readonly tz: string) {}

  private readonly starts = new Map<number, number>();

  /** Offset at the first instant of UTC hour h (one database lookup per hour, shared by neighbouring hours). */
  private startOffset(h: number): number {
    let o = this.starts.get(h);
    if (o === undefined) {
      o = exactOffsetMs(h * HOUR, this.tz);
      this.starts.set(h, o);
    }
    return o;
  }

  /** Offset (local − UTC) in ms at the instant. */
  offsetMs(at: number): number {
    const h = Math.floor(at / HOUR);
    if (h === this.lastHour) return Number.isNaN(this.lastOffset) ? exactOffsetMs(at, this.tz) : this.lastOffset;
    let off = this.buckets.get(h);
    if (off === undefined) {
      // Offsets change only at transitions, never twice within an hour: if the offset at the start of this hour
      // equals the one at the start of the next, the whole hour has it. Otherwise (a transition inside the hour,
      // or exactly at its end) every instant of the hour is looked up exactly.
      const a = this.startOffset(h);
      const b = this.startOffset(h + 1);
      off = a === b ? a : Number.NaN;
      this.buckets.set(h, off);
    }
    this.lastHour = h;
    this.lastOffset = off;
    return Number.isNaN(off) ? exactOffsetMs(at, this.tz) : off;
  }

  /** Local wall-clock time as ms since 1970-01-01T00:00 local. */
  localMs(at: number): number {
    return at + this.offsetMs(at);
  }

  /** Local day number (days since 1970-01-01 local). */
  dayNumber(at: number): number {
    return Math.floor(this.localMs(at) / DAY);
  }
}

const clocks = new Map<string, LocalClock>();
/** One clock per zone, shared across runs (the cache holds only time-zone facts, never case data). */
export function clockFor(tz: string): LocalClock {
  let c = clocks.get(tz);
  if (!c) {
    c = new LocalClock(tz);
    clocks.set(tz, c);
  }
  return c;
}

export function validTz(tz: string | null | undefined, fallback: string): string {
  return tz && isValidTimeZone(tz) ? tz : fallback;
}

const dateCache = new Map<number, string>();
/** "YYYY-MM-DD" for a day number (calendar arithmetic, no zone involved). */
export function dayString(day: number): string {
  let s = dateCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY).toISOString().slice(0, 10);
    if (dateCache.size < 100_000) dateCache.set(day, s);
  }
  return s;
}

/** Day number of a "YYYY-MM-DD" string, or null. */
export function parseDay(date: string | null | undefined): number | null {
  if (!date) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? Math.round(t / DAY) : null;
}

/** Monday = 0 … Sunday = 6 for a day number (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

const timeCache: string[] = [];
/** "HH:MM:SS" for a second of the day (0 … 86399; cached, shared strings). */
export function timeString(sod: number): string {
  let t = timeCache[sod];
  if (t === undefined) {
    const h = Math.floor(sod / 3600), m = Math.floor((sod % 3600) / 60), s = sod % 60;
    t = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
    if (sod >= 0 && sod < 86_400) timeCache[sod] = t;
  }
  return t;
}
