/**
 * What a complaint letter says, as data: complainant, respondent, the facts in time order, the findings with their
 * citations, the demands, the evidence index. The letter model (complaint.ts) and the online-form texts (form-text.ts)
 * are both drawn from this, so they never disagree.
 */
import type { Channel, Tier } from '../law.js';
import { formatYuan } from '../money.js';
import type { Finding } from '../rules/types.js';
import type { DocumentCase, DocumentCollector, DocumentLoan, EvidenceIndex, Lang, Question } from './case.js';
import { findingsForChannel, isLetterChannel, type LetterChannel } from './channels.js';
import { authorityAsk, lenderDemands, lenderNames, type Demand } from './demands.js';
import { factRows, overview, type FactRow, type FactsOverview } from './facts.js';
import { dayOf, fmtDate, fmtPeriod, fmtRate, joinList, LENDER_TYPE_LABEL, plural } from './format.js';
import { usableCitations, type LawCitation, type LawView } from './law-view.js';
import { callFacts, type CallFacts } from './calls.js';
import { REGULATOR_RULES } from './regulator-rules.js';
import type { DocumentPurpose } from './blocks.js';
import { answer, Missing } from './questions.js';
import { hasTopic, ruleName } from './topics.js';
import { LENDER_CHANNELS, UNKNOWN_LENDER, cleanRegulator, lenderAddressee, lenderTitle, routeReason, typeLabel, type DocumentLender, type DocumentLenderType } from './lenders.js';

export interface ComplaintOptions {
  /** Default 'zh'. */
  lang?: Lang;
  /** Only this lender's loans, collectors and findings (by lender name); default all. */
  lender?: string | null;
  /**
   * The lender the complaint is about, by DocumentLender.key (c.lenders), or 'unknown' for the collectors whose lender is
   * not identified. Addressed to the authority that supervises it; takes precedence over `lender`.
   */
  lenderKey?: string | null;
  /** Most event rows in the annex's event list (the rest are counted and left to the evidence bundle). Default 500. */
  maxFactRows?: number;
  /** 'draft' (default): preview and the person's copy, with the draft banner; 'send': the version sent (blocks.ts forPurpose). */
  purpose?: DocumentPurpose;
}

export interface FindingEntry {
  rule: string;
  name: string;
  severity: Finding['severity'];
  /** "2024年6月1日至2024年6月12日", or '' for findings without events. */
  period: string;
  count: number;
  /** What happened, in one plain sentence with counts (from the findings' data, never their app-side caveats). */
  summary: string;
  citations: LawCitation[];
}

export interface LabelledValue {
  label: string;
  /** null: unknown; the letter shows a blank to fill in. */
  value: string | null;
}

export interface ComplaintContent {
  channel: LetterChannel;
  /** The lender the letter is about (null: the whole case, or the lender is not identified). */
  lender: DocumentLender | null;
  /** The lender is not identified: the letter says so and how to find out (FIND_LENDER), and lists no numbers. */
  unknownLender: boolean;
  /** Why this channel fits this lender (the registry's type, regulator and province). */
  routing: string | null;
  channelInfo: Channel | null;
  lang: Lang;
  /** 投诉 (complaint), 举报 (report of a lead), 报案 (police report). */
  mode: 'complaint' | 'report' | 'police';
  title: string;
  addressee: string;
  complainant: LabelledValue[];
  respondents: LabelledValue[];
  loans: DocumentLoan[];
  overview: FactsOverview;
  /** Calls and messages, night contacts, floods, per collector and per lender (calls.ts). */
  calls: CallFacts;
  facts: { rows: FactRow[]; total: number };
  /**
   * The provisions the letter cites, in the order the addressee acts on them: to a regulator (and the lender), first the
   * rules that regulator enforces on the lender's type (regulator-rules.ts) and the other lending rules, then statutes;
   * to the police and the information channels, statutes first.
   */
  provisions: { lead: LawCitation[]; rest: LawCitation[] };
  /** The lender type whose rules lead (null: none). */
  leadType: DocumentLenderType | null;
  findings: FindingEntry[];
  /** The findings the letter is about (the case's, narrowed to the lender and the channel). */
  sourceFindings: Finding[];
  /** What the authority (or, in a letter to the lender, the lender's reply) is asked for. */
  ask: Demand[];
  /** What the lender is asked to do. */
  demands: Demand[];
  /** Citations backing the demands (known to src/law), by demand index. */
  demandCitations: LawCitation[][];
  evidence: EvidenceIndex;
  today: string;
  borrowerName: string | null;
  missing: Question[];
  /** Every citation id the content shows. */
  citationIds: string[];
}

