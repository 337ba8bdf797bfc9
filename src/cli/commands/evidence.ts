import { addAttachmentFile, checkAttachmentFiles, listAttachmentViews } from '../../app/attachments.js';
import { checkChain } from '../../app/evidence.js';
import { toIsoLocal } from '../../domain/time.js';
import { UsageError } from '../args.js';
import { table } from '../io.js';
import { withApp, type Command } from '../registry.js';

export const evidenceCommands: Command[] = [
  {
    name: 'evidence add',
    usage: 'evidence add FILE [--event ID] [--note TEXT] [--from-contact ID] [--claimed-at DATE]',
    summary: '添加证据附件（录音、截图、照片）add an attachment',
    flags: ['event', 'note', 'from-contact', 'claimed-at'],
    async run({ flags, args, io }) {
      if (!args.length) throw new UsageError('evidence add needs FILE');
      const contact = flags.int('from-contact');
      const out = await withApp(flags, 'cli: evidence add', async (ctx) => {
        const res = [];
        for (const f of args) {
          res.push(await addAttachmentFile(ctx, f, { eventId: flags.int('event') ?? null, note: flags.str('note') ?? null, source: contact != null ? `contact:${contact}` : 'user', claimedAt: flags.str('claimed-at') ?? null }));
        }
        return res;
      });
      io.data(out.length === 1 ? out[0] : out, () => out.map((a) => `${a.added ? '已添加 added' : '已存在 already stored'}: ${a.name} sha256=${a.sha256} (${a.size} bytes)`).join('\n'));
    },
  },
  {
    name: 'evidence list',
    usage: 'evidence list',
    summary: '证据附件列表 list attachments',
    async run({ flags, io }) {
      const { list, tz } = await withApp(flags, 'cli: evidence list', async (ctx) => ({ list: await listAttachmentViews(ctx), tz: ctx.tz }));
      io.data(list, () =>
        list.length
          ? table(['sha256', '文件 name', '类型', '大小', '来源 source', '收到 received', '声称日期 claimed'], list.map((a) => [a.sha256.slice(0, 16), a.name, a.mime, a.size, a.source, toIsoLocal(a.received_at, tz).slice(0, 19), a.claimed_at != null ? toIsoLocal(a.claimed_at, tz).slice(0, 19) : '']))
          : '还没有附件 no attachments yet',
      );
    },
  },
  {
    name: 'evidence check',
    usage: 'evidence check',
    summary: '核验证据链与附件 check the hash chain and every attachment',
    async run({ flags, io }) {
      const r = await withApp(flags, 'cli: evidence check', async (ctx) => ({ chain: await checkChain(ctx), files: await checkAttachmentFiles(ctx) }));
      const ok = r.chain.ok && r.files.ok;
      io.data({ ok, ...r }, () => {
        const lines = [r.chain.ok ? `✓ 证据链完好 chain intact: ${r.chain.count} 条记录 records, head ${r.chain.head ?? '-'}` : `✗ 证据链在第 ${r.chain.problem?.seq} 条记录处不符 chain broken at record ${r.chain.problem?.seq}: ${r.chain.problem?.reason}`];
        lines.push(r.files.ok ? `✓ ${r.files.checked} 个附件完好 attachments intact` : r.files.bad.map((b) => `✗ ${b.name ?? b.sha256}: ${b.problem}`).join('\n'));
        return lines.join('\n');
      });
      return ok ? 0 : 1;
    },
  },
];
