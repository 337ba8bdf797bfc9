/** The few words the renderers add themselves, per document language. */
import type { DocLang } from '../domain/documents/model.js';

export interface Labels {
  page(i: number, n: number): string;
  lawTitle(law: string): string;
  quote(s: string): string;
  /** Between a table header and its value, and between cells, in plain text. */
  cellSep: string;
  rowSep: string;
  notePrefix: string;
  ellipsis: string;
}

const ZH: Labels = {
  page: (i, n) => `第 ${i} 页 / 共 ${n} 页`,
  lawTitle: (law) => (law.startsWith('《') ? law : `《${law}》`),
  quote: (s) => `“${s}”`,
  cellSep: '：',
  rowSep: '；',
  notePrefix: '【提示】',
  ellipsis: '…',
};

const EN: Labels = {
  page: (i, n) => `Page ${i} of ${n}`,
  lawTitle: (law) => law,
  quote: (s) => `“${s}”`,
  cellSep: ': ',
  rowSep: '; ',
  notePrefix: 'Note: ',
  ellipsis: '…',
};

export function labels(lang: DocLang): Labels {
  return lang === 'zh-CN' ? ZH : EN;
}

/**
 * A citation's excerpt as documents print it: the law's words in quotation marks; nothing for a summary (the project's
 * paraphrase is not presented as the law's text in a document that leaves the app) or an empty excerpt.
 */
export function citationExcerpt(b: { excerpt: string; excerptIsSummary?: boolean; excerptIsGloss?: boolean }, L: Labels): string {
  if (b.excerptIsSummary || !b.excerpt.trim()) return '';
  return b.excerptIsGloss ? b.excerpt : L.quote(b.excerpt);
}