export const BLANK = '＿＿＿＿＿＿';

function lenderOfFinding(f: Finding): string | null {
  const v = f.details?.['lenderName'];
  return typeof v === 'string' && v ? v : null;
}

/** The case narrowed to one lender (findings of unknown lender stay). */
export function scopeCase(c: DocumentCase, lender: string | null | undefined): { loans: DocumentLoan[]; collectors: DocumentCollector[]; findings: Finding[] } {
  if (!lender) return { loans: c.loans, collectors: c.collectors, findings: c.findings };
  return {
    loans: c.loans.filter((l) => l.lenderName === lender),
    collectors: c.collectors.filter((k) => k.lenderName === null || k.lenderName === lender),
    findings: c.findings.filter((f) => {
      const n = lenderOfFinding(f);
      return n === null || n === lender;
    }),
  };
}

/** The case narrowed to one lender of c.lenders; findings nobody is known for stay only when the case has one lender. */
export function scopeLender(c: DocumentCase, l: DocumentLender): { loans: DocumentLoan[]; collectors: DocumentCollector[]; findings: Finding[] } {
  const loanIds = new Set(l.loanIds);
  const colIds = new Set(l.collectorIds);
  const single = (c.lenders ?? []).length <= 1;
  return {
    loans: c.loans.filter((x) => x.id != null && loanIds.has(x.id)),
    collectors: c.collectors.filter((k) => (k.id != null && colIds.has(k.id)) || (single && k.lenderName === null && k.loanId == null)),
    findings: c.findings.filter((f) => {
      const lid = f.details?.['loanId'];
      if (typeof lid === 'number') return loanIds.has(lid);
      const cids = f.details?.['collectorIds'];
      if (Array.isArray(cids) && cids.some((id) => colIds.has(id as number))) return true;
      const n = lenderOfFinding(f);
      if (n) return n === l.name || n === l.brand || n === l.entity;
      return single;
    }),
  };
}

/** The collectors whose lender is not identified, and the findings about them. */
export function scopeUnknown(c: DocumentCase): { loans: DocumentLoan[]; collectors: DocumentCollector[]; findings: Finding[] } {
  const unknown = c.collectors.filter((k) => k.lenderName === null && k.loanId == null);
  const ids = new Set(unknown.flatMap((k) => (k.id != null ? [k.id] : [])));
  return {
    loans: [],
    collectors: unknown,
    findings: c.findings.filter((f) => {
      if (typeof f.details?.['loanId'] === 'number' || lenderOfFinding(f)) return false;
      const cids = f.details?.['collectorIds'];
      return !Array.isArray(cids) || cids.length === 0 || cids.some((id) => ids.has(id as number));
    }),
  };
}

function distinct(xs: Iterable<string>): string[] {
  return [...new Set(xs)];
}

/** The collection agency, from the person's answer or the collectors' records. */
export function agencyOf(c: DocumentCase, collectors: readonly DocumentCollector[]): string | null {
  const known = distinct(collectors.map((k) => k.agency ?? '').filter(Boolean));
  return answer(c, 'collection_agency') ?? (known.length ? known.join('、') : null);
}

const MODE: Record<LetterChannel, ComplaintContent['mode']> = {
  lender: 'complaint',
  '12378': 'complaint',
  local_regulator: 'complaint',
  nifa: 'report',
  '12321': 'report',
  '12377': 'report',
  pi_regulator: 'complaint',
  police: 'police',
  '12315': 'complaint',
};

const POLICE_TIERS: readonly Tier[] = ['statute', 'judicial_interpretation', 'administrative_regulation'];

/**
 * The citations a letter to this channel shows: to the police, only the statutes, regulations of the State Council and
 * judicial interpretations they apply (lending rules, standards and guidelines are for the lender's regulator).
 */
