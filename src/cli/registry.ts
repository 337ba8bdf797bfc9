import type { Flags } from './args.js';
import { promptHidden, type Io } from './io.js';
import { openApp, type AppContext, type OpenedApp } from '../app/context.js';
import { isValidTimeZone } from '../domain/time.js';
import { UsageError } from './args.js';

export interface CommandInput {
  flags: Flags;
  args: string[];
  io: Io;
}

export interface Command {
  /** Words that name it: "loan add". */
  name: string;
  usage: string;
  summary: string;
  help?: string;
  /** Command-specific flags (the global ones are always accepted). */
  flags?: string[];
  run(input: CommandInput): Promise<number | void>;
}

/** Messages of the CLI's passphrase handling, Chinese first. */
export const CLI_PASSPHRASE_MESSAGES = {
  prompt: '护讯的数据已加密，请输入口令（输入时不显示）The data is encrypted; passphrase (not shown): ',
  retry: '口令不对，请再试一次。Wrong passphrase, try again.',
  cancelled: '已取消，数据没有改动。Cancelled; nothing was changed.',
  noTerminal:
    '护讯的数据已加密，需要口令；这里不是终端，无法提示输入。请设置环境变量 HUXUN_PASSPHRASE 后再运行（不要用 --passphrase：命令行参数其他程序看得见）。\n' +
    'The data is encrypted and needs its passphrase; this is not a terminal, so it cannot be asked for. Set the environment variable HUXUN_PASSPHRASE and run again (not --passphrase: other programs can see command lines).',
  wrongNoTerminal:
    '口令不对，打不开护讯的数据。请检查 HUXUN_PASSPHRASE（或 --passphrase）后再试；口令忘了的话，数据无法解密，只能用设置口令之前做的备份恢复。\n' +
    'The passphrase does not open the data. Check HUXUN_PASSPHRASE (or --passphrase) and try again; if it is forgotten the data cannot be decrypted: restore a backup made before the passphrase was set.',
};

const PROMPT_ATTEMPTS = 3;

/** A passphrase that is missing, wrong or not typed (exit 1 with its message, like a StoreError). */
export class PassphraseError extends Error {
  constructor(
    readonly code: 'BAD_PASSPHRASE' | 'CANCELLED',
    message: string,
  ) {
    super(message);
    this.name = 'PassphraseError';
  }
}

/**
 * Opens the app on the data folder or database the global options name. The passphrase of an encrypted
 * database comes from HUXUN_PASSPHRASE, --passphrase (works, with a warning: see main.ts), or, on a
 * terminal, a prompt without echo when the database turns out to be encrypted.
 */
export async function openAppFromFlags(flags: Flags, lockAs: string, input: NodeJS.ReadStream = process.stdin, output: NodeJS.WritableStream = process.stderr): Promise<OpenedApp> {
  const databaseUrl = flags.str('database') ?? process.env.DATABASE_URL;
  const given = flags.str('passphrase') || process.env.HUXUN_PASSPHRASE || undefined;
  const open = (passphrase: string | undefined) => openApp({ dataDir: flags.str('data'), databaseUrl, passphrase, lockAs });
  try {
    return await open(given);
  } catch (e) {
    if ((e as { code?: string }).code !== 'BAD_PASSPHRASE' || databaseUrl) throw e;
    if (!input.isTTY || typeof input.setRawMode !== 'function') {
      throw new PassphraseError('BAD_PASSPHRASE', given ? CLI_PASSPHRASE_MESSAGES.wrongNoTerminal : CLI_PASSPHRASE_MESSAGES.noTerminal);
    }
    if (given) output.write(`${CLI_PASSPHRASE_MESSAGES.retry}\n`);
  }
  for (let attempt = 1; ; attempt++) {
    const typed = await promptHidden(CLI_PASSPHRASE_MESSAGES.prompt, input, output);
    if (typed === null) throw new PassphraseError('CANCELLED', CLI_PASSPHRASE_MESSAGES.cancelled);
    try {
      return await open(typed || undefined);
    } catch (e) {
      if ((e as { code?: string }).code !== 'BAD_PASSPHRASE' || attempt >= PROMPT_ATTEMPTS) throw e;
      output.write(`${CLI_PASSPHRASE_MESSAGES.retry}\n`);
    }
  }
}

/** Opens the app (see openAppFromFlags), runs fn, closes. */
export async function withApp<T>(flags: Flags, lockAs: string, fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const opened = await openAppFromFlags(flags, lockAs);
  try {
    const tz = flags.str('tz');
    if (tz) {
      if (!isValidTimeZone(tz)) throw new UsageError(`--tz: unknown time zone ${JSON.stringify(tz)}`);
      opened.ctx.tz = tz;
    }
    return await fn(opened.ctx);
  } finally {
    await opened.close();
  }
}
