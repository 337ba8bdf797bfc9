/** Law data commands: the LPR quotes a case adds after the end of Huxun's table (docs/law/cn-law.md §D6). */
import { addUserLpr, listUserLpr, lprForDate, type UserLprQuote } from '../../app/lpr.js';
import { LPR, LPR_KNOWN_THROUGH } from '../../law/index.js';
import { UsageError } from '../args.js';
import { withApp, type Command } from '../registry.js';

const pct = (r: number) => `${(r * 100).toFixed(2)}%`;

function render(list: readonly UserLprQuote[]): string {
  const last = LPR[LPR.length - 1]!;
  const out = [`护讯的LPR表到 ${last.date}（一年期 ${pct(last.oneYear)}，五年期以上 ${pct(last.fiveYear)}），覆盖到 ${LPR_KNOWN_THROUGH}。Huxun's table ends with the quote of ${last.date}.`];
  if (!list.length) out.push('本案没有自行录入的报价。No quotes entered in this case.');
  else {
    out.push('本案自行录入的报价（护讯没有核对）Quotes entered in this case (not checked by Huxun):');
    for (const q of list) out.push(`  ${q.date}  一年期 1Y ${pct(q.oneYear)}  五年期以上 5Y ${pct(q.fiveYear)}  来源 source: ${q.source}`);
  }
  return out.join('\n');
}

function rate(v: string | undefined, name: string): number {
  const n = Number(v);
  if (v === undefined || v.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${name}: expected a rate in percent, e.g. 3.00`);
  return n;
}

export const lawCommands: Command[] = [
  {
    name: 'law lpr add',
    usage: 'law lpr add DATE ONE_YEAR FIVE_YEAR --source TEXT',
    summary: '录入护讯LPR表之后公布的一年期、五年期以上LPR record a newer LPR quote in this case',
    help:
      'Records an LPR quote published after the last one in Huxun\'s table (rates in percent as published, e.g. 3.00 3.50), with where\n' +
      'you read it (--source, e.g. the chinamoney.com.cn announcement). The 4 × LPR line of a contract dated on or after DATE then uses it,\n' +
      'shown as entered by you: Huxun does not check it. Without it, such a contract uses the table\'s last quote with a note.',
    flags: ['source'],
    async run({ args, flags, io }) {
      const [date, one, five, ...rest] = args;
      if (!date || rest.length) throw new UsageError('usage: huxun law lpr add DATE ONE_YEAR FIVE_YEAR --source TEXT');
      const source = flags.str('source');
      if (!source) throw new UsageError('--source TEXT is required: say where you read the quote');
      const input = { date, oneYearPct: rate(one, 'ONE_YEAR'), fiveYearPct: rate(five, 'FIVE_YEAR'), source };
      const list = await withApp(flags, 'cli: law lpr add', (ctx) => addUserLpr(ctx, input));
      const q = lprForDate(date, list)!;
      io.data({ quotes: list, in_force_on_date: q }, () => `${render(list)}\n${date}: 一年期LPR ${pct(q.oneYear)}（自行录入 entered by you）`);
    },
  },
  {
    name: 'law lpr list',
    usage: 'law lpr list',
    summary: '本案自行录入的LPR报价 the LPR quotes entered in this case',
    async run({ flags, io }) {
      const list = await withApp(flags, 'cli: law lpr list', (ctx) => listUserLpr(ctx));
      io.data({ table_last: LPR[LPR.length - 1], known_through: LPR_KNOWN_THROUGH, quotes: list }, () => render(list));
    },
  },
];