function channelCitations(channel: LetterChannel, cs: LawCitation[]): LawCitation[] {
  return channel === 'police' ? cs.filter((c) => POLICE_TIERS.includes(c.tier)) : cs;
}

/** Builds the content of a complaint letter to a channel. */
export function complaintContent(c: DocumentCase, channel: string, law: LawView, opts: ComplaintOptions = {}): ComplaintContent {
  if (!isLetterChannel(channel)) throw new RangeError(`no complaint letter for channel ${JSON.stringify(channel)}`);
  const lang = opts.lang ?? 'zh';
  const zh = lang === 'zh';
  const ch = law.channel(channel);
  const aboutLender = LENDER_CHANNELS.includes(channel);
  const chosen = opts.lenderKey && opts.lenderKey !== UNKNOWN_LENDER ? (c.lenders ?? []).find((l) => l.key === opts.lenderKey) ?? null : null;
  const lender = aboutLender ? chosen : null;
  // No lender identified: asked for, or a complaint about lenders in a case that has none.
  const unknownLender = aboutLender && !lender && (opts.lenderKey === UNKNOWN_LENDER || (!opts.lender && !c.loans.length && !(c.lenders ?? []).length));
  const scoped = lender ? scopeLender(c, lender) : opts.lenderKey === UNKNOWN_LENDER ? scopeUnknown(c) : scopeCase(c, opts.lender);
  const lenderTypes = scoped.loans.map((l) => l.lenderType);
  // A letter about one lender to the authority that supervises it covers all of that lender's findings (the rules'
  // channel lists were narrowed by a loan type that may be unknown); so does one whose lender is still to be found.
  const routed = (lender && lender.channels.includes(channel)) || unknownLender;
  const findings = ch && !routed ? findingsForChannel(ch, scoped.findings, lenderTypes) : scoped.findings;
  const missing = new Missing();

  // Complainant
  const name = missing.need(answer(c, 'borrower_name'), 'borrower_name');
  const phone = missing.need(answer(c, 'borrower_phone'), 'borrower_phone');
  const needsCity = channel === 'police' || channel === 'local_regulator';
  const city = missing.need(answer(c, 'borrower_city'), 'borrower_city', needsCity);
  const idLast4 = channel === 'lender' || channel === '12378' || channel === 'local_regulator' ? missing.need(answer(c, 'borrower_id_last4'), 'borrower_id_last4') : answer(c, 'borrower_id_last4');
  const address = channel === '12315' ? missing.need(answer(c, 'borrower_address'), 'borrower_address', true) : null;
  const complainant: LabelledValue[] = [
    { label: zh ? '姓名' : 'Name', value: name },
    { label: zh ? '联系电话' : 'Phone', value: phone },
  ];
  if (idLast4 !== null || channel === 'lender' || channel === '12378' || channel === 'local_regulator')
    complainant.push({ label: zh ? '身份证号后四位' : 'Last four of ID number', value: idLast4 });
  if (city !== null || needsCity) complainant.push({ label: zh ? '所在地' : 'City', value: city });
  if (channel === '12315') complainant.push({ label: zh ? '联系地址' : 'Address', value: address });

  // Respondent
  const lenders = lenderNames(scoped.loans);
  const agency = agencyOf(c, scoped.collectors);
  const respondents: LabelledValue[] = [];
  if (channel === '12315') {
    const others = scoped.loans.filter((l) => l.lenderType === 'other').map((l) => l.lenderName);
    const resp = others.length ? joinList(distinct(others), lang) : missing.need(answer(c, 'respondent_name'), 'respondent_name', true);
    respondents.push({ label: zh ? '被投诉方' : 'Business', value: resp });
    respondents.push({ label: zh ? '地址或网店、App' : 'Address, shop or app', value: missing.need(answer(c, 'respondent_address'), 'respondent_address') });
  } else if (lender) {
    const tl = typeLabel(lender.type);
    respondents.push({
      label: zh ? (channel === 'police' ? '涉事贷款机构' : '被投诉机构') : 'Lender',
      value:
        (zh ? `${lenderTitle(lender, lang)}（${tl.zh}）` : `${lenderTitle(lender, lang)} (${tl.en})`) +
        (lender.multiLender ? (zh ? '；该品牌与多家机构合作放贷，具体放贷机构以借款合同为准' : '; this brand lends through several institutions: the contract names the lender') : ''),
    });
    const reg = cleanRegulator(lender.regulator);
    if (reg && channel !== 'lender') respondents.push({ label: zh ? '监管机构' : 'Supervised by', value: reg });
  } else if (unknownLender) {
    respondents.push({
      label: zh ? '被投诉机构' : 'Lender',
      value: zh ? '尚未查明（可查借款合同、App“关于我们”页面或征信报告）' : 'not yet identified (see the loan contract, the app\'s About page or the credit report)',
    });
  } else if (lenders.length) {
    const typed = scoped.loans.filter((l, i, a) => a.findIndex((m) => m.lenderName === l.lenderName) === i);
    respondents.push({
      label: zh ? (channel === 'police' ? '涉事贷款机构' : '被投诉机构') : channel === 'police' ? 'Lender involved' : 'Lender',
      value: joinList(
        typed.map((l) => (zh ? `${l.lenderName}（${LENDER_TYPE_LABEL[l.lenderType].zh}）` : `${l.lenderName} (${LENDER_TYPE_LABEL[l.lenderType].en})`)),
        lang,
      ),
    });
  }
  if (channel !== '12315') {
    if (!agency) missing.need(null, 'collection_agency');
    const asksAgency = channel === 'lender' || channel === '12378' || channel === 'local_regulator';
    respondents.push({
      label: zh ? '催收机构' : 'Collection agency',
      value: agency ?? (asksAgency ? (zh ? '不详（请求机构告知）' : 'unknown (the lender is asked to name it)') : zh ? '不详' : 'unknown'),
    });
    const account = answer(c, 'loan_account');
    if (channel === 'lender' || channel === '12378' || channel === 'local_regulator') {
      missing.need(account, 'loan_account');
      if (account) respondents.push({ label: zh ? '合同编号或卡号后四位' : 'Contract or card number', value: account });
    }
  }
  // What the collectors claim to be (an authority in a signature): evidence of impersonation, never the lender.
  const claims = distinct(scoped.collectors.flatMap((k) => k.claims ?? []));
  if (claims.length && channel !== '12315')
    respondents.push({
      label: zh ? '催收方自称' : 'Collectors claimed to be',
      value: zh ? `${joinList(claims.slice(0, 5), lang)}（涉嫌冒充，并非放贷机构）` : `${joinList(claims.slice(0, 5), lang)} (apparently impersonated; not the lender)`,
    });
  const ov = overview(c, findings);
  const numbers = distinct([...scoped.collectors.flatMap((k) => k.numbers), ...ov.numbers]);
  if (unknownLender) {
    // Not every number of the case: how many there are, and the lender to find out first.
    if (numbers.length)
      respondents.push({ label: zh ? '催收号码' : 'Collectors’ numbers', value: zh ? `共${numbers.length}个（号码及通话、短信记录见证据清单）` : `${numbers.length} (numbers and records in the evidence index)` });
  } else if (numbers.length && channel !== '12315') {
    const shown = numbers.slice(0, 8);
    const more = numbers.length - shown.length;
    respondents.push({
      label: zh ? '催收号码' : 'Collectors’ numbers',
      value: joinList(shown, lang) + (more > 0 ? (zh ? ` 等共${numbers.length}个（全部号码见附件）` : ` and ${more} more (all in the annex)`) : ''),
    });
  }

  // Conduct with citations: one entry per rule (a rule gives one finding per lender), most serious first as the findings are.
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byRule.get(f.rule);
    if (list) list.push(f);
    else byRule.set(f.rule, [f]);
  }
  const entries: FindingEntry[] = [...byRule].map(([rule, fs]) => {
    const froms = fs.map((f) => f.from).filter((x): x is number => x !== null);
    const tos = fs.map((f) => f.to).filter((x): x is number => x !== null);
    const period = froms.length && tos.length ? fmtPeriod(dayOf(Math.min(...froms), c.tz), dayOf(Math.max(...tos), c.tz), lang) : '';
    return {
      rule,
      name: ruleName(c, rule, lang),
      severity: fs[0]!.severity,
      period,
      count: fs.reduce((n, f) => n + f.count, 0),
      summary: conductSentence(c, rule, fs, scoped.loans, lang),
      citations: channelCitations(channel, usableCitations(law, fs.flatMap((f) => f.citationIds))),
    };
  });

  const dctx = { c, channel, findings, loans: scoped.loans, lang, agency };
  const demands = lenderDemands(dctx);
  const ask = authorityAsk(dctx);
  const demandCitations = [...ask, ...demands].map((d) => usableCitations(law, d.citationIds));

  const lenderText = lender
    ? lender.name
    : lenders.length
      ? joinList(lenders.slice(0, 3), lang) + (lenders.length > 3 ? (zh ? '等机构' : ' and others') : '')
      : '';
  const chName = ch ? ch.name[lang] : channel;
  let title: string;
  let addressee: string;
  const mode = MODE[channel];
  if (zh) {
    const about = lenderText ? `${lenderText}` : unknownLender ? '催收方（放贷机构尚未查明）' : '催收方';
    title =
      mode === 'police'
        ? '关于遭受催收人员威胁、滋扰的报案材料'
        : channel === '12321'
          ? '关于催收骚扰电话、短信的举报'
          : channel === '12377' || channel === 'pi_regulator'
            ? `关于${about}违法处理个人信息的${mode === 'report' ? '举报' : '投诉'}`
            : channel === '12315'
              ? '投诉书'
              : `关于${about}催收问题的${mode === 'report' ? '举报' : '投诉'}`;
    addressee =
      channel === 'lender'
        ? `致：${lenderText || '贷款机构'}（投诉受理部门）`
        : channel === 'police'
          ? `致：${city ?? ''}公安机关`
          : channel === 'local_regulator'
            ? `致：${city ?? ''}地方金融管理部门`
            : `致：${chName}`;
  } else {
    const about = lenderText || (unknownLender ? 'collectors (lender not yet identified)' : 'collectors');
    title =
      mode === 'police'
        ? 'Police report: threats and harassment by debt collectors'
        : channel === '12321'
          ? 'Report of harassing collection calls and messages'
          : channel === '12377' || channel === 'pi_regulator'
            ? `${mode === 'report' ? 'Report' : 'Complaint'}: unlawful processing of personal information by ${about}`
            : channel === '12315'
              ? 'Consumer complaint'
              : `${mode === 'report' ? 'Report' : 'Complaint'} about debt collection by ${about}`;
    addressee =
      channel === 'lender'
        ? `To: ${lenderText || 'the lender'} (complaints department)`
        : channel === 'police'
          ? `To: the police${city ? ` (${city})` : ''}`
          : channel === 'local_regulator'
            ? `To: the local financial regulator${city ? ` (${city})` : ''}`
            : `To: ${chName}`;
  }

  if (lender) addressee = lenderAddressee(lender, channel, lang) ?? addressee;
  const leadType: DocumentLenderType | null = lender?.type ?? scoped.loans[0]?.lenderType ?? (channel === 'local_regulator' ? 'microloan' : null);
  const provisions = orderProvisions(channel, entries, leadType, findings, law);
  // Each kind of conduct names its provisions in the letter's order (the regulator's own rules first, or the statutes).
  const rank = new Map([...provisions.lead, ...provisions.rest].map((x, i) => [x.id, i]));
  for (const e of entries) e.citations.sort((a, b) => (rank.get(a.id) ?? 1e9) - (rank.get(b.id) ?? 1e9));
  const routing = lender ? routeReason(lender, channel)?.[lang] ?? null : null;
  const citationIds = distinct([...provisions.lead, ...provisions.rest, ...entries.flatMap((e) => e.citations), ...demandCitations.flat()].map((x) => x.id));
  return {
    channel,
    lender,
    unknownLender,
    routing,
    channelInfo: ch,
    lang,
    mode,
    title,
    addressee,
    complainant,
    respondents,
    loans: scoped.loans,
    overview: ov,
    calls: callFacts(c, scoped.collectors, findings),
    facts: factRows(c, findings, lang, opts.maxFactRows ?? 500),
    provisions,
    leadType,
    findings: entries,
    sourceFindings: findings,
    ask,
    demands,
    demandCitations,
    evidence: c.evidence,
    today: c.today,
    borrowerName: name,
    missing: missing.questions,
    citationIds,
  };
}

