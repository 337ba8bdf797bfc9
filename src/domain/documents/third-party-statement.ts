/**
 * 第三人情况说明: a statement a contact can sign — who called or messaged them, when, from which number, what was said.
 * Rows come from the case where the case knows the contact's events (third-party messages and contacts' reports);
 * everything else is a blank for the contact to fill in, with signature and date lines.
 */
import type { DocumentCase, DocumentEvent, Lang, ReachedContact } from './case.js';
import { applyRedaction, docLang, heading, note, para, pick } from './blocks.js';
import { BLANK } from './complaint-content.js';
import type { DocumentResult } from './complaint.js';
import { cpTruncate, kindLabel, splitLocalIso } from './format.js';
import type { Block, DocModel } from './model.js';
import { answer, Missing } from './questions.js';
import type { RedactOptions } from './redact.js';

export interface ThirdPartyStatementOptions {
  lang?: Lang;
  /** The contact (name or number) whose events prefill the table; default the contact_name answer, else none. */
  contact?: string | null;
  /** Most prefilled rows (default 20); blank rows are always added. */
  maxRows?: number;
  /** Blank rows to add for the contact to fill in (default 3). */
  blankRows?: number;
  redact?: RedactOptions | false;
}

const SHORT = '＿＿＿';

function digits(s: string): string {
  return s.replace(/\D/g, '');
}

/** The case's events that reached this contact (messages to them and their reports), chronological. */
export function eventsOfContact(c: DocumentCase, contact: string): DocumentEvent[] {
  const key = contact.trim();
  const d = digits(key);
  return c.events
    .filter((e) => e.recipient === 'third_party' || e.kind === 'third_party_report')
    .filter((e) => (e.contactName && e.contactName.trim() === key) || (d.length >= 5 && e.contactNumber && digits(e.contactNumber).endsWith(d.slice(-11))))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id));
}

/** The reached contact with this name or number, if the case lists it. */
function findPerson(c: DocumentCase, who: string): ReachedContact | null {
  const key = who.trim();
  const d = digits(key);
  return (
    (c.contactsReached.people ?? []).find(
      (p) => p.name.trim() === key || (d.length >= 5 && (p.numbers ?? []).some((n) => digits(n).endsWith(d.slice(-11)))),
    ) ?? null
  );
}

/** The 第三人情况说明. */
export function buildThirdPartyStatement(c: DocumentCase, opts: ThirdPartyStatementOptions = {}): DocumentResult {
  const lang = opts.lang ?? 'zh';
  const L = (a: string, b: string) => pick(lang, a, b);
  const missing = new Missing();
  const borrower = missing.need(answer(c, 'borrower_name'), 'borrower_name');
  const contactName = missing.need(answer(c, 'contact_name'), 'contact_name');
  const who = opts.contact ?? contactName;
  const person = who ? findPerson(c, who) : null;
  const relation = missing.need(answer(c, 'contact_relation') ?? person?.relation ?? null, 'contact_relation');
  const contactPhone = person?.numbers?.[0] ?? null;
  const evs = who ? eventsOfContact(c, who).slice(0, opts.maxRows ?? 20) : [];

  const blocks: Block[] = [
    note(
      L(
        '请把这份说明交给接到催收电话或短信的亲友，由对方核对、补全并亲笔签名。表格中已填的内容来自你的记录，请对方逐条确认，不对的请划掉改正。',
        'Give this to the contact who received the collection calls or messages, to check, complete and sign by hand. Rows already filled in come from your records; they should confirm each one and strike out and correct anything wrong.',
      ),
    ),
  ];
  blocks.push(
    para(
      L(
        `本人${contactName ?? BLANK}，联系电话${contactPhone ?? BLANK}，系${borrower ?? BLANK}的${relation ?? SHORT}。现将本人接到催收联系的情况说明如下：`,
        `I, ${contactName ?? BLANK}, phone ${contactPhone ?? BLANK}, am ${borrower ?? BLANK}'s ${relation ?? SHORT}. This is what happened when collectors contacted me:`,
      ),
      'key',
    ),
  );
  blocks.push(heading(L('一、接到的电话、短信或消息', '1. Calls, texts and messages I received')));
  const rows: string[][] = evs.map((e) => {
    // A contact's report is dated when they told the borrower, not when they were called: only its number is known.
    if (e.kind === 'third_party_report') return ['', '', '', e.number ?? '', '', ''];
    const { date, time } = splitLocalIso(e.at);
    return [date, time, kindLabel(e.kind, lang), e.number ?? '', '', cpTruncate((e.text ?? '').replace(/\s+/g, ' ').trim(), 120)];
  });
  for (let i = 0; i < (opts.blankRows ?? 3); i++) rows.push(['', '', '', '', '', '']);
  blocks.push({
    type: 'table',
    headers: lang === 'zh' ? ['日期', '时间', '方式（电话/短信/微信）', '对方号码', '对方自称', '对方说了什么'] : ['Date', 'Time', 'Call / SMS / WeChat', 'Their number', 'Who they said they were', 'What they said'],
    rows,
    widths: [2.2, 1.4, 2, 2.6, 2.4, 5],
  });
  blocks.push(heading(L('二、本人确认', '2. I confirm')));
  blocks.push({
    type: 'list',
    items: [
      L(`□ 对方向我催讨${borrower ?? BLANK}的欠款，或要求我转告、催促其还款。`, `□ They asked me to pay ${borrower ?? BLANK}'s debt, or to pass on or press for repayment.`),
      L('□ 我不是这笔借款的借款人或担保人，从未同意对方使用我的联系方式。', '□ I am not a borrower or guarantor of this loan and never agreed to them using my contact details.'),
      L('□ 对方有威胁、辱骂或自称公检法、律师等情形（请在上表中写明原话）。', '□ They threatened or insulted me, or claimed to be police, court or a lawyer (write their words in the table).'),
      L('□ 我保存了通话记录、短信截图或录音，可以提供。', '□ I kept the call log, screenshots or recordings and can provide them.'),
    ],
  });
  blocks.push(para(L(`其他情况：${BLANK}${BLANK}`, `Anything else: ${BLANK}${BLANK}`)));
  blocks.push(para(L('以上情况属实。', 'The above is true.'), 'key'));
  blocks.push({
    type: 'signature',
    lines: [L('说明人（签名）：＿＿＿＿＿＿', 'Signed: ＿＿＿＿＿＿'), L('身份证号后四位：＿＿＿＿', 'Last four of ID number: ＿＿＿＿'), L('日期：＿＿＿＿年＿＿月＿＿日', 'Date: ＿＿＿＿＿＿')],
  });
  const model: DocModel = { title: L('情况说明', 'Statement'), lang: docLang(lang), blocks };
  return { model: applyRedaction(model, c, opts.redact), missing: missing.questions, citationIds: [] };
}
