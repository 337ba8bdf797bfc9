/**
 * 致亲友的说明: a short, warm message the person can send to contacts on WeChat — what is happening, that they owe
 * nothing and need not pay (unless they signed as guarantor), not to pay anyone, and how to save calls and messages
 * and send them back. No citations: it is a personal message, not a legal document.
 */
import type { DocumentCase, Lang } from './case.js';
import { applyRedaction, docLang, para } from './blocks.js';
import type { DocumentResult } from './complaint.js';
import { cpLength } from './format.js';
import type { Block, DocModel } from './model.js';
import { answer, Missing } from './questions.js';
import type { RedactOptions } from './redact.js';

export interface ContactsNoteOptions {
  lang?: Lang;
  redact?: RedactOptions | false;
}

/** Longest the WeChat text may be, in code points (a few short paragraphs on a phone screen). */
export const CONTACTS_NOTE_MAX: Record<Lang, number> = { zh: 400, en: 800 };

function lines(name: string | null, lang: Lang): string[] {
  if (lang === 'zh') {
    return [
      `你好，我是${name ?? '（你的名字）'}。我有借款逾期了，催收方可能会打电话、发短信给你，给你添麻烦了，真的很抱歉。`,
      '想请你知道：',
      '1. 这笔钱是我借的，和你无关。你不欠任何钱，也没有义务替我还（除非你曾签字做过担保人）。',
      '2. 不管对方怎么说，包括自称法院、律师、公安，都不要给任何人转账或付款，也不要透露你的个人信息。',
      '3. 再接到这类电话或短信，可以直接挂断、不用回复。方便的话，请把短信截图、通话记录截图（要能看到号码和时间）发给我，有录音更好。',
      '我正在处理这件事，会通过正规渠道投诉。谢谢你的理解！',
    ];
  }
  return [
    `Hi, it's ${name ?? '(your name)'}. I'm behind on a loan and debt collectors may call or text you. I'm so sorry for the trouble.`,
    '1. The debt is mine, not yours. You owe nothing and need not pay for me (unless you signed as a guarantor).',
    "2. Whatever they say, even if they claim to be a court, lawyer or police, don't pay anyone and don't give them your details.",
    '3. If they call or text again, just hang up. If you can, send me screenshots of the messages and the call log (with number and time); recordings help too.',
    "I'm dealing with it through the proper channels. Thank you!",
  ];
}

/** The person's name if short enough for a greeting (a long answer is left to the person to write in). */
function greetingName(c: DocumentCase): string | null {
  const n = answer(c, 'borrower_name');
  return n !== null && cpLength(n) <= 20 ? n : null;
}

/** The note as one plain message, ready to paste into WeChat (≤ CONTACTS_NOTE_MAX code points). */
export function contactsNoteText(c: DocumentCase, opts: ContactsNoteOptions = {}): string {
  return lines(greetingName(c), opts.lang ?? 'zh').join('\n');
}

/** The 致亲友的说明 as a document. */
export function buildContactsNote(c: DocumentCase, opts: ContactsNoteOptions = {}): DocumentResult {
  const lang = opts.lang ?? 'zh';
  const missing = new Missing();
  missing.need(answer(c, 'borrower_name'), 'borrower_name', false);
  const blocks: Block[] = lines(greetingName(c), lang).map((s) => para(s));
  const model: DocModel = { title: lang === 'zh' ? '致亲友的说明' : 'A note to my contacts', lang: docLang(lang), blocks };
  return { model: applyRedaction(model, c, opts.redact), missing: missing.questions, citationIds: [] };
}
