import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { classifyJsonlLine } from '../../app/classify.js';
import { eta } from '../../app/progress.js';
import { importFiles } from '../../app/import.js';
import { expandScreenshotFolder, screenshotNote } from '../../app/ocr.js';
import { takenAtCommand } from '../../app/ocr-date.js';
import { expandRecordingFolder } from '../../app/recordings.js';
import { listCollectorsView, listContactsView, markCollector, queryEvents, reportContact, setCollectorLoan, unmarkCollector } from '../../app/timeline.js';
import { UsageError } from '../args.js';
import { table } from '../io.js';
import { withApp, type Command } from '../registry.js';

const RECORDING_LINK = { 'existing-call': '已对上通话 linked to its call', 'new-call': '按文件名新建通话 call added from the file name', none: '文件名没有时间，仅作证据 no time in the name: evidence only' } as const;

const KIND_ZH: Record<string, string> = { call: '电话', sms: '短信', im: '聊天', visit: '上门', letter: '信件', third_party_report: '亲友反映', payment: '还款', note: '备注' };

export const timelineCommands: Command[] = [
  {
    name: 'import',
    usage: 'import FILE…|FOLDER… [--taken-at YYYY-MM-DD]',
    summary: '导入手机备份（短信/通话 XML、vCard、CSV、截图、iPhone 备份文件夹、通话录音）import phone backups, screenshots, iPhone backups, call recordings',
    help: 'Formats are detected by content: SMS Backup & Restore sms/calls XML, vCard 2.1/3.0/4.0, CSV (docs/csv-format.md),\nscreenshots (PNG, JPEG, WebP) of SMS threads, WeChat chats and call logs, read by OCR.\nan unencrypted iPhone backup (its folder, or a zip of it: messages, calls, contacts; docs/iphone-backup.md),\ncall recordings (m4a, mp3, amr, wav, aac: kept as evidence, linked to their call by the number and time in the file name; docs/iphone-backup.md).\n--taken-at YYYY-MM-DD: the day the screenshots were taken, which 昨天 / 星期三 / a bare time count from (else EXIF, else a date in the file name).\nEach file is one transaction: a file that fails leaves nothing behind.',
    flags: ['taken-at'],
    async run({ flags, args, io }) {
      if (!args.length) throw new UsageError('import needs at least one FILE');
      const summary = await withApp(flags, 'cli: import', async (ctx) => {
        const started = new Map<string, number>();
        return importFiles(ctx, args.flatMap((a) => expandRecordingFolder(a, expandScreenshotFolder)), (p) => {
          if (!started.has(p.file)) started.set(p.file, Date.now());
          const { mbPerS, secondsLeft } = eta({ ...p, startedAt: started.get(p.file)! }, Date.now());
          const pct = p.bytesTotal ? Math.floor((p.bytesRead / p.bytesTotal) * 100) : 0;
          io.progress(`${p.file}: ${pct}% ${(p.bytesRead / 1e6).toFixed(1)}/${(p.bytesTotal / 1e6).toFixed(1)} MB, ${p.records} 条 records, ${mbPerS.toFixed(1)} MB/s${secondsLeft != null ? `, 剩余约 ${Math.ceil(secondsLeft)} s left` : ''}`);
        }, { takenAt: flags.str('taken-at') });
      });
      io.endProgress();
      for (const f of summary.failed) io.err(`✗ ${f.error}`);
      if (summary.needsDate.length) {
        io.err(`这些截图需要截图日期（那天的日期，相对说法从它算起），请这样再导入一次 / these screenshots need the day they were taken; import them again with:\n  ${takenAtCommand(summary.needsDate, flags.str('tz') ?? undefined)}\n（把日期换成截图那天 / put the day they were taken）`);
      }
      io.data(summary, () => {
        const lines = summary.files.flatMap((f) => [
          `✓ ${f.file} (${f.format}): ${f.eventsAdded}/${f.events} 条事件新增 events added, ${f.contactsAdded}/${f.contacts} 位联系人 contacts, ${f.attachments} 个附件 attachments, ${f.collection} 条催收 collection messages, ${f.collectorCalls ?? 0} 通催收电话 collector calls${screenshotNote(f)}`,
          ...(f.recording ? [`  录音 recording: ${f.recording.durationS ?? '?'} s, ${RECORDING_LINK[f.recording.linked]}${f.recording.eventId != null ? ` #${f.recording.eventId}` : ''}`] : []),
          ...(f.notes ?? []).map((n) => `  ! ${n}`),
        ]);
        lines.push(`催收方 collectors: ${summary.collectors}; 被联系的亲友 contacts reached: ${summary.contactsTouched}`);
        return lines.join('\n');
      });
      return summary.failed.length ? 1 : 0;
    },
  },
  {
    name: 'events',
    usage: 'events [--from D] [--to D] [--kind K] [--collector ID] [--limit N]',
    summary: '时间线 list the timeline',
    flags: ['from', 'to', 'kind', 'collector', 'contact', 'limit', 'offset', 'labelled'],
    async run({ flags, io }) {
      const kinds = flags.all('kind').flatMap((k) => k.split(','));
      const events = await withApp(flags, 'cli: events', (ctx) =>
        queryEvents(ctx, {
          from: flags.str('from'), to: flags.str('to'), kind: kinds.length ? kinds : undefined, collector: flags.int('collector'), contact: flags.int('contact'),
          labelled: flags.bool('labelled'), limit: flags.int('limit'), offset: flags.int('offset'),
        }),
      );
      io.data(events, () =>
        events.length
          ? table(['id', '时间 at', '类型 kind', '方向', '号码 number', '标签 labels', '内容 text'], events.map((e) => [
              e.id, e.at.replace('T', ' ').slice(0, 19), KIND_ZH[e.kind] ?? e.kind, e.direction, e.number ?? '', e.labels.join(','), (e.text ?? (e.duration_s != null ? `${e.duration_s}s ${e.call_status ?? ''}` : '')).replace(/\s+/g, ' ').slice(0, 40),
            ]))
          : '没有事件 no events',
      );
    },
  },
  {
    name: 'collectors',
    usage: 'collectors',
    summary: '催收方列表 collectors found',
    async run({ flags, io }) {
      const cols = await withApp(flags, 'cli: collectors', (ctx) => listCollectorsView(ctx));
      io.data(cols, () =>
        cols.length
          ? table(
              ['id', '名称 name', '号码 numbers', '借款方 lender', '自称 claims', '电话', '短信', '最早', '最近'],
              cols.map((c) => [c.id, c.name, c.numbers.join(' '), c.lender ?? '不详 unknown', c.claims.join('、'), c.calls, c.messages, c.first_contact?.slice(0, 10), c.last_contact?.slice(0, 10)]),
            )
          : '还没有发现催收方 no collectors found yet',
      );
    },
  },
  {
    name: 'collector mark',
    usage: 'collector mark NUMBER… [--name N] [--lender L] [--loan LOAN_ID]',
    summary: '把号码标记为催收方 mark numbers as a collector',
    flags: ['name', 'lender', 'loan'],
    async run({ flags, args, io }) {
      if (!args.length) throw new UsageError('collector mark needs at least one NUMBER');
      const id = await withApp(flags, 'cli: collector mark', (ctx) => markCollector(ctx, flags.str('name') ?? '', args, flags.str('lender') ?? null, flags.int('loan') ?? null));
      io.data({ id }, () => `已标记 marked as collector #${id}`);
    },
  },
  {
    name: 'collector unmark',
    usage: 'collector unmark NUMBER…',
    summary: '标记为“不是催收方” mark numbers as not a collector (bank codes, salary, adverts, a friend)',
    async run({ flags, args, io }) {
      if (!args.length) throw new UsageError('collector unmark needs at least one NUMBER');
      const r = await withApp(flags, 'cli: collector unmark', (ctx) => unmarkCollector(ctx, args));
      io.data(r, () => `已标记为不是催收方 marked as not a collector: ${r.numbers.join(' ')}`);
    },
  },
  {
    name: 'collector loan',
    usage: 'collector loan ID LOAN_ID|none',
    summary: '选择催收方所属的借款 choose the loan a collector belongs to',
    async run({ flags, args, io }) {
      const id = Number(args[0]);
      const loan = args[1] === 'none' ? null : Number(args[1]);
      if (!Number.isInteger(id) || (loan !== null && !Number.isInteger(loan))) throw new UsageError('collector loan needs a collector ID and a LOAN_ID (or none)');
      const c = await withApp(flags, 'cli: collector loan', (ctx) => setCollectorLoan(ctx, id, loan));
      io.data(c, () => `催收方 #${c.id} → ${c.lender ?? '不详 unknown'}${c.loan_id != null ? ` (借款 loan #${c.loan_id})` : ''}`);
    },
  },
  {
    name: 'contacts',
    usage: 'contacts [--touched]',
    summary: '联系人及被催收联系的亲友 contacts and who was reached',
    flags: ['touched'],
    async run({ flags, io }) {
      const cs = await withApp(flags, 'cli: contacts', (ctx) => listContactsView(ctx, flags.bool('touched')));
      io.data(cs, () =>
        cs.length
          ? table(['id', '姓名 name', '号码 numbers', '关系', '被联系 reached', '事件 events'], cs.map((c) => [c.id, c.name, c.numbers.join(' '), c.relation ?? (c.is_guarantor ? '担保人' : ''), c.touched ? '是 yes' : '', c.events.join(',')]))
          : '没有联系人 no contacts',
      );
    },
  },
  {
    name: 'report-contact',
    usage: 'report-contact --contact NAME|NUMBER --at TIME [--number COLLECTOR] [--text T] [--kind call|sms|im|visit] [--relation R] [--guarantor]',
    summary: '记录亲友反映被催收联系 record that a contact was reached',
    flags: ['contact', 'at', 'number', 'text', 'kind', 'relation', 'guarantor'],
    async run({ flags, io }) {
      const kind = flags.str('kind') as 'call' | 'sms' | 'im' | 'visit' | undefined;
      if (kind && !['call', 'sms', 'im', 'visit'].includes(kind)) throw new UsageError('--kind must be call, sms, im or visit');
      const ev = await withApp(flags, 'cli: report-contact', (ctx) =>
        reportContact(ctx, {
          contact: flags.required('contact'), at: flags.required('at'), number: flags.str('number'), text: flags.str('text'), kind,
          relation: flags.str('relation'), guarantor: flags.str('guarantor') !== undefined ? flags.bool('guarantor') : undefined,
        }),
      );
      io.data(ev, () => `已记录 recorded event #${ev.id} (${ev.at})`);
    },
  },
  {
    name: 'classify',
    usage: 'classify FILE.jsonl',
    summary: '给消息打标签 label messages ({"id","text","to"} per line)',
    async run({ args, io }) {
      const file = args[0];
      if (!file) throw new UsageError('classify needs FILE.jsonl (use - for standard input)');
      if (file !== '-' && !existsSync(file)) throw new UsageError(`${file}: file not found`);
      const rl = createInterface({ input: file === '-' ? process.stdin : createReadStream(file, 'utf8'), crlfDelay: Infinity });
      let n = 0;
      let bad = 0;
      for await (const line of rl) {
        n++;
        if (!line.trim()) continue;
        const r = classifyJsonlLine(line, n, file);
        if ('error' in r) {
          bad++;
          io.err(r.error);
          continue;
        }
        io.out(JSON.stringify(r.result));
      }
      return bad ? 1 : 0;
    },
  },
];
