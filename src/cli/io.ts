/** Output conventions: data on stdout (JSON with --json), progress and messages on stderr. */
import type { Flags } from './args.js';

export interface Io {
  json: boolean;
  lang: 'zh' | 'en';
  out(text: string): void;
  err(text: string): void;
  /** Prints data: JSON when --json, else the human rendering. */
  data(value: unknown, human: () => string): void;
  progress(text: string): void;
  endProgress(): void;
}

export function makeIo(flags: Flags, stdout: NodeJS.WritableStream = process.stdout, stderr: NodeJS.WritableStream = process.stderr): Io {
  const json = flags.bool('json');
  const langFlag = flags.str('lang') ?? process.env.HUXUN_LANG;
  const lang = langFlag === 'en' ? 'en' : 'zh';
  const isTty = Boolean((stderr as NodeJS.WriteStream).isTTY);
  let progressShown = false;
  return {
    json,
    lang,
    out: (t) => stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    data(value, human) {
      if (json) stdout.write(`${JSON.stringify(value, null, 2)}\n`);
      else {
        const h = human();
        stdout.write(h.endsWith('\n') ? h : `${h}\n`);
      }
    },
    progress(t) {
      if (isTty) {
        stderr.write(`\r\x1b[K${t}`);
        progressShown = true;
      } else stderr.write(`${t}\n`);
    },
    endProgress() {
      if (progressShown) stderr.write('\n');
      progressShown = false;
    },
  };
}

/** Plain aligned table for human output. */
export function table(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c == null ? '' : String(c))))];
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uFFFF]/.test(ch) ? 2 : 1), 0);
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
  return cells.map((r) => r.map((c, i) => (c ?? '') + ' '.repeat(Math.max(0, widths[i]! - width(c ?? '')))).join('  ').trimEnd()).join('\n');
}
