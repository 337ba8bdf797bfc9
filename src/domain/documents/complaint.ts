/**
 * Complaint letters by channel: to the lender itself (the first stop), NFRA 12378, the local financial regulator,
 * NIFA's report platform, 12321, 12377 / the personal-information regulators, the police, 12315.
 *
 * Firm, specific and short: what happened (counts and dates, calls first), which rules it breaks (to a regulator, the
 * rules it enforces on that lender's type first; to the police, the statutes, as 涉嫌), what the person asks, contact
 * details and the attachments; the evidence index and the full event list go to the annex. Every fact comes from the
 * case, every citation from the LawView (src/law), and only what an outgoing document may cite (law-view.ts).
 */
import type { DocumentCase, Lang, Question } from './case.js';
import { AGENT_WARNING, applyRedaction, citationBlock, docLang, DRAFT_NOTICE, forPurpose, heading, note, para, pick } from './blocks.js';
import { BLANK, complaintContent, loanLine, type ComplaintContent, type ComplaintOptions } from './complaint-content.js';
import { fmtDate, fmtPeriod, joinList, plural, zhOrdinal } from './format.js';
import { citationTitle, type LawCitation, type LawView } from './law-view.js';
import type { Block, DocModel } from './model.js';
import type { RedactOptions } from './redact.js';
import type { Demand } from './demands.js';
import { hasTopic } from './topics.js';
import { FIND_LENDER, typeLabel } from './lenders.js';
import { callSentences } from './calls.js';

export interface DocumentResult {
  model: DocModel;
  /** Facts the case lacks; the UI asks only these (required ones first matter most). */
  missing: Question[];
  /** Every src/law citation id the document shows. */
  citationIds: string[];
}

export interface BuildOptions extends ComplaintOptions {
  /** Mask third parties (and, with `self`, the borrower) for public posting. */
  redact?: RedactOptions | false;
}

/** "张三" or a blank line to fill in. */
function v(s: string | null): string {
  return s ?? BLANK;
}

/** "（依据：《…》第…条、《…》第…条）" for a demand's citations. */
function basis(titles: string[], lang: Lang): string {
  if (!titles.length) return '';
  return lang === 'zh' ? `（依据：${titles.join('、')}）` : ` (basis: ${titles.join('; ')})`;
}

/**
 * The overview sentence for short texts: the calls (callSentences) when the case counted them, else who contacted the
 * person how often over which days, from the proving events; and whom they reached.
 */
export function overviewSentence(k: ComplaintContent): string {
  const lang = k.lang;
  const zh = lang === 'zh';
  const third = hasTopic(k.sourceFindings, 'third_party') && k.overview.contacts > 0;
  const thirdText = third ? (zh ? `催收方还联系了我的亲友、同事等${k.overview.contacts}人。` : ` They also reached ${k.overview.contacts} of my family, friends or colleagues.`) : '';
  // Counted calls and messages when the case has them; else the events the findings rest on.
  if (k.calls.calls + k.calls.messages > 0) return callSentences(k.calls, lang).join(zh ? '' : ' ') + thirdText;
  const later = callSentences(k.calls, lang, false).join(zh ? '' : ' ');
  const o = k.overview;
  if (o.events === 0 || o.from === null || o.to === null) return later + thirdText;
  const lenders = [...new Set(k.loans.map((l) => l.lenderName))];
  const who = lenders.length
    ? zh
      ? `${joinList(lenders.slice(0, 3), lang)}${lenders.length > 3 ? '等机构' : ''}或其委托的催收方`
      : `${joinList(lenders.slice(0, 3), lang)}${lenders.length > 3 ? ' and others' : ''} or collectors acting for them`
    : zh
      ? '催收方'
      : 'collectors';
  const parts: string[] = [];
  if (o.calls) parts.push(zh ? `来电${o.calls}次` : plural(o.calls, 'call', 'calls'));
  if (o.messages) parts.push(zh ? `短信或消息${o.messages}条` : plural(o.messages, 'message', 'messages'));
  if (o.visits) parts.push(zh ? `上门${o.visits}次` : plural(o.visits, 'visit', 'visits'));
  if (zh) {
    const nums = o.numbers.length ? `使用${o.numbers.length}个号码，` : '';
    return `${fmtPeriod(o.from, o.to, lang)}，${who}${nums}共联系${o.events}次` + (parts.length ? `（其中${parts.join('、')}）` : '') + '。' + later + thirdText;
  }
  const nums = o.numbers.length ? ` from ${plural(o.numbers.length, 'number', 'numbers')}` : '';
  return (
    `${o.from === o.to ? 'On' : 'From'} ${fmtPeriod(o.from, o.to, lang)}, ${who} contacted me ${plural(o.events, 'time', 'times')}${nums}` +
    (parts.length ? ` (${parts.join(', ')})` : '') +
    '.' +
    (later ? ` ${later}` : '') +
    thirdText
  );
}

