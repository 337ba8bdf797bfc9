/** 投诉跟进 commands (issue 16): record a complaint sent, list them, record answers, reminders, next-step documents. */
import { addAttachmentFile } from '../../app/attachments.js';
import { evidenceReportPdf } from '../../app/report.js';
import { addComplaint, answerComplaint, complaintsIcs, escalationLetter, listComplaints, stepDocument, updateFollowUp, type ComplaintView } from '../../app/followup.js';
import { ANSWER_OUTCOMES, SUBMIT_METHODS } from '../../domain/followup/index.js';
import { dateFlag, formatFlag, UsageError, type Flags } from '../args.js';
import { table, writePrivate } from '../io.js';
import { withApp, type Command } from '../registry.js';

const STATE_ZH: Record<ComplaintView['state'], string> = { submitted: '等待答复', due: '已到期未答复', answered: '已答复', escalated: '已升级' };

function idArg(args: string[], what: string): number {
  const id = Number(args[0]);
  if (!args[0] || !Number.isInteger(id) || id <= 0) throw new UsageError(`${what} needs a complaint ID (see huxun complaint list)`);
  return id;
}

function when(c: ComplaintView): string {
  if (c.state === 'answered') return `答复 answered ${c.answer?.on ?? ''} (${c.answer?.outcome_label.zh ?? ''})`;
  if (c.state === 'escalated') return `已升级 escalated → #${c.children.join(', #')}`;
  if (!c.next_date) return '未设提醒 no reminder (complaint remind ID --on YYYY-MM-DD)';
  const k = c.next_kind === 'deadline' ? '答复期限 answer due' : '提醒 reminder';
  const left = c.days_left == null ? '' : c.days_left < 0 ? `，已过 ${-c.days_left} 天 ${-c.days_left} days ago` : c.days_left === 0 ? '，今天 today' : `，还有 ${c.days_left} 天 in ${c.days_left} days`;
  return `${k} ${c.next_date}${left}`;
}

