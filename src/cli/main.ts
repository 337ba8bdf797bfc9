/**
 * The `huxun` command. Exit codes: 0 ok, 1 error, 2 bad usage.
 * Every command that prints data takes --json; progress and messages go to stderr.
 */
import { AppError } from '../app/errors.js';
import { Flags, parseArgs, UsageError } from './args.js';
import { makeIo, type Io } from './io.js';
import { COMMANDS } from './commands/index.js';
import type { Command } from './registry.js';

export const HELP = `护讯 huxun: 逾期借款人的本地工具（借款体检、催收记录、违规发现、证据与文书）
Huxun: a local toolkit for overdue borrowers facing abusive debt collection.

用法 Usage: huxun [全局选项] <命令> [参数]

全局选项 Global options (before or after the command):
  --data DIR         数据文件夹 data folder (default ~/.huxun, env HUXUN_DATA)
  --database URL     命令行命令使用 PostgreSQL 数据库 CLI commands use a PostgreSQL database (env DATABASE_URL).
                     用 PostgreSQL 提供网页服务（serve）还不可用：先要有账号和登录
                     Serving from PostgreSQL (serve) is not available yet: accounts come first
  --json             机器可读输出 machine-readable output
  --lang zh|en       界面语言 language (default zh)
  --tz ZONE          time zone for local times (default Asia/Shanghai)
  加密的数据：口令从环境变量 HUXUN_PASSPHRASE 读取，或在终端提示时输入（不显示）
  Encrypted data: the passphrase comes from env HUXUN_PASSPHRASE or a prompt on the terminal (not shown)
  -h, --help         帮助 help

命令 Commands:
${'{commands}'}
`;

function helpText(): string {
  const lines = COMMANDS.map((c) => `  ${c.usage.padEnd(58)} ${c.summary}`);
  return HELP.replace('{commands}', lines.join('\n'));
}

function findCommand(positionals: string[]): { cmd: Command; rest: string[] } | null {
  // Longest match first: "loan add" before "loan".
  let best: { cmd: Command; rest: string[] } | null = null;
  for (const cmd of COMMANDS) {
    const words = cmd.name.split(' ');
    if (words.every((w, i) => positionals[i] === w) && (!best || words.length > best.cmd.name.split(' ').length)) {
      best = { cmd, rest: positionals.slice(words.length) };
    }
  }
  return best;
}

export async function main(argv: string[], io?: Io): Promise<number> {
  let flags: Flags;
  try {
    flags = new Flags(parseArgs(argv));
  } catch (e) {
    process.stderr.write(`huxun: ${(e as Error).message}\n\n用法 Usage: huxun --help\n`);
    return 2;
  }
  const out = io ?? makeIo(flags);
  if (flags.str('passphrase') !== undefined) {
    // Still accepted (scripts use it), but a command line is visible to every local user in `ps`.
    out.err(
      '⚠ 警告：--passphrase 会出现在进程列表（ps）里，本机其他用户看得见。请改用环境变量 HUXUN_PASSPHRASE，或不带口令运行、在提示时输入。\n' +
        '  Warning: --passphrase is visible to other local users in the process list (ps). Use the environment variable HUXUN_PASSPHRASE, or run without it and type it when asked.',
    );
  }
  if (flags.bool('version')) {
    out.out('huxun 0.1.0');
    return 0;
  }
  if (flags.positionals.length === 0 && flags.bool('help')) {
    out.out(helpText());
    return 0;
  }
  const positionals = flags.positionals.length ? flags.positionals : ['serve'];
  const found = findCommand(positionals);
  if (!found) {
    if (flags.bool('help') || positionals[0] === 'help') {
      out.out(helpText());
      return 0;
    }
    const group = COMMANDS.filter((c) => c.name.split(' ')[0] === positionals[0]);
    out.err(`huxun: 未知命令 unknown command "${positionals.join(' ')}"`);
    if (group.length) out.err(group.map((c) => `  huxun ${c.usage}`).join('\n'));
    else out.err('运行 Run: huxun --help');
    return 2;
  }
  if (flags.bool('help')) {
    out.out(`huxun ${found.cmd.usage}\n  ${found.cmd.summary}${found.cmd.help ? `\n\n${found.cmd.help}` : ''}`);
    return 0;
  }
  try {
    flags.assertNoUnknown(found.cmd.flags ?? []);
    return (await found.cmd.run({ flags, args: found.rest, io: out })) ?? 0;
  } catch (e) {
    return reportError(e, out);
  }
}

/** Errors that describe bad input or state (exit 1 with their message), not bugs. */
const EXPECTED_ERRORS = new Set(['ImportFormatError', 'StoreError', 'PassphraseError', 'SealError', 'RangeError', 'LoanInputError', 'RateFileError', 'IrrError', 'EvidenceFormatError', 'BundleError', 'DocumentError']);

export function reportError(e: unknown, io: Io): number {
  if (e instanceof UsageError) {
    io.err(`huxun: ${e.message}\n用法 Usage: huxun --help`);
    return 2;
  }
  const err = e as Error & { code?: string };
  if (e instanceof AppError || EXPECTED_ERRORS.has(err?.name)) {
    if (io.json) io.err(JSON.stringify({ error: { code: (err as AppError).code ?? err.name, message: err.message } }));
    else io.err(`huxun: ${err.message}`);
    return 1;
  }
  io.err(`huxun: 出错了 unexpected error: ${err?.message ?? String(e)}`);
  if (process.env.HUXUN_DEBUG) io.err(String(err?.stack));
  return 1;
}
