/**
 * Complaint letters by channel: to the lender itself (the first stop), NFRA 12378, the local financial regulator,
 * NIFA's report platform, 12321, 12377 / the personal-information regulators, the police, 12315.
 *
 * Formal 公文 wording; conduct is described as "涉嫌 / 可能构成" and the authority decides. Every fact comes from the
 * case, every citation from the LawView (src/law); an unverified citation is marked or left out.
 */
import type { DocumentCase, Lang, Question } from './case.js';
import { AGENT_WARNING, applyRedaction, citationBlock, docLang, DRAFT_NOTICE, heading, note, para, pick } from './blocks.js';
import { BLANK, complaintContent, loanLine, type ComplaintContent, type ComplaintOptions } from './complaint-content.js';
import { fmtDate, fmtPeriod, joinList, plural, zhOrdinal } from './format.js';
import { citationTitle, type LawView } from './law-view.js';
import type { Block, DocModel } from './model.js';
import type { RedactOptions } from './redact.js';
import type { Demand } from './demands.js';
import { hasTopic } from './topics.js';
import { FIND_LENDER } from './lenders.js';

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

/** The overview sentence: who, how often, over which days, whom they reached. */
export function overviewSentence(k: ComplaintContent): string {
  const lang = k.lang;
  const zh = lang === 'zh';
  const o = k.overview;
  if (o.events === 0 || o.from === null || o.to === null) return '';
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
  const third = hasTopic(k.sourceFindings, 'third_party') && o.contacts > 0;
  if (zh) {
    const nums = o.numbers.length ? `使用${o.numbers.length}个号码，` : '';
    return (
      `${fmtPeriod(o.from, o.to, lang)}，${who}${nums}共联系${o.events}次` +
      (parts.length ? `（其中${parts.join('、')}）` : '') +
      (third ? `，并联系了我的亲友、同事等${o.contacts}人` : '') +
      '。'
    );
  }
  const nums = o.numbers.length ? ` from ${plural(o.numbers.length, 'number', 'numbers')}` : '';
  return (
    `${o.from === o.to ? 'On' : 'From'} ${fmtPeriod(o.from, o.to, lang)}, ${who} contacted me ${plural(o.events, 'time', 'times')}${nums}` +
    (parts.length ? ` (${parts.join(', ')})` : '') +
    (third ? `, and reached ${o.contacts} of my family, friends or colleagues` : '') +
    '.'
  );
}