function render(c: ComplaintView): string {
  const out = [
    `#${c.id} ${c.channel_name.zh} (${c.channel})${c.lender_name ? ` — ${c.lender_name}` : ''}`,
    `  提交 sent ${c.submitted_on} · ${c.method_label.zh} (${c.method})${c.reference ? ` · 受理编号 ${c.reference}` : ''}${c.parent_id ? ` · 升级自 escalates #${c.parent_id}` : ''}`,
    `  状态 state: ${STATE_ZH[c.state]} (${c.state}) · ${when(c)}`,
  ];
  if (c.deadline) out.push(`  依据 basis: ${c.deadline.citations.map((x) => x.title.zh).join('；')} — ${c.deadline.days}${c.deadline.unit === 'working' ? '个工作日' : '日'}内${c.deadline.what.zh}${c.deadline.caveat ? `（${c.deadline.caveat.zh}）` : ''}`);
  else out.push('  没有法定答复期限：自己设提醒日期 no answer deadline in the law data: set a reminder');
  if (c.document) out.push(`  存证 kept: ${c.document.name ?? ''} sha256 ${c.document.sha256}${c.evidence_seq != null ? ` · 证据记录 evidence record #${c.evidence_seq}` : ''}`);
  for (const s of c.next_steps) out.push(`  下一步 next: ${s.title.zh} — huxun complaint document ${c.id} --step ${s.kind} --out FILE`);
  return out.join('\n');
}

export const complaintCommands: Command[] = [
  {
    name: 'complaint add',
    usage: 'complaint add --channel CH --date YYYY-MM-DD --how web|app|phone|letter|email|in_person [--lender KEY] [--ref 受理编号] [--remind YYYY-MM-DD] [--file SENT.pdf | --text "…" | --generate pdf|txt|docx] [--parent ID] [--note T]',
    summary: '记录一次已提交的投诉（提交的文本作为证据保存）record a complaint you sent (the text kept as evidence)',
    help: [
      'Channels: lender, 12378, local_regulator, nifa, 12321, 12377, pi_regulator, police, 12315 (and the others in huxun document list).',
      'The answer deadline comes from the law data where it gives one for the channel (the lender itself for banks and card issuers: 15 days; 12315: 7 working days to accept);',
      'for other channels set --remind. The text sent: --file (a file, stored as evidence), --text (pasted), or --generate (Huxun\'s letter for that channel and lender).',
      '--parent ID records an escalation of an earlier complaint (same matter, next channel).',
    ].join('\n'),
    flags: ['channel', 'date', 'how', 'lender', 'ref', 'remind', 'file', 'text', 'generate', 'parent', 'note'],
    async run({ flags, io }) {
      const channel = flags.str('channel');
      if (!channel) throw new UsageError('complaint add needs --channel CH');
      const how = flags.str('how') ?? 'web';
      if (!(SUBMIT_METHODS as readonly string[]).includes(how)) throw new UsageError(`--how must be one of ${SUBMIT_METHODS.join(', ')}`);
      const d = dateFlag(flags.str('date'), '--date')!;
      const gen = flags.str('generate');
      if (gen !== undefined && !['pdf', 'docx', 'txt'].includes(gen)) throw new UsageError('--generate must be pdf, docx or txt');
      const file = flags.str('file');
      if ([file, flags.str('text'), gen].filter((x) => x !== undefined).length > 1) throw new UsageError('give only one of --file, --text, --generate');
      const parent = flags.int('parent');
      const v = await withApp(flags, 'cli: complaint add', async (ctx) => {
        const sha = file ? (await addAttachmentFile(ctx, file, { note: `投诉跟进：${channel} ${d} 提交的文本` })).sha256 : null;
        return addComplaint(ctx, {
          channel, submitted_on: d, method: how, lender: flags.str('lender') ?? null, reference: flags.str('ref') ?? null, remind_on: dateFlag(flags.str('remind'), '--remind', false) ?? null,
          text: flags.str('text') ?? null, attachment_sha256: sha, generate: (gen as 'pdf' | 'docx' | 'txt' | undefined) ?? null, parent_id: parent ?? null, note: flags.str('note') ?? null,
        });
      });
      io.data(v, () => `已记录 recorded.\n${render(v)}`);
    },
  },
  {
    name: 'complaint list',
    usage: 'complaint list [--json]',
    summary: '已提交的投诉和到期情况 complaints sent and what is due',
    help: 'JSON: [{"id","channel","lender_name","submitted_on","method","reference","state":"submitted|due|answered|escalated","next_date","next_kind","days_left","deadline","document","next_steps"}]',
    async run({ flags, io }) {
      const list = await withApp(flags, 'cli: complaint list', (ctx) => listComplaints(ctx));
      io.data(list, () =>
        list.length
          ? [
              table(['#', '渠道 channel', '贷款方 lender', '提交 sent', '受理编号 ref', '状态 state', '下一个日期 next'], list.map((c) => [c.id, c.channel, c.lender_name ?? '', c.submitted_on, c.reference ?? '', STATE_ZH[c.state], when(c)])),
              '',
              ...list.filter((c) => c.state === 'due').map(render),
            ].join('\n')
          : '还没有记录投诉。发出投诉后用 huxun complaint add 记下来。No complaints recorded yet: huxun complaint add after you send one.',
      );
    },
  },
  {
    name: 'complaint answer',
    usage: `complaint answer ID --date YYYY-MM-DD --outcome ${ANSWER_OUTCOMES.join('|')} [--text "…"]`,
    summary: '记录收到的答复 record the answer',
    help: 'outcome extended (告知延长办理期限) moves the deadline to the law\'s next step (banks: 30, then 60 days) and keeps the complaint open.',
    flags: ['date', 'outcome', 'text'],
    async run({ flags, args, io }) {
      const id = idArg(args, 'complaint answer');
      const outcome = flags.str('outcome');
      if (!outcome || !(ANSWER_OUTCOMES as readonly string[]).includes(outcome)) throw new UsageError(`--outcome must be one of ${ANSWER_OUTCOMES.join(', ')}`);
      const d = dateFlag(flags.str('date'), '--date')!;
      const v = await withApp(flags, 'cli: complaint answer', (ctx) => answerComplaint(ctx, id, { answered_on: d, outcome, text: flags.str('text') ?? null }));
      io.data(v, () => `已记录答复 answer recorded.\n${render(v)}`);
    },
  },
  {
    name: 'complaint remind',
    usage: 'complaint remind ID --on YYYY-MM-DD|none [--ref 受理编号]',
    summary: '设置提醒日期（或补记受理编号）set the reminder date (or add the reference later)',
    flags: ['on', 'ref'],
    async run({ flags, args, io }) {
      const id = idArg(args, 'complaint remind');
      const on = flags.str('on');
      const ref = flags.str('ref');
      if (on === undefined && ref === undefined) throw new UsageError('complaint remind needs --on YYYY-MM-DD (or none) or --ref');
      const patch: { remind_on?: string | null; reference?: string | null } = {};
      if (on !== undefined) patch.remind_on = on === 'none' ? null : dateFlag(on, '--on')!;
      if (ref !== undefined) patch.reference = ref;
      const v = await withApp(flags, 'cli: complaint remind', (ctx) => updateFollowUp(ctx, id, patch));
      io.data(v, () => render(v));
    },
  },
  {
    name: 'complaint document',
    usage: 'complaint document ID --step urge|escalate|letter --out FILE [--format pdf|docx|txt]',
    summary: '下一步的文书：催办函、升级说明、下一渠道的投诉信 the next step\'s document',
    help: 'urge: 催办函 to the same channel; escalate: the note to the next channel with the history; letter: the complaint letter for the next channel (its enclosure).',
    flags: ['step', 'out', 'format'],
    async run({ flags, args, io }) {
      const id = idArg(args, 'complaint document');
      const step = flags.str('step') ?? 'urge';
      if (!['urge', 'escalate', 'letter'].includes(step)) throw new UsageError('--step must be urge, escalate or letter');
      const out = flags.str('out');
      if (!out) throw new UsageError('complaint document needs --out FILE');
      const f = formatFlag(flags);
      const d = await withApp(flags, 'cli: complaint document', (ctx) => (step === 'letter' ? escalationLetter(ctx, id, f, io.lang) : stepDocument(ctx, id, step as 'urge' | 'escalate', f, io.lang)));
      const path = writePrivate(out, d.bytes);
      io.data({ path, bytes: d.bytes.length, channel: d.channel }, () => `已生成 written ${path} (${d.channel}). 发出后用 huxun complaint add --parent ${id} 记下来 record it when sent.`);
    },
  },
  {
    name: 'complaint ics',
    usage: 'complaint ics --out FILE.ics',
    summary: '投诉答复期限和提醒的日历文件 deadlines and reminders as a calendar file',
    flags: ['out'],
    async run({ flags, io }) {
      const out = flags.str('out');
      if (!out) throw new UsageError('complaint ics needs --out FILE.ics');
      const text = await withApp(flags, 'cli: complaint ics', (ctx) => complaintsIcs(ctx, io.lang));
      const path = writePrivate(out, text);
      const events = (text.match(/BEGIN:VEVENT/g) ?? []).length;
      io.data({ path, events }, () => `已生成 written ${path}: ${events} 个提醒 reminders.`);
    },
  },
];

export const reportCommands: Command[] = [
  {
    name: 'report',
    usage: 'report --out FILE.pdf [--json]',
    summary: '催收情况证据报告（PDF）：每日图表、夜间和轰炸表、被联系的亲友、违规发现、证据链头 the evidence report',
    help: 'A readable summary for a lawyer, the police or a regulator; the evidence bundle (huxun export bundle) stays the proof. --json prints the report\'s data.',
    flags: ['out'],
    async run({ flags, io }) {
      const out = flags.str('out');
      if (!out && !flags.bool('json')) throw new UsageError('report needs --out FILE.pdf (or --json for the data)');
      const r = await withApp(flags, 'cli: report', (ctx) => evidenceReportPdf(ctx, io.lang));
      const path = out ? writePrivate(out, r.bytes) : null;
      io.data(path ? { path, bytes: r.bytes.length, report: r.report } : r.report, () =>
        [`已生成 written ${path}`, `证据链头 chain head: ${r.report.chain.head ?? '—'} (${r.report.chain.count} records)`].join('\n'),
      );
    },
  },
];
