import { readFileSync } from 'node:fs';
import { addLoan, deleteLoan, listLoans, loanFromSimpleTerms, rateFromFile, showLoan, type LoanView } from '../../app/loans.js';
import { formatYuan, yuanToFen } from '../../domain/money.js';
import { buildSchedule, periodicFromAnnual, SCHEDULE_KINDS, type ScheduleKind, type ScheduleSpec } from '../../domain/loans/index.js';
import { UsageError } from '../args.js';
import { table } from '../io.js';
import { withApp, type Command } from '../registry.js';

const TYPE_ZH: Record<string, string> = { bank: '银行', consumer_finance: '消费金融公司', microloan: '小额贷款公司', platform: '助贷/平台', credit_card: '信用卡', private: '民间借贷', other: '其他' };
const pct = (x: number | null | undefined) => (x == null ? '—' : `${(x * 100).toFixed(2)}%`);

function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`${path}: file not found`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(`${path}: not valid JSON (${(e as Error).message})`);
  }
}

export function renderLoanView(v: LoanView, lang: 'zh' | 'en'): string {
  const l = v.loan;
  const out: string[] = [];
  out.push(`${l.id != null ? `#${l.id} ` : ''}${l.lenderName}${l.productName ? ` · ${l.productName}` : ''}（${TYPE_ZH[l.lenderType] ?? l.lenderType}）`);
  out.push(`合同日期 contract date ${l.contractDate}; 合同本金 contract principal ¥${formatYuan(l.contractPrincipalFen)}; 实际到手 received ¥${formatYuan(l.receivedFen)}; 实际本金 real principal ¥${formatYuan(v.real_principal_fen)}`);
  out.push(`应还合计 total payable ¥${formatYuan(v.total_payable_fen)} in ${l.schedule.length} 期 installments`);
  if (v.rates) {
    out.push('');
    out.push(`真实年化利率 true annual rate (IRR, nominal = 每期IRR×每年期数, the convention lenders must display): ${pct(v.rates.apr_nominal)}`);
    out.push(`  每期 periodic IRR ${pct(v.rates.periodic_rate)} · 复利实际年利率 effective ${pct(v.rates.apr_effective)} · XIRR (ACT/365) ${pct(v.rates.xirr)}`);
  } else if (v.problem) out.push(`无法计算利率 no rate: ${v.problem}`);
  out.push('');
  for (const line of v.lines) {
    const label = lang === 'en' ? line.label.en : line.label.zh;
    if (!line.applies) {
      out.push(`○ ${label}: 不适用 does not apply — ${lang === 'en' ? line.reason?.en : line.reason?.zh}`);
      continue;
    }
    const verdict = line.over == null ? '无法判断 unknown' : line.over ? `超出 OVER by ¥${formatYuan(line.excess_fen ?? 0)}` : '未超出 within';
    out.push(`${line.over ? '●' : '○'} ${label} (${pct(line.rate)}${line.lpr ? `, LPR ${pct(line.lpr.oneYear)} @ ${line.lpr.date}` : ''}): ${verdict}`);
    if (line.lpr?.note) out.push(`    ${lang === 'en' ? line.lpr.note.en : line.lpr.note.zh}`);
    if (line.over && line.paid_above_fen != null) out.push(`    已付超出部分 already paid above the line: ¥${formatYuan(line.paid_above_fen)}`);
    if (line.problem) out.push(`    ${line.problem}`);
    for (const c of line.citations) out.push(`    依据 ${c.title}〔${c.tier_label.zh}；${c.verified_label.zh}〕`);
  }
  out.push('');
  out.push('说明：这是根据你填写的数据计算的，不是法律意见；是否支持超出部分由法院或监管部门认定。');
  return out.join('\n');
}

function loanFromScheduleFlags(flags: import('../args.js').Flags, kind: ScheduleKind): unknown {
  if (!SCHEDULE_KINDS.includes(kind)) throw new UsageError(`--schedule must be one of ${SCHEDULE_KINDS.join(', ')}`);
  const need = ['lender', 'type', 'date', 'principal', 'rate'].filter((k) => flags.str(k) === undefined);
  if (need.length) throw new UsageError(`loan add --schedule needs ${need.map((k) => `--${k}`).join(' ')}`);
  const rate = Number(flags.str('rate'));
  if (!Number.isFinite(rate) || rate < 0) throw new UsageError('--rate expects a decimal rate, e.g. 0.18 for 18%');
  let principalFen: number, receivedFen: number;
  try {
    principalFen = yuanToFen(flags.str('principal')!, '--principal');
    receivedFen = yuanToFen(flags.str('received') ?? flags.str('principal')!, '--received');
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const contractDate = flags.str('date')!;
  const periods = flags.int('periods') ?? 12;
  let spec: ScheduleSpec;
  switch (kind) {
    case 'equal_installment':
    case 'interest_first':
    case 'bullet':
      spec = { kind, principalFen, periods, contractDate, periodicRate: periodicFromAnnual(rate, 'month') };
      break;
    case 'flat_rate':
      spec = { kind, principalFen, periods, contractDate, flatRate: rate };
      break;
    case 'card_installment':
      spec = { kind, principalFen, periods, contractDate, feeRate: rate };
      break;
    case 'payday':
      spec = { kind, principalFen, contractDate, days: flags.int('days') ?? 14, dailyRate: rate };
      break;
  }
  let schedule;
  try {
    schedule = buildSchedule(spec);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  return {
    lenderName: flags.str('lender')!, lenderType: flags.str('type')!, productName: flags.str('product') ?? null, contractDate, contractPrincipalFen: principalFen,
    receivedFen, fees: [], period: kind === 'payday' ? { days: flags.int('days') ?? 14 } : 'month', schedule, payments: [], status: (flags.str('status') as never) ?? 'active',
  };
}

export const loanCommands: Command[] = [
  {
    name: 'loan add',
    usage: 'loan add (--file LOAN.json | --lender N --type T --date D --principal Y --received Y (--periods N --installment Y | --schedule KIND --rate R [--periods N] [--days N]))',
    summary: '记录一笔借款 record a loan',
    help: [
      'Amounts in flags are in yuan (元); the JSON file uses integer fen (see README). Lender types: bank, consumer_finance, microloan, platform, credit_card, private, other.',
      '--schedule builds the schedule the way lenders do (rounding to the fen, the last period settles the rest):',
      '  equal_installment 等额本息, interest_first 先息后本, bullet 到期一次还本付息: --rate = nominal annual rate (0.18 = 18%)',
      '  flat_rate 等本等息 ("月息0.8%"): --rate = flat monthly rate (0.008); card_installment 信用卡分期: --rate = fee per period (0.006)',
      '  payday 短期借款: --days 7|14|30, --rate = daily rate',
    ].join('\n'),
    flags: ['file', 'lender', 'type', 'product', 'date', 'principal', 'received', 'periods', 'installment', 'period', 'status', 'schedule', 'rate', 'days'],
    async run({ flags, io }) {
      const file = flags.str('file');
      let input: unknown;
      if (file) input = readJsonFile(file);
      else {
        const kind = flags.str('schedule') as ScheduleKind | undefined;
        if (kind) {
          input = loanFromScheduleFlags(flags, kind);
          const v = await withApp(flags, 'cli: loan add', (ctx) => addLoan(ctx, input));
          io.data(v, () => `已记录 recorded.\n\n${renderLoanView(v, io.lang)}`);
          return;
        }
        const need = ['lender', 'type', 'date', 'principal', 'periods', 'installment'].filter((k) => flags.str(k) === undefined);
        if (need.length) throw new UsageError(`loan add needs --file or ${need.map((k) => `--${k}`).join(' ')}`);
        const periods = flags.int('periods')!;
        if (periods < 1 || periods > 600) throw new UsageError('--periods must be between 1 and 600');
        const periodFlag = flags.str('period') ?? 'month';
        const period = periodFlag === 'month' || periodFlag === 'week' || periodFlag === 'day' ? periodFlag : (() => { throw new UsageError('--period must be month, week or day'); })();
        let principalFen: number, receivedFen: number, installmentFen: number;
        try {
          principalFen = yuanToFen(flags.str('principal')!, '--principal');
          receivedFen = yuanToFen(flags.str('received') ?? flags.str('principal')!, '--received');
          installmentFen = yuanToFen(flags.str('installment')!, '--installment');
        } catch (e) {
          throw new UsageError((e as Error).message);
        }
        input = loanFromSimpleTerms({
          lenderName: flags.str('lender')!, lenderType: flags.str('type')!, productName: flags.str('product') ?? null, contractDate: flags.str('date')!,
          principalFen, receivedFen, periods, installmentFen, period, status: (flags.str('status') as never) ?? 'active',
        });
      }
      const v = await withApp(flags, 'cli: loan add', (ctx) => addLoan(ctx, input));
      io.data(v, () => `已记录 recorded.\n\n${renderLoanView(v, io.lang)}`);
    },
  },
  {
    name: 'loan list',
    usage: 'loan list',
    summary: '借款列表 list loans',
    async run({ flags, io }) {
      const loans = await withApp(flags, 'cli: loan list', (ctx) => listLoans(ctx));
      io.data(loans, () =>
        loans.length
          ? table(['id', '借款方 lender', '类型', '合同日', '到手 received', '年化 APR', '超出 over'], loans.map((v) => [
              v.loan.id, v.loan.lenderName, TYPE_ZH[v.loan.lenderType] ?? v.loan.lenderType, v.loan.contractDate, formatYuan(v.loan.receivedFen), pct(v.rates?.apr_nominal),
              v.lines.filter((l) => l.applies && l.over).map((l) => `${l.id}:¥${formatYuan(l.excess_fen ?? 0)}`).join(' '),
            ]))
          : '还没有借款记录 no loans yet: huxun loan add --help',
      );
    },
  },
  {
    name: 'loan show',
    usage: 'loan show ID',
    summary: '借款体检：真实利率与法律红线 true rate and legal lines',
    async run({ flags, args, io }) {
      const id = Number(args[0]);
      if (!args[0] || !Number.isInteger(id)) throw new UsageError('loan show needs a loan ID (see huxun loan list)');
      const v = await withApp(flags, 'cli: loan show', (ctx) => showLoan(ctx, id));
      io.data(v, () => renderLoanView(v, io.lang));
    },
  },
  {
    name: 'loan delete',
    usage: 'loan delete ID',
    summary: '删除借款记录 delete a loan (kept in the evidence chain)',
    async run({ flags, args, io }) {
      const id = Number(args[0]);
      if (!args[0] || !Number.isInteger(id)) throw new UsageError('loan delete needs a loan ID');
      await withApp(flags, 'cli: loan delete', (ctx) => deleteLoan(ctx, id));
      io.data({ deleted: id }, () => `已删除 deleted loan #${id}`);
    },
  },
  {
    name: 'loan rate',
    usage: 'loan rate FILE',
    summary: '从现金流文件计算利率 rates from a cash-flow file',
    help: '{"period": "month"|"week"|"day"|{"months":N}|{"days":N}, "cashflows": [{"date":"YYYY-MM-DD","amount_fen":900000}, …]}\nPositive: money the borrower received; negative: money paid.',
    async run({ args, io }) {
      const file = args[0];
      if (!file) throw new UsageError('loan rate needs FILE');
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        throw new UsageError(`${file}: file not found`);
      }
      const r = rateFromFile(text);
      io.data(r, () => `每期 periodic ${pct(r.periodic_rate)}\n名义年化 nominal APR (IRR) ${pct(r.apr_nominal)}\n实际年化 effective ${pct(r.apr_effective)}\nXIRR (ACT/365) ${pct(r.xirr)}`);
    },
  },
];