/**
 * Offences (刑法, 治安管理处罚法 and the interpretations of crimes) are for the police and the courts to establish: a letter
 * says 涉嫌违反 for them, and 违反 for the lending rules, standards and civil law.
 */
function isOffence(c: LawCitation): boolean {
  return /刑法|治安管理处罚法|刑事|寻衅滋事|Criminal Law|Public Security/.test(c.law.zh + c.law.en);
}

/** Provisions named per kind of conduct in the letter (the first, in the letter's order; all are in citationIds). */
export const CONDUCT_CITES = 3;

function breachText(all: readonly LawCitation[], lang: Lang): string {
  const zh = lang === 'zh';
  const cs = all.slice(0, CONDUCT_CITES);
  const more = all.length > cs.length ? (zh ? '等规定' : ' and other rules') : '';
  const rules = cs.filter((c) => !isOffence(c)).map((c) => citationTitle(c, lang));
  const offences = cs.filter(isOffence).map((c) => citationTitle(c, lang));
  const parts: string[] = [];
  if (rules.length) parts.push(zh ? `违反${rules.join('、')}` : `Breaches ${rules.join('; ')}`);
  if (offences.length) parts.push(zh ? `涉嫌违反${offences.join('、')}` : `${rules.length ? 'may breach' : 'May breach'} ${offences.join('; ')}`);
  return parts.length ? (zh ? `${parts.join('；')}${more}。` : ` ${parts.join('; ')}${more}.`) : '';
}

/**
 * The provisions the letter quotes: at most LETTER_PROVISIONS (the others are named with their conduct), always
 * including the source of a rate line the letter asks to reduce by (the 24 % line's 法发〔2017〕22号 第二条 in its own words).
 */
function quotedProvisions(k: ComplaintContent): { lead: LawCitation[]; rest: LawCitation[] } {
  const rateIds = new Set(k.findings.filter((f) => f.rule === 'cn.over-legal-line').flatMap((f) => f.citations.map((x) => x.id)));
  const lead = k.provisions.lead.slice(0, LETTER_PROVISIONS);
  const room = Math.max(0, LETTER_PROVISIONS - lead.length);
  const mustRest = k.provisions.rest.filter((x) => rateIds.has(x.id));
  const pickedRest = new Set([...mustRest, ...k.provisions.rest.filter((x) => !rateIds.has(x.id)).slice(0, Math.max(0, room - mustRest.length))]);
  return { lead, rest: k.provisions.rest.filter((x) => pickedRest.has(x)) };
}

/** Every citation id the letter shows: quoted, named with a kind of conduct, or given as a demand's basis. */
export function shownCitationIds(k: ComplaintContent): string[] {
  const { lead, rest } = quotedProvisions(k);
  const ids = [...lead, ...rest, ...k.findings.flatMap((f) => f.citations.slice(0, CONDUCT_CITES)), ...k.demandCitations.flat()].map((x) => x.id);
  return [...new Set(ids)];
}

