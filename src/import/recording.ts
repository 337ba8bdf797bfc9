/**
 * Call recordings (m4a, mp3, amr, wav, aac): what the container and the file name say about the call.
 * The app layer (src/app/recordings.ts) stores the file as an evidence attachment and links it to its call.
 *
 * Detection is by content (detectRecording on the first bytes): RIFF/WAVE, ID3 or an MPEG audio frame
 * (mp3), ISO BMFF `ftyp` with an audio brand or an audio file extension (m4a / 3gp), `#!AMR` / `#!AMR-WB`,
 * and AAC ADTS frames. Duration comes from the container through music-metadata (pure JS, no install script;
 * reads the headers, walks MPEG/ADTS frames when no header gives it). music-metadata 11 has no AMR parser (its
 * 10.5 one is gone), so AMR frames are counted here: 20 ms each, sizes from the frame-type table of RFC 4867 §5.3
 * (the same table ffmpeg's amr demuxer uses).
 *
 * File-name patterns, tried in order (RECORDING_NAME_PATTERNS; "seen" = found in public sources, "guess" = not):
 *  1. bcr (seen: chenxiaolong/BCR's default output name, as parsed by nicorac/bcr-gui):
 *     `20230414_215701.088+0800_in_sim1_13812345678_张三` = date_time[.ms][±zone][_in|_out|_conference][_simN]_number[_name].
 *     The zone in the name makes the time absolute.
 *  2. miui (seen: a public parser's samples of Xiaomi MIUI call recordings, MIUI/sound_recorder/call_rec):
 *     `[前缀@]name(number)_yyyyMMddHHmmss`, e.g. `通话录音@张三(13812345678)_20240612074213`; the name may be the number.
 *  3. google-samsung (seen: a public parser of Google Phone / Samsung recordings):
 *     `[Call recording ]name-or-number_yyMMdd_HHmmss`.
 *  4. axet (seen: the axet Android Call Recorder README, `%s` = "2018-02-20 20.32.15", `%i` = ↓ in / ↑ out,
 *     `%p` number, `%c` contact): any order of those parts separated by spaces.
 *  5. number-datetime (guess: Huawei Sounds/CallRecord, vivo 录音/通话录音, OPPO Recordings/PhoneRecord, which we
 *     found only as folder names): `[name ]number[_- ]yyyyMMddHHmmss` or `…yyyy-MM-dd HH-mm-ss`.
 *  6. loose (guess): a yyyyMMddHHmmss / yyyy-MM-dd HH?mm?ss / yyyyMMdd_HHmmss anywhere, and a separate run of
 *     5–20 digits (optionally +) as the number.
 * Times without a zone are local time in the case's zone. A pattern that gives no time leaves the recording
 * as an attachment only (no call event is made up without a time).
 */
import { parseBuffer } from 'music-metadata';
import { normalizePhone } from '../domain/collection/phone.js';
import { parseDateTime } from '../domain/time.js';

export type RecordingContainer = 'wav' | 'mp3' | 'm4a' | 'amr' | 'aac';

export const RECORDING_EXTENSIONS = ['m4a', 'mp3', 'amr', 'wav', 'aac', '3gp', 'awb'] as const;

const MIME: Record<RecordingContainer, string> = { wav: 'audio/wav', mp3: 'audio/mpeg', m4a: 'audio/mp4', amr: 'audio/amr', aac: 'audio/aac' };

export function recordingMime(c: RecordingContainer): string {
  return MIME[c];
}

/** The container of an audio file from its first bytes (the name only decides an ISO BMFF file without an audio brand). */
export function detectRecording(head: Uint8Array, fileName: string): RecordingContainer | null {
  const b = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (b.length < 4) return null;
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const s4 = b.toString('latin1', 0, 4);
  if (s4 === 'RIFF' && b.length >= 12 && b.toString('latin1', 8, 12) === 'WAVE') return 'wav';
  if (b.toString('latin1', 0, 5) === '#!AMR') return 'amr';
  if (b.length >= 12 && b.toString('latin1', 4, 8) === 'ftyp') {
    const brand = b.toString('latin1', 8, 12);
    if (/^(M4A |M4B |M4P |F4A )/.test(brand)) return 'm4a';
    if ((ext === 'm4a' || ext === 'aac' || ext === '3gp' || ext === 'mp3' || ext === 'amr') && /^(isom|mp4[12]|3gp\d|3g2\w|iso\d|dash|MSNV|qt  )/.test(brand)) return 'm4a';
    return null;
  }
  if (s4.startsWith('ID3')) return ext === 'aac' ? 'aac' : 'mp3';
  if (b[0] === 0xff && (b[1]! & 0xf6) === 0xf0) return 'aac'; // ADTS: sync, layer 00
  if (b[0] === 0xff && (b[1]! & 0xe0) === 0xe0 && ((b[1]! >> 1) & 3) !== 0 && (b[2]! >> 4) !== 15 && ((b[2]! >> 2) & 3) !== 3) return 'mp3';
  return null;
}