/** One line per loan: lender, product, date, principal, received, rate and the yuan above each crossed line. */
export function loanLine(l: DocumentLoan, lang: Lang): string {
  const zh = lang === 'zh';
  const parts: string[] = [];
  parts.push(zh ? `${l.lenderName}${l.productName ? `（${l.productName}）` : ''}` : `${l.lenderName}${l.productName ? ` (${l.productName})` : ''}`);
  parts.push(zh ? `合同日期${l.contractDate}` : `contract date ${l.contractDate}`);
  parts.push(zh ? `合同本金${formatYuan(l.contractPrincipalFen)}元` : `principal CNY ${formatYuan(l.contractPrincipalFen)}`);
  if (l.receivedFen != null && l.receivedFen !== l.contractPrincipalFen)
    parts.push(zh ? `实际到账${formatYuan(l.receivedFen)}元` : `received CNY ${formatYuan(l.receivedFen)}`);
  const apr = l.lines[0]?.aprNominal;
  if (apr !== undefined) parts.push(zh ? `年化利率约${fmtRate(apr)}` : `annual rate about ${fmtRate(apr)}`);
  for (const line of l.lines) {
    if (!line.applies || !line.over || line.excessFen <= 0) continue;
    const label = line.label?.[lang] ?? (zh ? `年化${fmtRate(line.lineRate)}` : `${fmtRate(line.lineRate)} a year`);
    parts.push(zh ? `超出${label}部分${formatYuan(line.excessFen)}元` : `CNY ${formatYuan(line.excessFen)} above ${label}`);
  }
  return parts.join(zh ? '，' : ', ');
}

