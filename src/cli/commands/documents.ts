import { listDocumentTypes, proposedChannels, proposedComplaints, renderDocument, type DocumentInput } from '../../app/documents.js';
import { answersOf, UsageError } from '../args.js';
import { table, writePrivate } from '../io.js';
import { withApp, type Command, type CommandInput } from '../registry.js';

const FORMATS = ['pdf', 'docx', 'txt'] as const;
const LENGTHS = ['short', 'medium', 'full'] as const;
const FLAGS = ['channel', 'lender', 'format', 'length', 'out', 'answer', 'contact', 'redact', 'final'];

async function runDocument(type: string, { flags, io }: CommandInput) {
  const format = (flags.str('format') ?? 'pdf') as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const length = (flags.str('length') ?? 'full') as (typeof LENGTHS)[number];
  if (!LENGTHS.includes(length)) throw new UsageError(`--length must be one of ${LENGTHS.join(', ')}`);
  const out = flags.str('out');
  if (!out) throw new UsageError(`document ${type} needs --out FILE`);
  const input: DocumentInput = {
    type,
    channel: flags.str('channel') ?? null,
    // --lender: a loan id, or (complaints) a lender key of `document list` (entity:…, brand:…, unknown).
    loan_id: /^\d+$/.test(flags.str('lender') ?? '') ? Number(flags.str('lender')) : null,
    lender: /^\d+$/.test(flags.str('lender') ?? '') ? null : (flags.str('lender') ?? null),
    contact: flags.str('contact') ?? null,
    answers: answersOf(flags.all('answer')),
    lang: io.lang,
    redact: flags.bool('redact'),
    // --final: the version to send, once the person has checked every fact (no draft banner, no notes for the person).
    for: flags.bool('final') ? 'send' : 'draft',
  };
  const doc = await withApp(flags, `cli: document ${type}`, (ctx) => renderDocument(ctx, { ...input, format, length }));
  const path = writePrivate(out, doc.bytes);
  const missing = doc.missing.filter((q) => q.required);
  io.data({ path, bytes: doc.bytes.length, format, type, channel: doc.channel, for: input.for, citations: doc.citationIds, missing: doc.missing.map((q) => q.key) }, () => {
    const lines = [`已生成 written ${path} (${doc.bytes.length} bytes)`];
    if (missing.length) {
      lines.push('还缺这些信息，文书里留了空白；可以用 --answer 补上 (missing facts, left blank; add them with --answer key=value):');
      for (const q of missing) lines.push(`  --answer ${q.key}=…   ${q.label.zh} / ${q.label.en}`);
    }
    if (input.for === 'send') lines.push('这是提交版（--final）：没有草稿提示。提交前请再看一遍；护讯不能代你投诉，也不能保证结果。');
    else lines.push('这是草稿：请核对每一项事实；核对无误后加 --final 生成提交版（不带草稿提示）。护讯不能代你投诉，也不能保证结果。不要付钱给“反催收”“代理维权”机构。');
    return lines.join('\n');
  });
}

export const documentCommands: Command[] = [
  {
    name: 'document list',
    usage: 'document list',
    summary: '可生成的文书与建议的投诉渠道 documents and proposed channels',
    async run({ flags, io }) {
      const { channels, complaints } = await withApp(flags, 'cli: document list', async (ctx) => ({ channels: await proposedChannels(ctx), complaints: await proposedComplaints(ctx) }));
      const types = listDocumentTypes();
      io.data({ types, channels, complaints }, () =>
        [
          table(['type', '文书 document'], types.map((t) => [t.type.replace(/_/g, '-'), `${t.title.zh} ${t.title.en}`])),
          '',
          '每个放贷机构一封投诉 one complaint per lender (huxun document complaint --lender KEY --channel ID):',
          complaints.length
            ? complaints
                .map((p) => [`  ${p.lender}  ${p.name.zh}${p.regulator ? `  监管 ${p.regulator}` : ''}`, ...p.channels.map((c) => `    ${c.id}: ${c.why.zh}`)].join('\n'))
                .join('\n')
            : '  （还没有违规发现 no findings yet）',
          '',
          '建议的投诉渠道 proposed channels (huxun document complaint --channel ID):',
          channels.length ? table(['channel', '名称 name', '联系方式 contact', '适用 for'], channels.map((c) => [c.id, c.name.zh, c.contact, c.rules.join(' ')])) : '  （还没有违规发现 no findings yet）',
        ].join('\n'),
      );
    },
  },
  {
    name: 'document complaint',
    usage: 'document complaint --channel CH [--lender LOAN_ID|KEY] --format pdf|docx|txt [--length short|medium|full] --out FILE [--answer k=v]… [--redact] [--final]',
    summary: '投诉信 complaint letter for a channel',
    flags: FLAGS,
    run: (i) => runDocument('complaint', i),
  },
  { name: 'document negotiation', usage: 'document negotiation --format F --out FILE [--lender LOAN_ID] [--answer monthly_amount=…] [--answer months=…]', summary: '协商还款申请书 repayment negotiation request', flags: FLAGS, run: (i) => runDocument('negotiation', i) },
  { name: 'document pi-request', usage: 'document pi-request --format F --out FILE [--lender LOAN_ID]', summary: '个人信息权利申请 personal-information request', flags: FLAGS, run: (i) => runDocument('pi_request', i) },
  { name: 'document contacts-note', usage: 'document contacts-note --format F --out FILE', summary: '致亲友的说明 note for contacts', flags: FLAGS, run: (i) => runDocument('contacts_note', i) },
  { name: 'document third-party-statement', usage: 'document third-party-statement --format F --out FILE [--contact NAME]', summary: '第三人情况说明 statement a contact can sign', flags: FLAGS, run: (i) => runDocument('third_party_statement', i) },
];