/** Collectors shown by name in the letter; the rest are summed in one row (all of them are in the annex). */
export const LETTER_COLLECTORS = 6;
/** Quotes shown in the letter (the annex lists every event). */
export const LETTER_QUOTES = 4;
/** Provisions quoted in full in the letter; the others are named in the list of conduct. */
export const LETTER_PROVISIONS = 6;

function numbersText(ns: readonly string[], lang: Lang): string {
  return ns.length > 2 ? (lang === 'zh' ? `${ns.slice(0, 2).join('、')}等${ns.length}个` : `${ns.slice(0, 2).join(', ')} +${ns.length - 2}`) : joinList(ns, lang);
}

/** The letter as a document model: the letter (2–4 pages), then the annex (evidence index, collectors, events). */
export function complaintModel(k: ComplaintContent): DocModel {
  const lang = k.lang;
  const zh = lang === 'zh';
  const L = (a: string, b: string) => pick(lang, a, b);
  const blocks: Block[] = [];
  let n = 0;
  const section = (zhTitle: string, enTitle: string) => {
    n++;
    blocks.push(heading(zh ? `${zhOrdinal(n)}、${zhTitle}` : `${n}. ${enTitle}`));
  };
  const police = k.mode === 'police';
  const lendingFirst = !police && (k.channel === 'lender' || k.channel === '12378' || k.channel === 'local_regulator' || k.channel === 'nifa');

  blocks.push(note(DRAFT_NOTICE[lang]));

  const person = police ? L('报案人', 'Person reporting') : k.mode === 'report' ? L('举报人', 'Person reporting') : L('投诉人', 'Complainant');
  const kv = (rows: readonly { label: string; value: string | null }[]) => rows.map((r) => `${r.label}${L('：', ': ')}${v(r.value)}`).join(L('；', '; '));
  section(person, person);
  blocks.push(para(kv(k.complainant), 'key'));

  section(police ? '涉事方' : k.mode === 'report' ? '被举报方' : '被投诉方', k.mode === 'complaint' ? 'Respondent' : 'Parties involved');
  for (const row of k.respondents) blocks.push(para(`${row.label}${L('：', ': ')}${v(row.value)}`, 'key'));
  if (k.unknownLender) blocks.push(para(FIND_LENDER[lang], 'key'));

  if (k.loans.length) {
    section('借款情况', 'The loans');
    blocks.push({ type: 'list', items: k.loans.map((l) => loanLine(l, lang)) });
  }

  // What happened: the counts first (calls, answered and missed, busiest day, night, floods), then who, then quotes.
  section('事实经过', 'What happened');
  const ov = overviewSentence(k);
  if (ov) blocks.push(para(ov, 'key'));
  const cols = k.calls.byCollector;
  if (cols.length) {
    const shown = cols.slice(0, LETTER_COLLECTORS);
    const rest = cols.slice(LETTER_COLLECTORS);
    const row = (name: string, nums: string, lender: string, c: { calls: number; answered: number; missed: number; messages: number; night: number }) => [
      name, nums, lender, String(c.calls), `${c.answered} / ${c.missed}`, String(c.messages), String(c.night),
    ];
    const rows = shown.map((c) => row(c.name, numbersText(c.numbers, lang), c.lender ?? L('未查明', 'unknown'), c));
    if (rest.length) {
      const sum = (f: (r: (typeof rest)[number]) => number) => rest.reduce((s2, r) => s2 + f(r), 0);
      rows.push(row(L(`其余${rest.length}个催收方`, `${rest.length} other collectors`), L(`${new Set(rest.flatMap((r) => r.numbers)).size}个号码`, `${new Set(rest.flatMap((r) => r.numbers)).size} numbers`), L('见附件二', 'see annex 2'), {
        calls: sum((r) => r.calls), answered: sum((r) => r.answered), missed: sum((r) => r.missed), messages: sum((r) => r.messages), night: sum((r) => r.night),
      }));
    }
    blocks.push(para(L('各催收方的来电和短信：', 'Calls and messages by collector:')));
    blocks.push({
      type: 'table',
      headers: zh ? ['催收方', '号码', '放贷机构', '来电', '接听/未接', '短信', '夜间'] : ['Collector', 'Numbers', 'Lender', 'Calls', 'Answered / missed', 'Messages', 'At night'],
      rows,
      widths: [2.6, 3.2, 3, 1.1, 1.7, 1.1, 1.1],
    });
    if (k.calls.byLender.length > 1)
      blocks.push(
        para(
          (zh ? '按放贷机构：' : 'By lender: ') +
            k.calls.byLender
              .map((l) => (zh ? `${l.lender || '放贷机构未查明'}来电${l.calls}次、短信${l.messages}条` : `${l.lender || 'lender not identified'} ${l.calls} calls, ${l.messages} messages`))
              .join(L('；', '; ')) +
            L('。', '.'),
        ),
      );
  }
  const quotes = k.facts.rows.filter((r) => r.quote).slice(0, LETTER_QUOTES);
  if (quotes.length) {
    blocks.push(para(L('对方发来的内容摘录：', 'What they wrote, in their words:')));
    blocks.push({
      type: 'table',
      headers: zh ? ['日期', '时间', '号码', '对象', '内容摘录'] : ['Date', 'Time', 'Number', 'To', 'Quote'],
      rows: quotes.map((r) => [r.date, r.time, r.number || '—', r.target, `“${r.quote}”`]),
      widths: [2.1, 1.1, 2.5, 1.8, 6.5],
    });
  }
  if (!ov && !cols.length && !quotes.length) blocks.push(para(L('（请补充事实经过：时间、号码、对方说了什么。）', '(Add what happened: when, which number, what was said.)')));
  if (k.facts.total > 0) blocks.push(para(L(`全部${k.facts.total}条记录按时间顺序列在附件三。`, `All ${k.facts.total} events are listed in time order in annex 3.`)));

  // The rules broken: each kind of conduct with its provisions, then the provisions' words (the regulator's own rules first).
  if (k.findings.length) {
    section(police ? '涉嫌违法的行为' : '违反的规定', police ? 'The offences' : 'The rules broken');
    blocks.push({
      type: 'list',
      ordered: true,
      priority: 'key',
      items: k.findings.map((f) => {
        const cites = f.citations.slice(0, CONDUCT_CITES).map((x) => citationTitle(x, lang));
        const etc = f.citations.length > CONDUCT_CITES ? L('等规定', ' and other rules') : '';
        const when = f.period ? L(`（${f.period}）`, ` (${f.period})`) : '';
        // A rate above a line is not a breach of the line's source: the source is the basis for the reduction asked for.
        const breach = !cites.length
          ? ''
          : f.rule === 'cn.over-legal-line'
            ? L(`依据${cites.join('、')}，超出部分应予核减。`, ` Under ${cites.join('; ')}, the part above it should be reduced.`)
            : police
              ? L(`涉嫌违反${cites.join('、')}${etc}。`, ` May breach ${cites.join('; ')}${etc}.`)
              : breachText(f.citations, lang);
        return [{ text: `${f.name}${when}${L('：', ': ')}`, bold: true }, { text: `${f.summary}${breach}` }];
      }),
    });
    const { lead, rest } = quotedProvisions(k);
    const leadLabel = k.leadType ? typeLabel(k.leadType)[lang] : null;
    if (lead.length) {
      blocks.push(
        para(
          police
            ? L('相关法律规定如下：', 'The provisions:')
            : lendingFirst && leadLabel
              ? L(`${leadLabel}应当遵守的监管规定：`, `The rules a ${leadLabel} must follow:`)
              : L('相关规定如下：', 'The provisions:'),
        ),
      );
      for (const cit of lead) blocks.push(citationBlock(cit, lang));
    }
    if (rest.length) {
      blocks.push(para(lendingFirst ? L('上述行为同时违反以下法律和标准：', 'The conduct also breaches these laws and standards:') : L('其他相关规定：', 'Other provisions:')));
      for (const cit of rest) blocks.push(citationBlock(cit, lang));
    }
  }

  const withBasis = (d: Demand, i: number) => d.text[lang] + basis((k.demandCitations[i] ?? []).map((x) => citationTitle(x, lang)), lang);
  if (k.ask.length || k.demands.length) {
    section(k.mode === 'complaint' ? '投诉请求' : '请求事项', k.mode === 'complaint' ? 'What I ask for' : 'Requests');
    // demandCitations is indexed over [...ask, ...demands].
    const askItems = k.ask.map((d, i) => withBasis(d, i));
    const demandItems = k.demands.map((d, i) => withBasis(d, k.ask.length + i));
    if (k.channel === 'lender') {
      blocks.push({ type: 'list', ordered: true, priority: 'key', items: [...demandItems, ...askItems] });
    } else {
      if (askItems.length) blocks.push({ type: 'list', ordered: true, priority: 'key', items: askItems });
      if (demandItems.length) {
        blocks.push(para(L('请责令被投诉机构：', 'Please require the lender to:')));
        blocks.push({ type: 'list', ordered: true, priority: 'key', items: demandItems });
      }
    }
  }

  const phone = k.complainant.find((r) => r.label === L('联系电话', 'Phone'))?.value ?? null;
  blocks.push(
    para(
      police
        ? L(`以上情况属实，本人愿意配合调查。请求公安机关依法处理。联系电话：${v(phone)}。`, `The above is true and I will help with the investigation. I ask the police to act under the law. Phone: ${v(phone)}.`)
        : k.channel === 'lender'
          ? L(`以上情况属实。请贵司依法依规处理，并书面答复本人。联系电话：${v(phone)}。`, `The above is true. Please deal with it under the rules and reply to me in writing. Phone: ${v(phone)}.`)
          : L(`以上情况属实，本人对所述内容的真实性负责。请依法处理，并将处理结果告知本人。联系电话：${v(phone)}。`, `The above is true and I am responsible for its accuracy. Please act under the law and tell me the outcome. Phone: ${v(phone)}.`),
      'key',
    ),
  );

  // The attachments list, then the annex itself after the signature.
  const ev = k.evidence;
  const annexList = [
    L(`附件一：证据清单（${ev.attachments.length}个文件${ev.attachments.length ? '及其SHA-256校验值' : ''}${ev.recordCount ? `；原始记录${ev.recordCount}条` : ''}）`, `Annex 1: evidence index (${ev.attachments.length} files${ev.recordCount ? `; ${ev.recordCount} original records` : ''})`),
  ];
  if (cols.length) annexList.push(L(`附件二：催收号码明细（${cols.length}个催收方）`, `Annex 2: collectors and numbers (${cols.length})`));
  if (k.facts.total) annexList.push(L(`附件三：催收记录明细（${k.facts.total}条）`, `Annex 3: the events (${k.facts.total})`));
  blocks.push(para(L('附件：', 'Attachments:')));
  blocks.push({ type: 'list', items: annexList });
  blocks.push({
    type: 'signature',
    lines: [`${person}${L('（签名）：', ' (signature): ')}${k.borrowerName ?? ''}`, fmtDate(k.today, lang)],
  });
  if (police) {
    blocks.push(
      note(
        L(
          '提示：违反治安管理的行为在六个月内没有被公安机关发现的，不再处罚，请尽早报案；报案时带上手机原件、录音、截图和通话记录，并索取受案回执。紧急情况请直接拨打110。',
          'Tip: public-security penalties lapse if the conduct is not discovered within six months, so report soon. Bring the phone itself, recordings, screenshots and the call log, and ask for a receipt. In an emergency call 110.',
        ),
      ),
    );
  }
  blocks.push(note(AGENT_WARNING[lang]));

  return {
    title: k.title,
    lang: docLang(lang),
    subtitle: k.addressee,
    blocks,
    annex: annexBlocks(k),
    ...(ev.chainHead ? { footer: L(`证据链头哈希 ${ev.chainHead.slice(0, 16)}…`, `Evidence chain head ${ev.chainHead.slice(0, 16)}…`) } : {}),
  };
}

