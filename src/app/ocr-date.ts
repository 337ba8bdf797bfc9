/**
 * A screenshot whose times are relative (昨天 / 星期三 / 上午 / a bare time) and whose capture date nothing gives
 * (no --taken-at, no EXIF, no date in its file name, no date set on the import page): the import stops with this
 * error, which says so in plain words and is recognised by the callers: the CLI lists such files with the
 * command to run again (`huxun import FILE… --taken-at YYYY-MM-DD`), the upload job marks them
 * (hint 'capture-date') and the import page asks for the date inline and re-runs only those.
 */
import { localDate } from '../domain/time.js';
import { AppError } from './errors.js';

export class CaptureDateNeeded extends AppError {
  readonly needsCaptureDate = true;
  constructor(readonly file: string) {
    super(
      'BAD_INPUT',
      `${file}: 截图里的时间写的是「昨天」「星期三」「上午」这类相对说法，需要知道截图是哪天截的，才能算出是哪一天：命令行加 --taken-at YYYY-MM-DD，或在导入页面填上截图日期后重新识别 / ` +
        `the screenshot's times are relative (昨天, 星期三, 上午): give the day it was taken (--taken-at YYYY-MM-DD, or the date the import page asks for) and it is read again`,
    );
  }
}

export function isCaptureDateNeeded(e: unknown): e is CaptureDateNeeded {
  return e instanceof Error && (e as { needsCaptureDate?: unknown }).needsCaptureDate === true;
}

/** The command that imports those screenshots again with a date (for the CLI): today's date in `tz` as the example. */
export function takenAtCommand(files: string[], tz = 'Asia/Shanghai', now = Date.now()): string {
  const today = localDate(now, tz);
  const q = (f: string) => (/^[\w./@%+=:,-]+$/.test(f) ? f : `'${f.replace(/'/g, `'\\''`)}'`);
  return `huxun import ${files.map(q).join(' ')} --taken-at ${today}`;
}
