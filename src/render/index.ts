export { renderPdf, type PdfOptions } from './pdf.js';
export { renderDocx, DOCX_FONTS } from './docx.js';
export { renderText, measureText, type TextOptions } from './text.js';
export { loadFonts, woffToSfnt, type FontSet } from './fonts.js';
export { segmentText, placeholderFor, type Segment } from './segments.js';
