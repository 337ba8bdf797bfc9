/** Runs the real `huxun` main() in-process against a temp data folder, capturing stdout/stderr. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs, Flags } from '../../src/cli/args.js';
import { makeIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

// These tests drive the local (SQLite) mode: DATABASE_URL, which CI sets for the PostgreSQL suites,
// would otherwise switch every command to the shared server database.
delete process.env.DATABASE_URL;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  json<T = unknown>(): T;
}

function sink(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(c, _e, cb) {
      chunks.push(Buffer.from(c));
      cb();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'huxun-cli-'));
}

export async function runCli(args: string[]): Promise<CliResult> {
  const out = sink();
  const err = sink();
  let io;
  try {
    io = makeIo(new Flags(parseArgs(args)), out.stream, err.stream);
  } catch {
    io = makeIo(new Flags(parseArgs([])), out.stream, err.stream);
  }
  const code = await main(args, io);
  const stdout = out.text();
  return { code, stdout, stderr: err.text(), json: () => JSON.parse(stdout) };
}