/** The letter as a document model. */
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

  blocks.push(note(DRAFT_NOTICE[lang]));

  const person = k.mode === 'police' ? L('报案人', 'Person reporting') : k.mode === 'report' ? L('举报人', 'Person reporting') : L('投诉人', 'Complainant');
  section(person, person);
  for (const row of k.complainant) blocks.push(para(`${row.label}${L('：', ': ')}${v(row.value)}`, 'key'));

  section(k.mode === 'police' ? '涉事方' : k.mode === 'report' ? '被举报方' : '被投诉方', k.mode === 'complaint' ? 'Respondent' : 'Parties involved');
  for (const row of k.respondents) blocks.push(para(`${row.label}${L('：', ': ')}${v(row.value)}`, 'key'));
  if (k.unknownLender) blocks.push(para(FIND_LENDER[lang], 'key'));

  if (k.loans.length) {
    section('借款情况', 'The loans');
    blocks.push({ type: 'list', items: k.loans.map((l) => loanLine(l, lang)) });
  }

  section('事实经过', 'What happened');
  const ov = overviewSentence(k);
  if (ov) blocks.push(para(ov, 'key'));
  if (k.facts.rows.length) {
    blocks.push(
      para(
        k.facts.total > k.facts.rows.length
          ? L(`按时间顺序列出其中${k.facts.rows.length}条（共${k.facts.total}条，全部记录见证据清单）：`, `${k.facts.rows.length} of ${k.facts.total} events in time order (all are in the evidence index):`)
          : L('按时间顺序列明如下：', 'In time order:'),
      ),
    );
    blocks.push({
      type: 'table',
      headers: zh ? ['日期', '时间', '方式', '号码', '对象', '涉及情形', '内容摘录'] : ['Date', 'Time', 'Kind', 'Number', 'To', 'Issue', 'Quote'],
      rows: k.facts.rows.map((r) => [r.date, r.time, r.kind, r.number || '—', r.target, r.rules.join(zh ? '；' : '; '), r.quote ? `“${r.quote}”` : '']),
      widths: [2.2, 1.2, 1.6, 2.4, 1.8, 2.6, 4],
    });
  } else if (!ov) {
    blocks.push(para(L('（请补充事实经过：时间、号码、对方说了什么。）', '(Add what happened: when, which number, what was said.)')));
  }

  if (k.findings.length) {
    section('涉嫌违规的情形及依据', 'Conduct that may breach the rules, and the rules');
    blocks.push(
      para(
        L(
          '以下情形由本人根据保存的记录整理，相关行为涉嫌违反下列规定；是否构成违法违规，请依法核查认定。',
          'I put the following together from the records I kept. The conduct may breach the rules below; whether it does is for you to investigate and decide.',
        ),
      ),
    );
    k.findings.forEach((f, i) => {
      blocks.push(heading(zh ? `（${zhOrdinal(i + 1)}）${f.name}` : `(${i + 1}) ${f.name}`, 3));
      const when = [f.period ? L(`时间：${f.period}`, `When: ${f.period}`) : '', f.count ? L(`次数：${f.count}次`, `Count: ${f.count}`) : ''].filter(Boolean);
      if (when.length) blocks.push(para(when.join(L('；', '; ')) + L('。', '.'), 'key'));
      if (f.summary) blocks.push(para(f.summary));
      for (const cit of f.citations) blocks.push(citationBlock(cit, lang));
    });
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
        blocks.push(para(L('本人对被投诉机构的具体诉求如下，请督促其依法处理：', 'What I ask of the lender, for you to require of it:')));
        blocks.push({ type: 'list', ordered: true, priority: 'key', items: demandItems });
      }
    }
  }

  section('证据清单', 'Evidence');
  const ev = k.evidence;
  if (ev.attachments.length) {
    blocks.push({
      type: 'table',
      headers: zh ? ['序号', '文件名', '类型', 'SHA-256'] : ['No.', 'File', 'Kind', 'SHA-256'],
      rows: ev.attachments.map((a, i) => [String(i + 1), a.name, a.kind, a.sha256]),
      widths: [0.8, 4, 1.6, 6],
    });
  } else {
    blocks.push(para(L('（请附上通话记录截图、短信截图、录音等材料。）', '(Attach screenshots of the call log and messages, recordings and the like.)')));
  }
  if (ev.recordCount > 0) {
    blocks.push(
      para(
        L(
          `原始记录共${ev.recordCount}条，以哈希链方式保存${ev.chainHead ? `，链头哈希：${ev.chainHead}` : ''}。每个文件的 SHA-256 值可用 sha256sum 等通用工具核对，证明材料未被改动。`,
          `The ${ev.recordCount} original records are kept in a hash chain${ev.chainHead ? ` whose head is ${ev.chainHead}` : ''}. Each file's SHA-256 can be checked with standard tools such as sha256sum, showing it was not changed.`,
        ),
      ),
    );
  }

  blocks.push(
    para(
      k.mode === 'police'
        ? L('以上情况属实，本人愿意配合调查。请求公安机关依法处理。', 'The above is true and I will help with the investigation. I ask the police to act under the law.')
        : k.channel === 'lender'
          ? L('以上情况属实。请贵司依法依规处理，并书面答复。', 'The above is true. Please deal with it under the rules and reply in writing.')
          : L('以上情况属实，本人对所述内容的真实性负责。恳请依法处理。', 'The above is true and I am responsible for its accuracy. Please act under the law.'),
    ),
  );
  blocks.push({
    type: 'signature',
    lines: [`${person}${L('（签名）：', ' (signature): ')}${k.borrowerName ?? ''}`, fmtDate(k.today, lang)],
  });
  if (k.mode === 'police') {
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
    ...(ev.chainHead ? { footer: L(`证据链头哈希 ${ev.chainHead.slice(0, 16)}…`, `Evidence chain head ${ev.chainHead.slice(0, 16)}…`) } : {}),
  };
}

/**
 * A complaint letter to a channel.
 * @param c the case
 * @param channel a LETTER_CHANNELS id ('lender', '12378', 'local_regulator', 'nifa', '12321', '12377', 'pi_regulator', 'police', '12315')
 * @param law the law data (src/law through the app layer)
 */
export function buildComplaint(c: DocumentCase, channel: string, law: LawView, opts: BuildOptions = {}): DocumentResult {
  const k = complaintContent(c, channel, law, opts);
  return { model: applyRedaction(complaintModel(k), c, opts.redact), missing: k.missing, citationIds: k.citationIds };
}
