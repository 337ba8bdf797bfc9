/**
 * The capture date a screenshot's file name gives, for screenshots without EXIF (screenshots rarely carry it,
 * and forwarding strips it): what 昨天 / 星期三 / a bare time on the screen count from. Only the date is used
 * (layout's relative labels need the day); the time, when the name has one, is kept for the record.
 *
 * Patterns, tried in order (SCREENSHOT_NAME_PATTERNS; "seen" = found in public sources while writing this,
 * "guess" = not found there, written from how the phone or app is commonly described):
 *  1. android-screenshot (seen: `Screenshot_20240720_020223_Jerboa.png`, `Screenshot_20241108_094517_Mull.jpg` in a
 *     public photo-sorting tool's examples): `Screenshot_yyyyMMdd_HHmmss[_app]`; the AOSP form with a hyphen,
 *     `Screenshot_yyyyMMdd-HHmmss`, is the same pattern (guess: not found in the sources searched here).
 *  2. miui-screenshot (guess): `Screenshot_yyyy-MM-dd-HH-mm-ss[-SSS][_app]`.
 *  3. camera-img (seen: `"IMG_" + yyyyMMdd_HHmmss + ".jpg"` in several public Android camera apps):
 *     `IMG_yyyyMMdd_HHmmss`, also `IMG20231103214501` (guess, some vendors' cameras).
 *  4. wechat (seen: `微信图片_20181118191516.png`, `微信截图_20181118193254.png`, `微信图片_20260609121134_184_31.jpg`
 *     in public pages and code): `微信图片_yyyyMMddHHmmss[_…]`, `微信截图_yyyyMMddHHmmss`.
 *  5. wechat-mmexport (seen: `mmexport1451181351065.jpg` in the WechatExif README, epoch milliseconds):
 *     `mmexport<13 digits>` — a save time, read in the case's zone.
 *  6. macos (seen: `Screenshot 2026-02-12 at 02.29.24.png`, `Screen Shot 2022-01-07 at 20.17.08.png`,
 *     `Screenshot 2023-03-06 at 1.35.38 PM.png` in public rename scripts): `Screen[ ]Shot yyyy-MM-dd at H.mm.ss[ AM|PM]`.
 *  7. windows (seen: `Screenshot 2020-09-15 191156.png` in the same photo-sorting tool): `Screenshot yyyy-MM-dd HHmmss`;
 *     the Chinese Windows form `屏幕截图 yyyy-MM-dd HHmmss` (guess).
 *  8. loose (guess): a yyyyMMdd[-_ ]HHmmss or yyyy-MM-dd anywhere in the name.
 * A date that does not exist (20261332) is no date. A name without one gives null: the date is asked for.
 */
import { localDate } from '../../domain/time.js';

export const SCREENSHOT_NAME_PATTERNS: readonly { id: string; example: string; seen: boolean }[] = [
  { id: 'android-screenshot', example: 'Screenshot_20261103-214501.jpg, Screenshot_20261103_214501_com.tencent.mm.jpg', seen: true },
  { id: 'miui-screenshot', example: 'Screenshot_2026-11-03-21-45-01-123_com.tencent.mm.jpg', seen: false },
  { id: 'camera-img', example: 'IMG_20261103_214501.jpg', seen: true },
  { id: 'wechat', example: '微信图片_20261103214501.jpg, 微信截图_20261103214501.png', seen: true },
  { id: 'wechat-mmexport', example: 'mmexport1793713501000.jpg', seen: true },
  { id: 'macos', example: 'Screenshot 2026-11-03 at 21.45.01.png', seen: true },
  { id: 'windows', example: 'Screenshot 2026-11-03 214501.png, 屏幕截图 2026-11-03 214501.png', seen: true },
  { id: 'loose', example: 'anything_20261103_214501.png, 2026-11-03.png', seen: false },
];

const SEEN = new Map(SCREENSHOT_NAME_PATTERNS.map((p) => [p.id, p.seen]));

