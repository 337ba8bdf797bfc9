/** `huxun case export` / `huxun case import`: one case as an encrypted .hxcase file (src/app/case-transfer.ts, docs/case-transfer.md). */
import { CASE_FILE_SUFFIX, exportCaseFile, importCaseFile } from '../../app/case-transfer.js';
import { UsageError } from '../args.js';
import { promptHidden } from '../io.js';
import { withApp, type Command } from '../registry.js';

/** Env variable for the case file's passphrase: never on the command line, where `ps` shows it to every local user. */
const PASS_ENV = 'HUXUN_EXPORT_PASSPHRASE';

/** The case file's passphrase from HUXUN_EXPORT_PASSPHRASE, else asked on the terminal without echo (twice for a new one). */
async function casePassphrase(confirm: boolean): Promise<string> {
  const env = process.env[PASS_ENV];
  if (env) return env;
  if (!process.stdin.isTTY || typeof process.stdin.setRawMode !== 'function') {
    throw new UsageError(`需要案件文件的口令：请设置环境变量 ${PASS_ENV}，或在终端中运行 the case file passphrase is needed: set ${PASS_ENV} or run on a terminal`);
  }
  const p = await promptHidden('案件文件口令（输入时不显示）case file passphrase (not shown): ');
  if (p === null) throw new UsageError('已取消 cancelled');
  if (confirm) {
    const again = await promptHidden('再输一遍 again: ');
    if (again !== p) throw new UsageError('两次输入的口令不一样 the two entries differ');
  }
  return p;
}

export const caseCommands: Command[] = [
  {
    name: 'case export',
    usage: `case export --out FILE${CASE_FILE_SUFFIX}`,
    summary: '把整个案件导出为一个加密文件，交给帮助你的机构 export the whole case as one encrypted file for an organisation that helps you',
    help:
      `文件里有案件的全部记录、证据链和附件，用单独的口令加密（口令取自 ${PASS_ENV} 或终端输入）；口令请另外告诉对方（电话或当面），不要和文件一起发。\n` +
      `The file holds every record, the evidence chain and the attachments, encrypted under its own passphrase (from ${PASS_ENV} or the terminal); tell it to the recipient another way (by phone or in person), not with the file.`,
    flags: ['out'],
    async run({ flags, io }) {
      let out = flags.str('out');
      if (!out) throw new UsageError(`case export needs --out FILE${CASE_FILE_SUFFIX}`);
      if (!out.endsWith(CASE_FILE_SUFFIX)) out += CASE_FILE_SUFFIX;
      const pass = await casePassphrase(true);
      const r = await withApp(flags, 'cli: case export', (ctx) => exportCaseFile(ctx, out!, pass, (p) => io.progress(`${p.table}: ${p.rows}`)));
      io.endProgress();
      io.data({ path: out, ...r }, () => `已导出 exported ${out}\n${r.events} 条事件 events, ${r.evidence} 条证据记录 evidence records, ${r.attachments} 个附件 attachments, ${r.bytes} 字节 bytes`);
    },
  },
  {
    name: 'case import',
    usage: `case import FILE${CASE_FILE_SUFFIX} [--name NAME]`,
    summary: '把收到的案件文件导入为一个新案件 import a received case file as a new case',
    help:
      `导入到 --data / --database 指定的数据里，成为一个新案件（原有案件不变）；证据链和每个附件都先核验，不通过就什么都不导入。口令取自 ${PASS_ENV} 或终端输入。\n` +
      `Imports into the store --data / --database names, as a new case (existing cases are untouched); the evidence chain and every attachment are checked first, and nothing is imported if they fail. The passphrase comes from ${PASS_ENV} or the terminal.`,
    flags: ['name'],
    async run({ flags, args, io }) {
      const file = args[0];
      if (!file) throw new UsageError(`case import needs FILE${CASE_FILE_SUFFIX}`);
      const pass = await casePassphrase(false);
      const r = await withApp(flags, 'cli: case import', (ctx) => importCaseFile(ctx.store, ctx.dataDir, file, pass, { ownerUserId: null, name: flags.str('name'), now: Date.now(), fileKey: ctx.fileKey }));
      io.data(r, () => `已导入为新案件 imported as new case #${r.caseId}: ${r.events} 条事件 events, ${r.evidence} 条证据记录 evidence records（证据链已核验 chain verified）, ${r.attachments} 个附件 attachments`);
    },
  },
];