/** 附件: the evidence index, every collector with its numbers and counts, every event in time order. */
function annexBlocks(k: ComplaintContent): Block[] {
  const lang = k.lang;
  const zh = lang === 'zh';
  const L = (a: string, b: string) => pick(lang, a, b);
  const out: Block[] = [];
  const ev = k.evidence;
  out.push(heading(L('附件一：证据清单', 'Annex 1: evidence index'), 2));
  if (ev.attachments.length) {
    out.push({
      type: 'table',
      headers: zh ? ['序号', '文件名', '类型', 'SHA-256'] : ['No.', 'File', 'Kind', 'SHA-256'],
      rows: ev.attachments.map((a, i) => [String(i + 1), a.name, a.kind, a.sha256]),
      widths: [0.8, 4, 1.6, 6],
    });
  } else {
    out.push(para(L('（请附上通话记录截图、短信截图、录音等材料。）', '(Attach screenshots of the call log and messages, recordings and the like.)')));
  }
  if (ev.recordCount > 0) {
    out.push(
      para(
        L(
          `原始记录共${ev.recordCount}条，以哈希链方式保存${ev.chainHead ? `，链头哈希：${ev.chainHead}` : ''}。每个文件的 SHA-256 值可用 sha256sum 等通用工具核对，证明材料未被改动。`,
          `The ${ev.recordCount} original records are kept in a hash chain${ev.chainHead ? ` whose head is ${ev.chainHead}` : ''}. Each file's SHA-256 can be checked with standard tools such as sha256sum, showing it was not changed.`,
        ),
      ),
    );
  }
  const cols = k.calls.byCollector;
  if (cols.length) {
    out.push(heading(L('附件二：催收号码明细', 'Annex 2: collectors and numbers'), 2));
    out.push({
      type: 'table',
      headers: zh ? ['催收方', '号码', '放贷机构', '来电', '接听', '未接', '短信', '夜间', '首次', '最近'] : ['Collector', 'Numbers', 'Lender', 'Calls', 'Answered', 'Missed', 'Messages', 'Night', 'First', 'Last'],
      rows: cols.map((c) => [c.name, joinList(c.numbers, lang), c.lender ?? L('未查明', 'unknown'), String(c.calls), String(c.answered), String(c.missed), String(c.messages), String(c.night), c.first ?? '', c.last ?? '']),
      widths: [2.2, 3.2, 2.4, 1, 1, 1, 1, 1, 1.9, 1.9],
    });
  }
  if (k.facts.rows.length) {
    out.push(heading(L('附件三：催收记录明细', 'Annex 3: the events'), 2));
    if (k.facts.total > k.facts.rows.length)
      out.push(para(L(`以下列出其中${k.facts.rows.length}条（共${k.facts.total}条，全部记录在证据包中）。`, `${k.facts.rows.length} of ${k.facts.total} events (all are in the evidence bundle).`)));
    out.push({
      type: 'table',
      headers: zh ? ['日期', '时间', '方式', '号码', '对象', '涉及情形', '内容摘录'] : ['Date', 'Time', 'Kind', 'Number', 'To', 'Issue', 'Quote'],
      rows: k.facts.rows.map((r) => [r.date, r.time, r.kind, r.number || '—', r.target, r.rules.join(zh ? '；' : '; '), r.quote ? `“${r.quote}”` : '']),
      widths: [2.2, 1.2, 1.6, 2.4, 1.8, 2.6, 4],
    });
  }
  return out;
}

/**
 * A complaint letter to a channel.
 * @param c the case
 * @param channel a LETTER_CHANNELS id ('lender', '12378', 'local_regulator', 'nifa', '12321', '12377', 'pi_regulator', 'police', '12315')
 * @param law the law data (src/law through the app layer)
 */
export function buildComplaint(c: DocumentCase, channel: string, law: LawView, opts: BuildOptions = {}): DocumentResult {
  const k = complaintContent(c, channel, law, opts);
  return { model: forPurpose(applyRedaction(complaintModel(k), c, opts.redact), opts.purpose), missing: k.missing, citationIds: shownCitationIds(k) };
}