export interface NameDate {
  /** YYYY-MM-DD. */
  date: string;
  /** HH:MM:SS when the name has a time, else null. */
  time: string | null;
  pattern: string;
  seen: boolean;
}

function valid(y: string, mo: string, d: string): boolean {
  const yy = Number(y);
  const mm = Number(mo);
  const dd = Number(d);
  if (yy < 2000 || yy > 2099 || mm < 1 || mm > 12 || dd < 1 || dd > 31) return false;
  const t = new Date(Date.UTC(yy, mm - 1, dd));
  return t.getUTCMonth() === mm - 1 && t.getUTCDate() === dd;
}

function clock(h?: string, mi?: string, s?: string, ampm?: string): string | null {
  if (h == null || mi == null || s == null) return null;
  let hh = Number(h);
  if (ampm) {
    const pm = /p/i.test(ampm);
    if (hh === 12) hh = pm ? 12 : 0;
    else if (pm) hh += 12;
  }
  if (hh > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  return `${String(hh).padStart(2, '0')}:${mi}:${s}`;
}

/** The capture date in a screenshot's file name (see the patterns above), or null. `tz` reads epoch-ms names. */
export function captureDateFromName(fileName: string, tz: string): NameDate | null {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]{2,5}$/, '').normalize('NFC').trim();
  const out = (pattern: string, y: string, mo: string, d: string, time: string | null): NameDate | null =>
    valid(y, mo, d) ? { date: `${y}-${mo}-${d}`, time, pattern, seen: SEEN.get(pattern) ?? false } : null;
  let m = /^Screenshot_(\d{4})(\d{2})(\d{2})[-_](\d{2})(\d{2})(\d{2})(?!\d)/i.exec(base);
  if (m) return out('android-screenshot', m[1]!, m[2]!, m[3]!, clock(m[4], m[5], m[6]));
  m = /^Screenshot_(\d{4})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})(?!\d)/i.exec(base);
  if (m) return out('miui-screenshot', m[1]!, m[2]!, m[3]!, clock(m[4], m[5], m[6]));
  m = /^IMG_?(\d{4})(\d{2})(\d{2})_?(\d{2})(\d{2})(\d{2})(?!\d)/i.exec(base);
  if (m) return out('camera-img', m[1]!, m[2]!, m[3]!, clock(m[4], m[5], m[6]));
  m = /^微信(?:图片|截图)_(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?!\d)/.exec(base);
  if (m) return out('wechat', m[1]!, m[2]!, m[3]!, clock(m[4], m[5], m[6]));
  m = /^mmexport(\d{13})(?!\d)/i.exec(base);
  if (m) {
    const ms = Number(m[1]);
    const day = localDate(ms, tz);
    const [y, mo, d] = day.split('-');
    return out('wechat-mmexport', y!, mo!, d!, null);
  }
  m = /^Screen ?Shot (\d{4})-(\d{2})-(\d{2}) at (\d{1,2})\.(\d{2})\.(\d{2})(?:\s*([AP]M))?/i.exec(base);
  if (m) return out('macos', m[1]!, m[2]!, m[3]!, clock(m[4]!.padStart(2, '0'), m[5], m[6], m[7]));
  m = /^(?:Screenshot|屏幕截图) (\d{4})-(\d{2})-(\d{2}) (\d{2})(\d{2})(\d{2})(?!\d)/i.exec(base);
  if (m) return out('windows', m[1]!, m[2]!, m[3]!, clock(m[4], m[5], m[6]));
  m = /(?:^|\D)(20\d{2})(\d{2})(\d{2})[-_ T]?(\d{2})(\d{2})(\d{2})(?!\d)/.exec(base);
  if (m) return out('loose', m[1]!, m[2]!, m[3]!, clock(m[4], m[5], m[6]));
  m = /(?:^|\D)(20\d{2})[-_.](\d{2})[-_.](\d{2})(?!\d)/.exec(base);
  if (m) return out('loose', m[1]!, m[2]!, m[3]!, null);
  return null;
}
