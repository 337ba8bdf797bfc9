/** The few words the renderers add themselves, per document language. */
import type { DocLang } from '../domain/documents/model.js';

export interface Labels {
  verified: string;
  unverified: string;
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
  verified: '已核对原文',
  unverified: '未核对原文，请以官方公布的文本为准',
  page: (i, n) => `第 ${i} 页 / 共 ${n} 页`,
  lawTitle: (law) => (law.startsWith('《') ? law : `《${law}》`),
  quote: (s) => `“${s}”`,
  cellSep: '：',
  rowSep: '；',
  notePrefix: '【提示】',
  ellipsis: '…',
};

const EN: Labels = {
  verified: 'checked against the official text',
  unverified: 'not checked against the official text; rely on the official version',
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
