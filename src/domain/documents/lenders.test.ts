import { describe, expect, it } from 'vitest';
import type { Channel } from '../law.js';
import type { DocumentCase } from './case.js';
import { proposeLenderComplaints } from './channels.js';
import { buildComplaint } from './complaint.js';
import { complaintContent, scopeLender, scopeUnknown } from './complaint-content.js';
import { buildComplaintText } from './form-text.js';
import { FIND_LENDER, UNKNOWN_LENDER, type DocumentLender } from './lenders.js';
import { EV, fakeLaw, finding, sampleCase, textOf } from './testing.js';

const base = fakeLaw();
const EXTRA: Channel[] = [
  { id: 'local_regulator', name: { zh: '地方金融管理局', en: 'Local financial regulator' }, contact: '12345', handles: { zh: '小贷', en: 'microloans' }, lenderTypes: ['microloan'], rules: [], verified: 'unverified' },
  { id: 'nifa', name: { zh: '互金协会', en: 'NIFA' }, contact: 'jubao', handles: { zh: '举报', en: 'reports' }, lenderTypes: ['consumer_finance', 'microloan', 'platform'], rules: [], verified: 'verified_secondary' },
];
const law = { ...base, channel: (id: string) => base.channel(id) ?? EXTRA.find((c) => c.id === id) ?? null, channels: () => [...base.channels(), ...EXTRA] };

const CFC: DocumentLender = {
  key: 'loan:1', name: '马上消费金融股份有限公司', entity: '马上消费金融股份有限公司', brand: '安逸花', type: 'consumer_finance',
  regulator: '国家金融监督管理总局重庆监管局', regulatorStatus: 'secondary', province: '重庆市', channels: ['lender', '12378', 'nifa'], loanIds: [1], collectorIds: [1],
};
const MLC: DocumentLender = {
  key: 'loan:2', name: '福州奇富网络小额贷款有限公司', entity: '福州奇富网络小额贷款有限公司', brand: '360借条', type: 'microloan',
  regulator: '福建省地方金融管理局', regulatorStatus: 'unverified', province: '福建省', channels: ['lender', 'local_regulator', 'nifa'], loanIds: [2], collectorIds: [2],
};

function twoLenderCase(): DocumentCase {
  const c = sampleCase();
  const loan = c.loans[0]!;
  c.loans = [
    { ...loan, id: 1, lenderName: '马上消费金融股份有限公司', productName: '安逸花' },
    { ...loan, id: 2, lenderName: '福州奇富网络小额贷款有限公司', lenderType: 'microloan', productName: '360借条' },
  ];
  c.collectors = [
    { id: 1, name: '安逸花催收', numbers: ['13800001111'], lenderName: '安逸花', loanId: 1 },
    { id: 2, name: '360借条催收', numbers: ['13800004444'], lenderName: '360借条', loanId: 2 },
    { id: 3, name: '未知催收方 138****2222（自称XX仲裁委员会）', numbers: ['13800002222'], lenderName: null, loanId: null, claims: ['XX仲裁委员会'] },
  ];
  c.lenders = [CFC, MLC];
  const withLoan = (f: ReturnType<typeof finding>, loanId: number | null, collectorIds: number[]) => ({ ...f, details: { ...f.details, loanId, lenderName: null, collectorIds } });
  c.findings = [
    withLoan(finding('cn.threat-contacts', [EV.threat], { channels: ['lender', '12378', 'police'] }), 1, [1]),
    withLoan(finding('cn.night-contact', [EV.night], { channels: ['lender', '12378', '12321'] }), 2, [2]),
    withLoan(finding('cn.impersonation', [EV.impersonation], { channels: ['lender', 'police'] }), null, [3]),
  ];
  return c;
}

