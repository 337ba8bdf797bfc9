/** Output conventions: data on stdout (JSON with --json), progress and messages on stderr. */
import { chmodSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
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

/**
 * Asks for a secret on the terminal without echoing it (raw mode). Resolves null on Ctrl-C / Ctrl-D.
 * Only for a TTY: the caller checks `input.isTTY`.
 */
export function promptHidden(prompt: string, input: NodeJS.ReadStream = process.stdin, output: NodeJS.WritableStream = process.stderr): Promise<string | null> {
  return new Promise((resolve) => {
    const decoder = new StringDecoder('utf8'); // a Chinese character may arrive split across reads
    const wasRaw = input.isRaw;
    // Echo goes off before the prompt shows: whatever is typed or pasted as soon as it appears must not be echoed.
    input.setRawMode(true);
    output.write(prompt);
    let chars: string[] = [];
    const finish = (v: string | null) => {
      input.off('data', onData);
      input.setRawMode(wasRaw);
      input.pause();
      output.write('\n');
      resolve(v);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of typeof chunk === 'string' ? chunk : decoder.write(chunk)) {
        if (ch === '\r' || ch === '\n') return finish(chars.join(''));
        if (ch === '\u0003' || ch === '\u0004') return finish(null);
        if (ch === '\u007f' || ch === '\b') chars = chars.slice(0, -1);
        else if (ch === '\u0015') chars = []; // Ctrl-U
        else if (ch >= ' ') chars.push(ch);
      }
    };
    input.on('data', onData);
    input.resume();
  });
}

/**
 * Writes a file only its owner can read (0600: a letter or report names the borrower, their debts and their contacts)
 * under a temp name, then renames it, so a reader never sees half a file. Returns the absolute path.
 */
export function writePrivate(out: string, bytes: Buffer | string): string {
  const path = resolve(out);
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, bytes, { mode: 0o600 });
  chmodSync(tmp, 0o600); // writeFileSync keeps the mode of a leftover temp file
  renameSync(tmp, path);
  return path;
}
