/** Sample content models for tests, previews and timing. The facts are invented. */
import type { Block, DocModel } from '../domain/documents/model.js';

export function sampleComplaint(opts: { rows?: number; extraText?: string } = {}): DocModel {
  const rows = Array.from({ length: opts.rows ?? 12 }, (_, i) => [
    `2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
    `23:${String(10 + (i % 50)).padStart(2, '0')}`,
    '13900001111',
    i % 2 ? '短信' : '来电',
    i % 3 ? '你再不还钱，我们就联系你母亲和你单位领导，让你身败名裂。' : '未接通（响铃 40 秒）',
  ]);
  const blocks: Block[] = [
    { type: 'note', text: '草稿：本文书由护讯根据您录入的资料生成，请逐条核对事实后再提交。' },
    { type: 'heading', level: 1, text: '一、基本事实' },
    {
      type: 'paragraph',
      priority: 'key',
      text: [
        { text: '2025年12月3日至2026年1月4日', bold: true },
        { text: `，某某消费金融有限公司的催收人员使用 13900001111 等号码共拨打电话 87 次，其中 23 次在 22:00 以后；并向我的母亲、同事发送短信，称“再不还钱就爆你通讯录”。${opts.extraText ?? ''}` },
      ],
    },
    {
      type: 'list',
      ordered: true,
      priority: 'key',
      items: ['夜间（22:00–08:00）来电 23 次；', '向第三人（母亲、同事）发送催收信息 6 条；', [{ text: '冒充律师、法院', bold: true }, { text: '发送虚假法律文书 2 份。' }]],
    },
    { type: 'heading', level: 2, text: '通话与短信记录（摘录）' },
    { type: 'table', headers: ['日期', '时间', '号码', '类型', '内容摘要'], rows, widths: [2.2, 1.3, 2.4, 1.1, 6] },
    { type: 'heading', level: 1, text: '二、法律依据' },
    {
      type: 'citation',
      law: '中华人民共和国个人信息保护法',
      article: '第十条',
      excerpt: '任何组织、个人不得非法收集、使用、加工、传输他人个人信息，不得非法买卖、提供或者公开他人个人信息。',
      tierLabel: '法律',
      verified: true,
    },
    {
      type: 'citation',
      law: '互联网金融逾期债务催收自律公约（试行）',
      article: null,
      excerpt: '催收时间应为每日 8:00 至 21:00。',
      tierLabel: '行业自律（非强制）',
      verified: false,
    },
    { type: 'heading', level: 1, text: '三、投诉请求' },
    { type: 'list', priority: 'key', items: ['立即停止向第三人催收；', '删除违法收集的通讯录信息；', '依法处理相关催收人员，并书面答复处理结果。'] },
    { type: 'signature', lines: ['投诉人：王小明', '联系电话：138****5678', '2026年1月5日'] },
  ];
  return {
    title: '关于某某消费金融有限公司违规催收的投诉书',
    lang: 'zh-CN',
    subtitle: '致：国家金融监督管理总局某某监管局',
    footer: '证据链 head 3f2a9c0e5b…（共 128 条记录）',
    blocks,
  };
}

/** A long document (about ten A4 pages) for timing. */
export function tenPageComplaint(): DocModel {
  const base = sampleComplaint({ rows: 160 });
  const para: Block = {
    type: 'paragraph',
    text: '催收人员在电话中反复威胁称，如不在当日还清全部欠款，将到我的工作单位和老家上门，并把我的照片和欠款信息发到我通讯录里的每一个人。我多次说明目前失业、正在筹钱，并提出分期还款方案，均被拒绝。',
  };
  return { ...base, blocks: [...base.blocks.slice(0, 4), ...Array.from({ length: 24 }, () => para), ...base.blocks.slice(4)] };
}
