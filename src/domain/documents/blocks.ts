/** Block helpers shared by the document builders. */
import type { DocumentCase, Lang } from './case.js';
import { shortTier, type LawCitation } from './law-view.js';
import type { Block, CitationBlock, DocLang, DocModel, NoteBlock } from './model.js';
import { caseRedactor, redactDeep, type RedactOptions } from './redact.js';

export function docLang(lang: Lang): DocLang {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

/** Picks the string for the language. */
export function pick(lang: Lang, zh: string, en: string): string {
  return lang === 'zh' ? zh : en;
}

/**
 * A citation block from src/law data. The renderers print 《law》 + article; a title whose name does not start with 《
 * (a GB/T number or an association in front) is turned round so that it does: 《…》（GB/T 45251-2025）.
 */
export function citationBlock(c: LawCitation, lang: Lang): CitationBlock {
  let law = c.law[lang];
  if (lang === 'zh' && !law.startsWith('《')) {
    const m = /^(.*?)(《.*)$/s.exec(law);
    if (m && m[1]!.trim()) law = `${m[2]}（${m[1]!.trim()}）`;
  }
  // Only citable sources reach documents (usableCitations). A summary ("（概述…）") is the project's paraphrase, not the
  // law's words: the letter names the article and quotes nothing. The tier is given in its short form ("部门规章").
  const b: CitationBlock = {
    type: 'citation',
    law,
    article: c.article ? c.article[lang] : null,
    excerpt: c.excerptIsSummary ? '' : c.excerpt[lang],
    tierLabel: shortTier(c, lang),
    verified: c.verified === 'verified_primary' || c.verified === 'verified_secondary',
    citationId: c.id,
  };
  if (c.excerptIsSummary) b.excerptIsSummary = true;
  // src/law's English excerpt is a gloss, not the law's words: never in quotation marks.
  else if (lang === 'en') b.excerptIsGloss = true;
  return b;
}

export const DRAFT_NOTICE = {
  zh: '这是护讯根据你的记录生成的草稿，请逐项核对、删改不准确的内容后自行提交。护讯不能代你投诉，也不能保证结果；是否违法违规，由受理部门依法认定。',
  en: 'This is a draft Huxun made from your records. Check every item, correct or delete anything inaccurate, and submit it yourself. Huxun cannot complain for you and cannot promise any outcome; whether anything is unlawful is for the authority to decide.',
};

export const AGENT_WARNING = {
  zh: '提醒：投诉、举报、报警和协商还款都可以自己免费办理。不要向任何自称能“反催收”“停催”“债务优化”“代理维权”“代办协商”的机构或个人付费，也不要把身份证、银行卡、通讯录等资料交给他们——这类收费代理骗局很常见，还可能让你的信息再次泄露。',
  en: 'Reminder: you can complain, report, call the police and negotiate repayment yourself, for free. Do not pay anyone who offers "anti-collection", "stop-collection", "debt optimisation", "rights agent" or "negotiation agent" services, and do not give them your ID, bank card or contacts: such paid agents are a common scam and can leak your data again.',
};

export function note(text: string): NoteBlock {
  return { type: 'note', text };
}

/**
 * Who a rendering is for: 'draft', the preview and the person's own copy (with the draft banner and the notes addressed
 * to the person), or 'send', the version the person sends after confirming they checked the facts (no banner, no notes:
 * every note block of a document speaks to the person, never to the addressee).
 */
export type DocumentPurpose = 'draft' | 'send';

/** The model for its purpose: for sending, without the person's notes. */
export function forPurpose(model: DocModel, purpose: DocumentPurpose | undefined): DocModel {
  if (purpose !== 'send') return model;
  const keep = (bs: readonly Block[]) => bs.filter((b) => b.type !== 'note');
  return { ...model, blocks: keep(model.blocks), ...(model.annex ? { annex: keep(model.annex) } : {}) };
}

/** The case's redaction applied to a model (a copy), or the model as is. */
export function applyRedaction(model: DocModel, c: DocumentCase, redact: RedactOptions | false | undefined): DocModel {
  if (!redact) return model;
  return redactDeep(model, caseRedactor(c, redact));
}

export function heading(text: string, level: 1 | 2 | 3 = 2): Block {
  return { type: 'heading', level, text };
}

export function para(text: string, priority?: 'key' | 'normal' | 'low'): Block {
  return priority ? { type: 'paragraph', text, priority } : { type: 'paragraph', text };
}
