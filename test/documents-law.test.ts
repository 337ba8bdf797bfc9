/**
 * Documents over the real law data: every citation a document shows exists in src/law and may be cited in an outgoing
 * document (verified, or secondary quoted word for word); unverified ones and unquoted secondary ones are left out,
 * summaries are named without their paraphrase, and the channel proposal routes findings the way the reference's channel table
 * says. Also runs the PRC rule pack on a small case and builds every document from its findings, as the app does.
 */
import { describe, expect, it } from 'vitest';
import type { Citation, LenderType } from '../src/domain/law.js';
import {
  buildComplaintText,
  buildDocument,
  DOC_CITATIONS,
  DOCUMENT_TYPES,
  LETTER_CHANNELS,
  proposeChannels,
  RULE_INFO,
  type CitationBlock,
  type DocModel,
  type DocumentCase,
  type DocumentEvent,
  type LawView,
} from '../src/domain/documents/index.js';
import { EV, finding, sampleCase, textOf } from '../src/domain/documents/testing.js';
import { CN_RULES } from '../src/domain/rules/cn/index.js';
import { runRules } from '../src/domain/rules/engine.js';
import { bj, caseOf, collector, contact, loan, msg, resetIds, ev } from '../src/domain/rules/testkit.js';
import type { Finding } from '../src/domain/rules/types.js';
import { toIsoLocal } from '../src/domain/time.js';
import { articleEn, CHANNELS, CITATIONS, CN_RULE_IDS, formatCitation, getCitation, hasCitation, TIER_LABEL } from '../src/law/index.js';

/** The LawView the app layer passes to the document builders, over src/law. */
function realLaw(): LawView {
  return {
    citation(id) {
      if (!hasCitation(id)) return null;
      const c = getCitation(id);
      const bare: Citation = { ...c, article: null };
      return {
        id: c.id,
        title: { zh: formatCitation(c, 'zh'), en: formatCitation(c, 'en') },
        law: { zh: formatCitation(bare, 'zh'), en: formatCitation(bare, 'en') },
        article: c.article ? { zh: c.article, en: articleEn(c.article) } : null,
        excerpt: c.excerpt,
        excerptIsSummary: c.excerptKind === 'summary',
        tier: c.tier,
        tierLabel: TIER_LABEL[c.tier],
        verified: c.verified,
      };
    },
    channel: (id) => CHANNELS.find((c) => c.id === id) ?? null,
    channels: () => CHANNELS,
  };
}

const law = realLaw();
const UNVERIFIED_ID = CITATIONS.find((c) => c.verified === 'unverified')!.id;
const SUMMARY_ID = 'pipl.art47';

function citationBlocks(m: DocModel): CitationBlock[] {
  return m.blocks.filter((b): b is CitationBlock => b.type === 'citation');
}

/** Law names of every citation src/law holds, as they appear in 《》 in a document. */
const LAW_NAMES = new Set(CITATIONS.flatMap((c) => [...formatCitation({ ...c, article: null }, 'zh').matchAll(/《([^》]+)》/g)].map((m) => m[1]!)));

/** Every 《…》 in the text names a law src/law holds. */
function expectOnlyKnownLaws(text: string, where: string): void {
  for (const m of text.matchAll(/《([^》]+)》/g)) expect(LAW_NAMES, `${where}: 《${m[1]}》`).toContain(m[1]);
}

function checkDocument(m: DocModel, citationIds: string[], where: string): void {
  for (const id of citationIds) expect(hasCitation(id), `${where}: ${id}`).toBe(true);
  for (const b of citationBlocks(m)) {
    expect(hasCitation(b.citationId!), `${where}: ${b.citationId}`).toBe(true);
    const c = getCitation(b.citationId!);
    const solid = c.verified === 'verified_primary' || c.verified === 'verified_secondary';
    expect(solid || (c.verified === 'secondary' && c.excerptKind !== 'summary'), `${where}: ${c.id} may not be cited`).toBe(true);
    expect(b.verified, `${where}: ${c.id}`).toBe(solid);
    expect(b.excerptIsSummary === true, `${where}: ${c.id}`).toBe(c.excerptKind === 'summary');
    // The English excerpt is a gloss: printed without quotation marks (render/labels.ts citationExcerpt).
    if (m.lang === 'en') expect(b.excerptIsGloss === true, `${where}: ${c.id}`).toBe(c.excerptKind !== 'summary');
    expect(citationIds).toContain(c.id);
    if (m.lang === 'zh-CN') {
      expect(b.excerpt).toBe(c.excerptKind === 'summary' ? '' : c.excerpt.zh);
      expect(b.law).toContain(c.law.zh);
      if (c.article) expect(b.article).toBe(c.article);
    }
  }
  if (m.lang === 'zh-CN') expectOnlyKnownLaws(textOf(m), where);
}