/** Channels whose addressee supervises or is the lender: the lending rules lead. */
const LENDING_FIRST: readonly LetterChannel[] = ['lender', '12378', 'local_regulator', 'nifa'];
/** Order of tiers after the regulator's own rules: lending rules first, or statutes first. */
const TIERS_LENDING: readonly Tier[] = ['regulation', 'normative_document', 'national_standard', 'industry_guideline', 'statute', 'administrative_regulation', 'judicial_interpretation'];
const TIERS_LAW: readonly Tier[] = ['statute', 'administrative_regulation', 'judicial_interpretation', 'regulation', 'normative_document', 'national_standard', 'industry_guideline'];
const LENDING_TIERS: readonly Tier[] = ['regulation', 'normative_document'];

/**
 * The provisions a letter cites. To a regulator or the lender: the rules that regulator enforces on the lender's type
 * (when there is collection conduct), then the findings' other lending rules, then standards, guidelines and statutes.
 * To the police and the information channels: the statutes first.
 */
function orderProvisions(channel: LetterChannel, entries: readonly FindingEntry[], type: DocumentLenderType | null, findings: readonly Finding[], law: LawView): { lead: LawCitation[]; rest: LawCitation[] } {
  const all = distinctCitations(entries.flatMap((e) => e.citations));
  if (!LENDING_FIRST.includes(channel)) {
    const sorted = [...all].sort((a, b) => TIERS_LAW.indexOf(a.tier) - TIERS_LAW.indexOf(b.tier));
    const lead = sorted.filter((c) => POLICE_TIERS.includes(c.tier));
    return { lead, rest: sorted.filter((c) => !lead.includes(c)) };
  }
  const conduct = findings.some((f) => f.rule !== 'cn.over-legal-line');
  const pi = hasTopic(findings, 'third_party') || hasTopic(findings, 'contact_list');
  const rules = type ? REGULATOR_RULES[type] : null;
  const own = conduct && rules ? usableCitations(law, [...rules.conduct, ...(pi ? rules.pi : [])]) : [];
  const sorted = [...all].sort((a, b) => TIERS_LENDING.indexOf(a.tier) - TIERS_LENDING.indexOf(b.tier));
  const lead = distinctCitations([...own, ...sorted.filter((c) => LENDING_TIERS.includes(c.tier))]);
  return { lead, rest: sorted.filter((c) => !lead.some((x) => x.id === c.id)) };
}

