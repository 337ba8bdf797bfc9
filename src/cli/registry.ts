import type { Flags } from './args.js';
import type { Io } from './io.js';
import { openApp, type AppContext } from '../app/context.js';
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

/** Opens the app on the data folder or database the global options name, runs fn, closes. */
export async function withApp<T>(flags: Flags, lockAs: string, fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const opened = await openApp({
    dataDir: flags.str('data'),
    databaseUrl: flags.str('database') ?? process.env.DATABASE_URL,
    passphrase: flags.str('passphrase'),
    lockAs,
  });
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