/** The sample case with real citation ids, plus a finding citing an unverified and a summary citation. */
function lawCase(): DocumentCase {
  const c = sampleCase();
  c.findings.push(finding('cn.contacts-at-scale', [EV.toContact, EV.report], { citationIds: ['pipl.art6', SUMMARY_ID, UNVERIFIED_ID], channels: ['lender', '12377', 'pi_regulator'] }));
  c.loans[0]!.lines = c.loans[0]!.lines.map((l) => ({ ...l, citationIds: l.citationIds.filter(hasCitation) }));
  c.answers = { monthly_amount: '800', months: '18', contact_name: '王小红' };
  return c;
}

describe('documents over src/law', () => {
  it('the ids documents use exist in src/law; rule topics cover the PRC pack; letter channels exist', () => {
    for (const id of Object.values(DOC_CITATIONS)) expect(hasCitation(id), id).toBe(true);
    expect(Object.keys(RULE_INFO).sort()).toEqual([...CN_RULE_IDS].sort());
    const ids = CHANNELS.map((c) => c.id);
    for (const ch of LETTER_CHANNELS) expect(ids).toContain(ch);
    // The sample's hand-picked citation ids are real ones.
    for (const f of sampleCase().findings) for (const id of f.citationIds) expect(hasCitation(id), id).toBe(true);
  });

  it('every citation in every document exists in src/law and may be cited; unverified ones never reach a document', () => {
    const c = lawCase();
    for (const d of DOCUMENT_TYPES) {
      const channels = d.perChannel ? [...LETTER_CHANNELS] : [undefined];
      for (const channel of channels)
        for (const lang of ['zh', 'en'] as const)
          for (const redact of [false, { thirdParties: true, self: true }] as const) {
            const r = buildDocument(c, law, { type: d.id, channel, lang, redact });
            checkDocument(r.model, r.citationIds, `${d.id}/${channel}/${lang}`);
          }
    }
    const lender = buildDocument(c, law, { type: 'complaint', channel: 'lender' });
    const ids = citationBlocks(lender.model).map((b) => b.citationId);
    expect(ids).not.toContain(UNVERIFIED_ID);
    expect(lender.citationIds).not.toContain(UNVERIFIED_ID);
    // A summary is cited by name (its paraphrase stays out): in the list of conduct, and among the ids shown.
    expect(lender.citationIds).toContain(SUMMARY_ID);
    expect(textOf(lender.model)).toContain(formatCitation(getCitation(SUMMARY_ID), 'zh'));
  });

  it('a citation id src/law lacks never reaches a document', () => {
    const c = lawCase();
    c.findings[0]!.citationIds.push('no-such-law.art1');
    for (const ch of LETTER_CHANNELS) {
      const r = buildDocument(c, law, { type: 'complaint', channel: ch });
      expect(JSON.stringify(r.model)).not.toContain('no-such-law');
      for (const len of ['short', 'medium', 'full'] as const) {
        const t = buildComplaintText(c, ch, law, len);
        for (const id of t.citationIds) expect(hasCitation(id)).toBe(true);
        expectOnlyKnownLaws(t.text, `${ch}/${len}`);
      }
    }
  });

  it('the PI request cites PIPL 第十五、四十四、四十五、四十七条 from src/law, 第四十七条 as a summary', () => {
    const r = buildDocument(lawCase(), law, { type: 'pi_request' });
    const blocks = citationBlocks(r.model);
    expect(blocks.map((b) => b.citationId)).toEqual(expect.arrayContaining(['pipl.art15', 'pipl.art44', 'pipl.art45', 'pipl.art47']));
    expect(blocks.find((b) => b.citationId === 'pipl.art47')!.excerptIsSummary).toBe(true);
    expect(blocks.find((b) => b.citationId === 'pipl.art47')!.excerpt).toBe('');
    expect(textOf(r.model)).toContain(formatCitation(getCitation('pipl.art15'), 'zh'));
  });

  it('the negotiation request cites 信用卡办法 第七十条 for a credit card', () => {
    const c = lawCase();
    c.loans = [{ lenderName: '好借银行信用卡中心', lenderType: 'credit_card', contractDate: '2022-01-01', contractPrincipalFen: 2_000_000, lines: [] }];
    const r = buildDocument(c, law, { type: 'negotiation' });
    expect(r.citationIds).toEqual(['credit-card-2011.art70']);
    expect(textOf(r.model)).toContain(formatCitation(getCitation('credit-card-2011.art70'), 'zh'));
    expect(buildDocument(lawCase(), law, { type: 'negotiation' }).citationIds).toEqual([]);
  });
});