function distinctCitations(cs: readonly LawCitation[]): LawCitation[] {
  const seen = new Set<string>();
  return cs.filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
}

const n0 = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/**
 * What a kind of conduct amounts to, in one plain sentence with counts, from the findings' data (their summaries carry
 * the app's caveats for the person, which a letter leaves out).
 */
export function conductSentence(c: DocumentCase, rule: string, fs: readonly Finding[], loans: readonly DocumentLoan[], lang: Lang): string {
  const zh = lang === 'zh';
  const count = fs.reduce((n, f) => n + f.count, 0);
  switch (rule) {
    case 'cn.night-contact': {
      const calls = fs.reduce((n, f) => n + n0(f.details?.['calls']), 0);
      const dates = new Set(fs.flatMap((f) => (Array.isArray(f.details?.['byDate']) ? (f.details!['byDate'] as { date: string }[]).map((d) => d.date) : []))).size;
      const ofCalls = !calls ? '' : calls === count ? (zh ? '，都是电话' : ', all calls') : zh ? `（其中电话${calls}次）` : ` (${plural(calls, 'call', 'calls')})`;
      return zh ? `共${count}次${ofCalls}，涉及${dates}天。` : `${plural(count, 'contact', 'contacts')}${ofCalls}, on ${plural(dates, 'day', 'days')}.`;
    }
    case 'cn.call-flood': {
      const parts: string[] = [];
      for (const kind of ['unanswered', 'answered'] as const) {
        const own = fs.filter((f) => f.details?.['kind'] === kind);
        if (!own.length) continue;
        const days = new Set(own.flatMap((f) => (Array.isArray(f.details?.['days']) ? (f.details!['days'] as { date: string }[]).map((d) => d.date) : []))).size;
        const limit = n0(own[0]!.details?.['limit']);
        const max = Math.max(...own.map((f) => n0(f.details?.['maxPerDay'])));
        parts.push(
          kind === 'unanswered'
            ? zh ? `有${days}天在我未接听时一天拨打超过${limit}次（最多一天${max}次）` : `on ${days} days more than ${limit} attempts a day while I did not answer (up to ${max})`
            : zh ? `有${days}天接通的催收电话一天超过${limit}次（最多一天${max}次）` : `on ${days} days more than ${limit} answered calls a day (up to ${max})`,
        );
      }
      return zh ? `${parts.join('；')}。` : `${parts.join('; ')}.`.replace(/^./, (x) => x.toUpperCase());
    }
    case 'cn.over-legal-line':
      return fs
        .map((f) => {
          const d = f.details ?? {};
          const loan = loans.find((l) => l.id === d['loanId']);
          const line = loan?.lines.find((l) => l.lineId === d['lineId']);
          const label = line?.label?.[lang] ?? (zh ? `年化${fmtRate(n0(d['lineRate']))}` : `${fmtRate(n0(d['lineRate']))} a year`);
          const lenderName = typeof d['lenderName'] === 'string' ? d['lenderName'] : loan?.lenderName ?? '';
          return zh
            ? `${lenderName}借款的年化利率约${fmtRate(n0(d['aprNominal']))}，超过${label}，超出部分按我的计算为${formatYuan(n0(d['excessFen']))}元。`
            : `The loan from ${lenderName} costs about ${fmtRate(n0(d['aprNominal']))} a year, above ${label}; by my calculation CNY ${formatYuan(n0(d['excessFen']))} lies above it.`;
        })
        .join('');
    case 'cn.after-agreement': {
      const agreed = fs.map((f) => f.details?.['agreementDate']).find((x): x is string => typeof x === 'string');
      return zh ? `${agreed ? `${fmtDate(agreed, lang)}签署分期还款协议后，` : '达成还款协议后，'}仍催收${count}次。` : `${count} collection contacts after the repayment agreement${agreed ? ` signed on ${fmtDate(agreed, lang)}` : ''}.`;
    }
    case 'cn.third-party-contact':
    case 'cn.contacts-at-scale': {
      const people = c.contactsReached.count;
      return zh
        ? `共${count}次${people ? `，被联系的亲友、同事等共${people}人` : ''}。`
        : `${plural(count, 'time', 'times')}${people ? `; ${people} of my family, friends or colleagues were reached` : ''}.`;
    }
    default:
      // The letter names the conduct before this sentence ("威胁联系亲友或曝光（…）：共3次。").
      return zh ? `共${count}次。` : `${plural(count, 'time', 'times')}.`;
  }
}
