import { findLenders, type LenderView } from '../../app/lenders.js';
import { UsageError } from '../args.js';
import type { Command } from '../registry.js';

const TYPE_ZH: Record<string, string> = {
  bank: '银行',
  internet_bank: '民营/互联网银行',
  credit_card: '信用卡',
  consumer_finance: '消费金融公司',
  microloan: '小额贷款公司',
  guarantee: '融资担保公司',
  platform: '助贷/平台',
  private: '民间借贷',
  other: '其他',
};

const STATUS_ZH: Record<string, string> = { verified: '已核实（官方来源）', secondary: '二手来源', unverified: '未核实' };

/** The CLI's JSON shape for a lender (documented in docs/lenders.md). */
export function lenderJson(v: LenderView) {
  return {
    brand: v.brand,
    entity: v.entity,
    type: v.type,
    regulator: v.regulator,
    province: v.province,
    channels: v.channels,
    service_numbers: v.service_numbers,
    source: v.source,
    verified: v.verified,
    status: v.status,
    multi_lender: v.multi_lender,
    match: v.match,
    entity_id: v.entity_id,
    brand_id: v.brand_id,
    loan_type: v.loan_type,
    facts: v.facts,
    note: v.note,
  };
}

function render(rows: LenderView[]): string {
  if (!rows.length) return '没有找到这个放贷机构。它可能不是放贷机构（例如一句话、法院、仲裁委员会），或者还不在名录里：请看借款合同、App 的“关于我们”或征信报告上的机构名称。\nNot a lender in the registry.';
  const out: string[] = [];
  if (rows.some((r) => r.multi_lender)) {
    out.push('注意：这个品牌通过多家机构放款，具体哪一家以借款合同为准。This brand lends through several entities: the contract names the lender.');
    out.push('');
  }
  rows.forEach((r, i) => {
    out.push(`${i + 1}. ${r.brand ? `${r.brand} → ` : ''}${r.entity}（${TYPE_ZH[r.type] ?? r.type}）〔${STATUS_ZH[r.status] ?? r.status}〕`);
    out.push(`   监管 regulator: ${r.regulator}〔${STATUS_ZH[r.facts.regulator.status]}〕`);
    out.push(`   注册地 province: ${r.province}〔${STATUS_ZH[r.facts.province.status]}〕`);
    out.push(`   投诉渠道 channels: ${r.channels.join(', ')}`);
    for (const n of r.service_numbers) out.push(`   客服 ${n.label ?? ''} ${n.number}〔${STATUS_ZH[n.status]}〕`);
    out.push(`   来源 source: ${r.source}`);
  });
  return out.join('\n');
}

export const lenderCommands: Command[] = [
  {
    name: 'lender find',
    usage: 'lender find NAME [--json]',
    summary: '查放贷机构（品牌、公司名、简称）find a lender by brand or name',
    help:
      'Looks NAME up in the registry of lenders and brands (src/law/lenders*.ts): brands (借呗, 360借条 …), registered names, short names\n' +
      'and known aliases, in simplified or traditional characters, full- or half-width, with or without 有限公司/股份. Prints one row per\n' +
      '(brand, entity), best match first: entity, type, regulator, province, complaint channels, service numbers, and the source and\n' +
      'status (verified / secondary / unverified) of each fact. A name that is not a lender (a phrase, a court, an arbitration\n' +
      'commission …) gives no rows (exit 0).',
    async run({ args, io }) {
      const name = args.join(' ').trim();
      if (!name) throw new UsageError('lender find needs a NAME, e.g. huxun lender find 借呗');
      const rows = findLenders(name);
      io.data(rows.map(lenderJson), () => render(rows));
    },
  },
];