/** Seconds of audio the container holds (rounded to 0.1 s), or null when it does not say and cannot be counted. */
export async function recordingDuration(bytes: Uint8Array, container: RecordingContainer): Promise<number | null> {
  if (container === 'amr') return amrDuration(bytes);
  try {
    const meta = await parseBuffer(bytes, { mimeType: MIME[container], size: bytes.length }, { duration: true, skipCovers: true, skipPostHeaders: true });
    const d = meta.format.duration;
    return d != null && Number.isFinite(d) && d >= 0 ? Math.round(d * 10) / 10 : null;
  } catch {
    return null;
  }
}

// Bytes of one AMR storage-format frame (header byte included) by frame type; 1 for NO_DATA and reserved types.
const AMR_NB_SIZE = [13, 14, 16, 18, 20, 21, 27, 32, 6, 1, 1, 1, 1, 1, 1, 1];
const AMR_WB_SIZE = [18, 24, 33, 37, 41, 47, 51, 59, 61, 6, 1, 1, 1, 1, 1, 1];

/** Duration of an AMR-NB / AMR-WB file (RFC 4867 storage format) by counting its 20 ms frames. */
export function amrDuration(bytes: Uint8Array): number | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wb = b.toString('latin1', 0, 9) === '#!AMR-WB\n';
  const nb = b.toString('latin1', 0, 6) === '#!AMR\n';
  if (!wb && !nb) return null;
  const sizes = wb ? AMR_WB_SIZE : AMR_NB_SIZE;
  let p = wb ? 9 : 6;
  let frames = 0;
  while (p < b.length) {
    const size = sizes[(b[p]! >> 3) & 15]!;
    if (p + size > b.length) break; // a cut-off last frame is not counted
    p += size;
    frames++;
  }
  return Math.round(frames * 0.02 * 10) / 10;
}

export interface RecordingName {
  /** Which of RECORDING_NAME_PATTERNS matched, null when none did. */
  pattern: string | null;
  /** Whether that pattern was seen in public sources (false: our guess). */
  seen: boolean;
  /** Normalised number, or null. */
  number: string | null;
  /** Epoch ms of the call's start as the name gives it, or null. */
  at: number | null;
  direction: 'in' | 'out' | null;
  contactName: string | null;
}

export const RECORDING_NAME_PATTERNS: readonly { id: string; seen: boolean; source: string }[] = [
  { id: 'bcr', seen: true, source: 'chenxiaolong/BCR default file name (parsed by nicorac/bcr-gui)' },
  { id: 'miui', seen: true, source: 'Xiaomi MIUI call_rec samples in a public parser' },
  { id: 'google-samsung', seen: true, source: '"Call recording NUMBER_yyMMdd_HHmmss" in a public parser' },
  { id: 'axet', seen: true, source: 'axet Android Call Recorder README (file name variables)' },
  { id: 'number-datetime', seen: false, source: 'guess (Huawei, vivo, OPPO: only their folders were found)' },
  { id: 'loose', seen: false, source: 'guess' },
];

const SEEN = new Map(RECORDING_NAME_PATTERNS.map((p) => [p.id, p.seen]));

function local(y: string, mo: string, d: string, h: string, mi: string, s: string, tz: string): number | null {
  const at = parseDateTime(`${y}-${mo}-${d} ${h}:${mi}:${s}`, tz);
  return at;
}

function phone(raw: string | undefined | null): string | null {
  if (!raw) return null;
  const digits = raw.replace(/[\s-]/g, '');
  if (!/^\+?\d{3,20}$/.test(digits)) return null;
  return normalizePhone(digits);
}

