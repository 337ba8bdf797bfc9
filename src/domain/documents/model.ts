/**
 * The content model of a document: what it says, not how it is drawn. The documents layer builds a DocModel
 * from a case (facts, findings, demands, citations from src/law); src/render draws it as PDF, DOCX or plain text.
 */

export type DocLang = 'zh-CN' | 'en';

/** A piece of inline text; bold is the only inline style. */
export interface TextRun {
  text: string;
  bold?: boolean;
}

/** Inline text: a plain string, or runs. */
export type RichText = string | readonly TextRun[];

/**
 * How much a block matters when the plain-text version must fit a length limit (renderText with a limit):
 * 'key' blocks (the core facts and the demands) are kept, shortened only as a last resort;
 * 'normal' blocks go before them, 'low' ones (citation excerpts, draft notes) first.
 * Defaults: citation and note 'low', everything else 'normal'. A heading is kept while any block under it is.
 */
export type Priority = 'key' | 'normal' | 'low';

interface BlockBase {
  priority?: Priority;
}

export interface HeadingBlock extends BlockBase {
  type: 'heading';
  level: 1 | 2 | 3;
  text: string;
}

export interface ParagraphBlock extends BlockBase {
  type: 'paragraph';
  text: RichText;
}

export interface ListBlock extends BlockBase {
  type: 'list';
  ordered?: boolean;
  items: readonly RichText[];
}

export interface TableBlock extends BlockBase {
  type: 'table';
  headers: readonly string[];
  rows: readonly (readonly string[])[];
  /** Relative column widths (any positive numbers); default: from the content. */
  widths?: readonly number[];
}

/** A legal citation, rendered from src/law data: never typed in by hand. */
export interface CitationBlock extends BlockBase {
  type: 'citation';
  /** Law name, e.g. 中华人民共和国个人信息保护法. */
  law: string;
  /** 第十条; null for a whole document. */
  article: string | null;
  excerpt: string;
  /** How binding the source is, already worded for the reader, e.g. 法律 / 国家推荐性标准（非强制）. */
  tierLabel: string;
  /** Whether the law data marks the source verified (documents cite only citable sources; renderers do not print it). */
  verified: boolean;
  citationId?: string;
  /**
   * True when `excerpt` is a summary (src/law excerptKind 'summary', text starting with "（概述"), not the law's words:
   * renderers print the title only (a paraphrase is not cited as the law's text in a document that leaves the app).
   */
  excerptIsSummary?: boolean;
  /** True when `excerpt` is an English rendering (src/law's excerpt.en is always a gloss): printed without quotation marks. */
  excerptIsGloss?: boolean;
}

/** Closing lines (name, date, contact), set to the right. */
export interface SignatureBlock extends BlockBase {
  type: 'signature';
  lines: readonly string[];
}

/** A boxed notice, e.g. "草稿：请核对后再提交". */
export interface NoteBlock extends BlockBase {
  type: 'note';
  text: string;
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | CitationBlock | SignatureBlock | NoteBlock;

export interface DocModel {
  title: string;
  lang: DocLang;
  blocks: readonly Block[];
  /** A line under the title (date, addressee). */
  subtitle?: string;
  /** Printed at the foot of every page (e.g. "证据链 head 3f2a…"). */
  footer?: string;
  /**
   * Attachments after the letter (附件: the evidence index, the full event list), starting on a new page, so that the
   * letter itself stays short enough to be read.
   */
  annex?: readonly Block[];
}

/** The plain text of inline text. */
export function plainText(t: RichText): string {
  return typeof t === 'string' ? t : t.map((r) => r.text).join('');
}

/** Inline text as runs. */
export function toRuns(t: RichText): readonly TextRun[] {
  return typeof t === 'string' ? [{ text: t }] : t;
}

export function blockPriority(b: Block): Priority {
  return b.priority ?? (b.type === 'citation' || b.type === 'note' ? 'low' : 'normal');
}