describe('complaints per lender, routed to the authority that supervises it (issue 12 §3)', () => {
  it('proposes one complaint per lender: 12378 for a consumer finance company, the local regulator of its province for a microloan company, each with why', () => {
    const c = twoLenderCase();
    const p = proposeLenderComplaints(c.lenders!, [3], (k) => (k === UNKNOWN_LENDER ? scopeUnknown(c) : scopeLender(c, c.lenders!.find((l) => l.key === k)!)).findings, law.channels());
    expect(p.map((x) => x.lender)).toEqual(['loan:1', 'loan:2', UNKNOWN_LENDER]);
    const cfc = p[0]!;
    expect(cfc.name.zh).toBe('马上消费金融股份有限公司（品牌：安逸花）');
    expect(cfc.channels.map((x) => x.id)).toEqual(['lender', '12378', 'nifa']);
    expect(cfc.channels.find((x) => x.id === '12378')!.why.zh).toContain('消费金融公司');
    expect(cfc.channels.find((x) => x.id === '12378')!.why.zh).toContain('国家金融监督管理总局重庆监管局');
    expect(cfc.channels.find((x) => x.id === '12378')!.rules).toEqual(['cn.threat-contacts']);
    const mlc = p[1]!;
    expect(mlc.channels.map((x) => x.id)).toEqual(['lender', 'local_regulator', 'nifa']);
    expect(mlc.channels.map((x) => x.id)).not.toContain('12378');
    const local = mlc.channels.find((x) => x.id === 'local_regulator')!;
    expect(local.why.zh).toContain('注册在福建省');
    expect(local.why.zh).toContain('福建省地方金融管理局');
    expect(local.addressee!.zh).toBe('致：福建省地方金融管理局');
    expect(p[2]!.unknown).toBe(true);
    expect(p[2]!.channels[0]!.why.zh).toContain('征信');
  });

  it('a letter about one lender names entity and brand, is addressed to its regulator and covers only its findings', () => {
    const c = twoLenderCase();
    const k = complaintContent(c, 'local_regulator', law, { lenderKey: 'loan:2' });
    expect(k.addressee).toBe('致：福建省地方金融管理局');
    expect(k.respondents.find((r) => r.label === '被投诉机构')!.value).toBe('福州奇富网络小额贷款有限公司（品牌：360借条）（小额贷款公司）');
    expect(k.respondents.find((r) => r.label === '监管机构')!.value).toBe('福建省地方金融管理局');
    expect(k.sourceFindings.map((f) => f.rule)).toEqual(['cn.night-contact']);
    expect(k.routing).toContain('地方金融');
    expect(k.title).toContain('福州奇富网络小额贷款有限公司');
    const nfra = complaintContent(c, '12378', law, { lenderKey: 'loan:1' });
    expect(nfra.addressee).toBe('致：国家金融监督管理总局（12378）／国家金融监督管理总局重庆监管局');
    expect(nfra.sourceFindings.map((f) => f.rule)).toEqual(['cn.threat-contacts']);
    expect(JSON.stringify(nfra.respondents)).not.toContain('13800004444');
  });

  it('a complaint with no identified lender says so and how to find out, instead of listing every number', () => {
    const c = twoLenderCase();
    const k = complaintContent(c, '12378', law, { lenderKey: UNKNOWN_LENDER });
    expect(k.unknownLender).toBe(true);
    expect(k.respondents.find((r) => r.label === '被投诉机构')!.value).toContain('尚未查明');
    expect(k.respondents.find((r) => r.label === '催收号码')!.value).toBe('共1个（号码及通话、短信记录见证据清单）');
    expect(k.sourceFindings.map((f) => f.rule)).toEqual(['cn.impersonation']);
    expect(k.respondents.find((r) => r.label === '催收方自称')!.value).toBe('XX仲裁委员会（涉嫌冒充，并非放贷机构）');
    const t = textOf(buildComplaint(c, '12378', law, { lenderKey: UNKNOWN_LENDER }).model);
    expect(t).toContain(FIND_LENDER.zh);
    for (const w of ['借款合同', '关于我们', '征信']) expect(t).toContain(w);
    expect(t).not.toMatch(/催收号码：1380000/);
    expect(t).toContain('放贷机构尚未查明');
    // The online-form text says so too.
    expect(buildComplaintText(c, '12378', law, 'short', { lenderKey: UNKNOWN_LENDER }).text).toContain('尚未查明');
    // A case with no loan and no lender known: the same, without being asked.
    const none = { ...sampleCase(), loans: [], lenders: [], collectors: [{ id: 9, name: '未知催收方', numbers: ['13800001111', '13800002222'], lenderName: null }] };
    const k2 = complaintContent(none, '12378', law);
    expect(k2.unknownLender).toBe(true);
    expect(JSON.stringify(k2.respondents)).not.toContain('13800001111');
  });
});