describe('proposeChannels over src/law CHANNELS', () => {
  const f = (rule: string, severity: Finding['severity'] = 'high') => finding(rule, [EV.threat], { channels: [], severity });
  const ids = (types: LenderType[], fs: Finding[]) => proposeChannels(types, fs, CHANNELS).map((p) => p.id);

  it('threats and impersonation go to the police first', () => {
    for (const rule of ['cn.threat-violence', 'cn.impersonation', 'cn.false-legal', 'cn.visit-threat']) {
      const p = proposeChannels(['consumer_finance'], [f(rule, 'critical')], CHANNELS);
      expect(p[0]!.id, rule).toBe('police');
      expect(p[0]!.urgent).toBe(true);
      expect(p[0]!.handles.zh).toContain('威胁');
    }
  });

  it('collection by consumer-finance companies, banks and credit cards goes to 12378; microloans to the local regulator', () => {
    for (const t of ['consumer_finance', 'bank', 'credit_card'] as const) {
      const p = ids([t], [f('cn.third-party-contact')]);
      expect(p[0], t).toBe('lender');
      expect(p, t).toContain('12378');
      expect(p, t).not.toContain('local_regulator');
    }
    const micro = ids(['microloan'], [f('cn.third-party-contact')]);
    expect(micro).toContain('local_regulator');
    expect(micro).not.toContain('12378');
  });

  it('harassing calls and messages go to 12321; personal-information abuse to 12377', () => {
    expect(ids(['bank'], [f('cn.call-flood', 'medium')])).toContain('12321');
    expect(ids(['bank'], [f('cn.night-contact', 'medium')])).toContain('12321');
    expect(ids(['consumer_finance'], [f('cn.contacts-at-scale')])).toContain('12377');
    expect(ids(['consumer_finance'], [f('cn.night-contact', 'medium')])).not.toContain('12377');
  });

  it('12363, whose scope is unverified, is never proposed', () => {
    expect(ids(['bank', 'consumer_finance', 'microloan'], CN_RULE_IDS.map((r) => f(r)))).not.toContain('12363');
  });
});

describe('from the rule pack to the documents', () => {
  it('findings of the PRC pack become letters whose citations all exist in src/law', () => {
    resetIds();
    const data = caseOf({
      loans: [loan(1, 'consumer_finance', { lenderName: '安心消费金融' })],
      collectors: [collector(1, 1, ['13800001111'], '安心消费金融')],
      contacts: [contact(1, ['13711110001'], { name: '王小红', relation: '朋友' })],
      events: [
        msg(bj(2026, 2, 10, 23, 30), ['collection', 'threat_violence'], { collectorId: 1, number: '13800001111', text: '再不还钱就上门打断你的腿' }),
        msg(bj(2026, 2, 11, 9), ['collection', 'third_party'], { collectorId: 1, number: '13800001111', recipient: 'third_party', contactId: 1, text: '你朋友欠钱不还' }),
        msg(bj(2026, 2, 12, 10), ['collection', 'impersonation', 'false_legal'], { collectorId: 1, number: '13800001111', text: '我们是法院，已立案' }),
        ev({ at: bj(2026, 2, 13, 10), kind: 'third_party_report', collectorId: 1, number: '13800001111', contactNumber: '13711110001', recipient: 'unknown' }),
      ],
    });
    const findings = runRules(CN_RULES, data);
    expect(findings.length).toBeGreaterThan(0);
    const events: DocumentEvent[] = data.events.map((e) => ({
      id: e.id,
      at: toIsoLocal(e.at, e.tz),
      kind: e.kind,
      number: e.number,
      text: e.text,
      labels: e.labels,
      spans: e.spans,
      recipient: e.recipient,
      callStatus: e.callStatus ?? null,
      contactName: e.contactId === 1 || e.contactNumber === '13711110001' ? '王小红' : null,
      contactNumber: e.contactNumber ?? null,
    }));
    const c: DocumentCase = {
      today: '2026-02-20',
      tz: 'Asia/Shanghai',
      borrower: { name: '李明', phone: '13600006666', city: '杭州' },
      loans: [{ lenderName: '安心消费金融', lenderType: 'consumer_finance', contractDate: '2025-10-01', contractPrincipalFen: 500_000, lines: [] }],
      collectors: [{ name: '催收', numbers: ['13800001111'], lenderName: '安心消费金融' }],
      findings,
      events,
      contactsReached: { count: 1, people: [{ name: '王小红', numbers: ['13711110001'] }] },
      evidence: { attachments: [], chainHead: null, recordCount: 4 },
      answers: {},
    };
    const proposals = proposeChannels(['consumer_finance'], findings, CHANNELS);
    expect(proposals[0]!.id).toBe('police');
    for (const p of proposals.filter((x) => x.letter)) {
      const r = buildDocument(c, law, { type: 'complaint', channel: p.id });
      checkDocument(r.model, r.citationIds, p.id);
      expect(textOf(r.model)).toContain('2026年2月');
    }
    const police = buildDocument(c, law, { type: 'complaint', channel: 'police' });
    const pt = textOf(police.model);
    expect(pt).toContain('打断你的腿');
    expect(pt).toContain('不得接触'); // conduct from 2026: the new law's no-contact order
    // To the police, statutes and judicial interpretations only.
    for (const b of citationBlocks(police.model)) expect(['statute', 'judicial_interpretation', 'administrative_regulation']).toContain(getCitation(b.citationId!).tier);
    const redacted = JSON.stringify(buildDocument(c, law, { type: 'complaint', channel: 'lender', redact: { thirdParties: true } }).model);
    expect(redacted).not.toContain('王小红');
    expect(redacted).not.toContain('13711110001');
  });
});
