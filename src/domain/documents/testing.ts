/**
 * Test helpers: a sample case and a stand-in LawView (domain tests may not import src/law; test/documents-law.test.ts
 * runs the same builders over the real law data).
 */
import type { Channel, Tier, Verification } from '../law.js';
import type { Finding, Severity } from '../rules/types.js';
import type { DocumentCase, DocumentEvent } from './case.js';
import type { LawCitation, LawView } from './law-view.js';
import { plainText, type Block, type DocModel } from './model.js';

/** A stand-in citation: title 《测试法》〔id〕, so that a test can find it in the text. */
export function fakeCitation(id: string, verified: Verification = 'verified_primary', tier: Tier = 'regulation'): LawCitation {
  return {
    id,
    title: { zh: `《测试法》〔${id}〕`, en: `Test Law [${id}]` },
    law: { zh: '《测试法》', en: 'Test Law' },
    article: { zh: `〔${id}〕`, en: `[${id}]` },
    excerpt: { zh: `摘录${id}`, en: `excerpt ${id}` },
    excerptIsSummary: false,
    tier,
    tierLabel: { zh: '部门规章（测试）', en: 'Departmental rule (test)' },
    verified,
  };
}

const CHANNELS_FAKE: Channel[] = [
  { id: 'lender', name: { zh: '贷款机构本身', en: 'The lender' }, contact: '客服', handles: { zh: '一切', en: 'all' }, lenderTypes: ['bank', 'credit_card', 'consumer_finance', 'microloan', 'platform'], rules: [], verified: 'verified_secondary' },
  { id: '12378', name: { zh: '国家金融监督管理总局 12378', en: 'NFRA 12378' }, contact: '12378', handles: { zh: '银行', en: 'banks' }, lenderTypes: ['bank', 'credit_card', 'consumer_finance', 'platform'], rules: [], verified: 'verified_secondary' },
  { id: 'police', name: { zh: '公安机关', en: 'Police' }, contact: '110', handles: { zh: '威胁', en: 'threats' }, lenderTypes: 'any', rules: ['cn.threat-contacts', 'cn.impersonation'], verified: 'verified_primary' },
  { id: '12321', name: { zh: '12321', en: '12321' }, contact: '12321', handles: { zh: '骚扰', en: 'spam' }, lenderTypes: 'any', rules: ['cn.night-contact', 'cn.third-party-contact'], verified: 'verified_secondary' },
  { id: '12377', name: { zh: '12377', en: '12377' }, contact: '12377', handles: { zh: '个人信息', en: 'PI' }, lenderTypes: 'any', rules: ['cn.contacts-at-scale'], verified: 'verified_secondary' },
  { id: '12315', name: { zh: '12315', en: '12315' }, contact: '12315', handles: { zh: '商家', en: 'sellers' }, lenderTypes: ['other'], rules: [], verified: 'verified_primary' },
  { id: 'local_regulator', name: { zh: '地方金融管理局', en: 'Local regulator' }, contact: '12345', handles: { zh: '小贷', en: 'microloans' }, lenderTypes: ['microloan'], rules: [], verified: 'unverified' },
  { id: 'nifa', name: { zh: '中国互联网金融协会举报平台', en: 'NIFA' }, contact: 'jubao', handles: { zh: '举报', en: 'reports' }, lenderTypes: ['consumer_finance', 'microloan'], rules: [], verified: 'verified_secondary' },
  { id: 'pi_regulator', name: { zh: '个人信息保护主管部门', en: 'PI regulators' }, contact: '网信', handles: { zh: '个人信息', en: 'PI' }, lenderTypes: 'any', rules: ['cn.third-party-contact'], verified: 'verified_primary' },
];

/** A LawView that knows every id except those in `unknown`, and marks those in `unverified`. */
export function fakeLaw(opts: { unknown?: string[]; unverified?: string[] } = {}): LawView {
  const unknown = new Set(opts.unknown ?? []);
  const unverified = new Set(opts.unverified ?? []);
  return {
    citation: (id) => (unknown.has(id) ? null : fakeCitation(id, unverified.has(id) ? 'unverified' : 'verified_primary')),
    channel: (id) => CHANNELS_FAKE.find((c) => c.id === id) ?? null,
    channels: () => CHANNELS_FAKE,
  };
}

function ms(iso: string): number {
  return Date.parse(iso);
}

export function finding(rule: string, events: DocumentEvent[], o: { citationIds?: string[]; channels?: string[]; severity?: Severity; lenderName?: string | null; summary?: string } = {}): Finding {
  const ats = events.map((e) => ms(e.at));
  return {
    rule,
    tier: 'regulation',
    severity: o.severity ?? 'high',
    citationIds: o.citationIds ?? [],
    eventIds: events.map((e) => e.id),
    from: ats.length ? Math.min(...ats) : null,
    to: ats.length ? Math.max(...ats) : null,
    count: events.length,
    summary: { zh: o.summary ?? `${rule}的摘要`, en: o.summary ?? `summary of ${rule}` },
    channels: o.channels ?? [],
    details: { lenderName: o.lenderName === undefined ? '安心消费金融' : o.lenderName },
  };
}