function cleanName(s: string | undefined | null): string | null {
  const t = (s ?? '').replace(/_/g, ' ').trim();
  return t && !/^\+?[\d\s-]+$/.test(t) ? t.slice(0, 80) : null;
}

/** What a recording's file name says: number, start time, direction, contact name (see the patterns above). */
export function parseRecordingName(fileName: string, tz: string): RecordingName {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]{2,4}$/, '').normalize('NFC').trim();
  const none: RecordingName = { pattern: null, seen: false, number: null, at: null, direction: null, contactName: null };
  const done = (pattern: string, r: Omit<RecordingName, 'pattern' | 'seen'>): RecordingName => ({ pattern, seen: SEEN.get(pattern) ?? false, ...r });

  let m = /^(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})(?:\.(\d{1,3}))?([+-]\d{4})?(?:_(in|out|conference))?(?:_sim(\d))?(?:_(\+?\d{3,20}))?(?:_(.+))?$/.exec(base);
  if (m) {
    const [, y, mo, d, h, mi, s, ms, zone, dir, , num, name] = m;
    let at: number | null;
    if (zone) {
      at = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${zone.slice(0, 3)}:${zone.slice(3)}`);
      if (!Number.isFinite(at)) at = null;
    } else at = local(y!, mo!, d!, h!, mi!, s!, tz);
    if (at != null && ms) at += Number(ms.padEnd(3, '0'));
    return done('bcr', { number: phone(num), at, direction: dir === 'in' ? 'in' : dir === 'out' ? 'out' : null, contactName: cleanName(name) });
  }

  m = /^(?:[^@()]*@)?(.*?)\(([+\d][\d\s-]{2,24})\)_(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(base);
  if (m) {
    const [, name, num, y, mo, d, h, mi, s] = m;
    return done('miui', { number: phone(num), at: local(y!, mo!, d!, h!, mi!, s!, tz), direction: null, contactName: cleanName(name) });
  }

  m = /^(?:Call recording |通话录音[ _-]?)?(.+?)_(\d{2})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})$/i.exec(base);
  if (m) {
    const [, who, yy, mo, d, h, mi, s] = m;
    const num = phone(who);
    return done('google-samsung', { number: num, at: local(`20${yy}`, mo!, d!, h!, mi!, s!, tz), direction: null, contactName: num ? null : cleanName(who) });
  }

  m = /(\d{4})-(\d{2})-(\d{2}) (\d{2})\.(\d{2})\.(\d{2})/.exec(base);
  if (m) {
    const [all, y, mo, d, h, mi, s] = m;
    const rest = base.replace(all, ' ');
    const dir = rest.includes('↓') ? 'in' : rest.includes('↑') ? 'out' : null;
    const numM = /(?:^|\s)(\+?\d[\d-]{3,22}\d)(?=\s|$)/.exec(rest);
    const name = rest.replace(/[↓↑]/g, ' ').replace(numM?.[1] ?? '\u0000', ' ').replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim();
    return done('axet', { number: phone(numM?.[1]), at: local(y!, mo!, d!, h!, mi!, s!, tz), direction: dir, contactName: cleanName(name) });
  }

  m = /^(?:(.*?)[ _-]+)?(\+?\d{5,20})[ _-]+(\d{4})-?(\d{2})-?(\d{2})[ _-]?(\d{2})[-_.:]?(\d{2})[-_.:]?(\d{2})$/.exec(base);
  if (m) {
    const [, name, num, y, mo, d, h, mi, s] = m;
    return done('number-datetime', { number: phone(num), at: local(y!, mo!, d!, h!, mi!, s!, tz), direction: null, contactName: cleanName(name) });
  }

  m = /(20\d{2})[-_.]?(\d{2})[-_.]?(\d{2})[-_ T]?(\d{2})[-_.:]?(\d{2})[-_.:]?(\d{2})/.exec(base);
  const numM = /(?:^|[^\d])(\+?\d{5,20})(?=[^\d]|$)/.exec(m ? base.replace(m[0], ' ') : base);
  if (m || numM) {
    const at = m ? local(m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6]!, tz) : null;
    const dir = /(^|[^a-z])(in|incoming|来电|呼入)([^a-z]|$)/i.test(base) ? 'in' : /(^|[^a-z])(out|outgoing|去电|呼出)([^a-z]|$)/i.test(base) ? 'out' : null;
    return done('loose', { number: phone(numM?.[1]), at, direction: dir, contactName: null });
  }
  return none;
}