export const EV = {
  night: { id: 1, at: '2024-06-01T23:15:00+08:00', kind: 'call', number: '13800001111', callStatus: 'missed', recipient: 'debtor' },
  threat: {
    id: 2,
    at: '2024-06-02T10:00:00+08:00',
    kind: 'sms',
    number: '13800001111',
    text: '李明你再不还钱，我们就把你欠钱的事发给你通讯录里所有人。',
    labels: ['collection', 'threat_contacts'],
    spans: { threat_contacts: [[9, 27]] },
    recipient: 'debtor',
  },
  toContact: {
    id: 3,
    at: '2024-06-03T09:00:00+08:00',
    kind: 'sms',
    number: '13800001111',
    text: '王小红你好，你朋友李明欠款不还，请转告他尽快还款。',
    labels: ['collection', 'third_party'],
    recipient: 'third_party',
    contactName: '王小红',
    contactNumber: '13912345678',
  },
  report: {
    id: 4,
    at: '2024-06-04T12:00:00+08:00',
    kind: 'third_party_report',
    number: '13800002222',
    text: '张伟说有人打电话给他，说你欠钱',
    recipient: 'third_party',
    contactName: '张伟',
    contactNumber: '137 0000 7777',
  },
  impersonation: {
    id: 5,
    at: '2024-06-05T14:00:00+08:00',
    kind: 'sms',
    number: '13800002222',
    text: '我们是XX法院执行局，已对你立案，明天上门。',
    labels: ['collection', 'impersonation'],
    spans: { impersonation: [[0, 9]] },
    recipient: 'debtor',
  },
} satisfies Record<string, DocumentEvent>;

/** A consumer-finance case: a night call, a threat to tell contacts, two contacts reached, an impersonation, a rate 24% over. */
export function sampleCase(): DocumentCase {
  const events: DocumentEvent[] = Object.values(EV);
  return {
    today: '2024-06-20',
    tz: 'Asia/Shanghai',
    borrower: { name: '李明', phone: '13600006666', idLast4: '123X', city: '杭州市西湖区' },
    loans: [
      {
        id: 1,
        lenderName: '安心消费金融',
        lenderType: 'consumer_finance',
        productName: '安心借',
        contractDate: '2024-01-10',
        contractPrincipalFen: 1_000_000,
        receivedFen: 900_000,
        lines: [
          { lineId: '24', label: { zh: '年化24%', en: '24% a year' }, applies: true, over: true, excessFen: 123_456, aprNominal: 0.3512, lineRate: 0.24, citationIds: ['line.24'] },
          { lineId: '36', label: { zh: '年化36%', en: '36% a year' }, applies: true, over: false, excessFen: 0, aprNominal: 0.3512, lineRate: 0.36, citationIds: ['line.36'] },
        ],
      },
    ],
    collectors: [{ name: '安心催收', numbers: ['13800001111', '13800002222'], lenderName: '安心消费金融', agency: null }],
    findings: [
      finding('cn.impersonation', [EV.impersonation], { citationIds: ['cba-2026-guideline.impersonation', 'criminal-law.art279'], channels: ['lender', 'police', '12378'], severity: 'critical' }),
      finding('cn.threat-contacts', [EV.threat], { citationIds: ['cfc-2024.art56', 'psl-2012.art42.item1'], channels: ['lender', 'police', '12378', '12377'], severity: 'critical' }),
      finding('cn.third-party-contact', [EV.toContact, EV.report], { citationIds: ['cfc-2024.art56', 'civil-code.art1033'], channels: ['lender', '12378', '12321'] }),
      finding('cn.night-contact', [EV.night], { citationIds: ['gbt-45251-2025.night'], channels: ['lender', '12378', '12321'], severity: 'medium' }),
    ],
    events,
    contactsReached: { count: 2, people: [{ name: '王小红', numbers: ['13912345678'] }, { name: '张伟', numbers: ['13700007777'], relation: '同事' }] },
    evidence: { attachments: [{ name: '通话记录截图1.png', sha256: 'a'.repeat(64), kind: 'screenshot' }], chainHead: 'f'.repeat(64), recordCount: 120 },
    answers: {},
  };
}

/** All the text of a model, one block per line (for assertions). */
export function textOf(m: DocModel): string {
  const out: string[] = [m.title, m.subtitle ?? '', m.footer ?? ''];
  for (const b of [...m.blocks, ...(m.annex ?? [])]) out.push(blockText(b));
  return out.join('\n');
}

function blockText(b: Block): string {
  switch (b.type) {
    case 'heading':
      return b.text;
    case 'paragraph':
      return plainText(b.text);
    case 'list':
      return b.items.map(plainText).join('\n');
    case 'table':
      return [b.headers.join(' | '), ...b.rows.map((r) => r.join(' | '))].join('\n');
    case 'citation':
      return `${b.law}${b.article ?? ''} ${b.excerpt} ${b.tierLabel}`;
    case 'signature':
      return b.lines.join('\n');
    case 'note':
      return b.text;
  }
}
