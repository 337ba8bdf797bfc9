/**
 * Import formats → domain records, streaming. The app layer opens files, calls detectFormat on the first
 * bytes, then parseAny on the whole stream, and writes the records in one transaction: a parser throws
 * ImportFormatError (also at the very end for a truncated file), and the app rolls back.
 */
import { parseCallsXml } from './calls-xml.js';
import { parseCsv } from './csv.js';
import { parseSmsXml } from './sms-xml.js';
import type { FormatId, ImportInput, ImportRecord, ParseOptions } from './types.js';
import { parseVcard } from './vcard.js';

export { parseCallsXml } from './calls-xml.js';
export { parseCsv, parseCsvContacts, parseCsvEvents, parseAt, parseDuration, EVENT_COLUMNS, CONTACT_COLUMNS } from './csv.js';
export { detectFormat, decodeHead, DETECT_HEAD_BYTES, SUPPORTED_FORMATS_TEXT } from './detect.js';
export { parseSmsXml } from './sms-xml.js';
export { parseVcard } from './vcard.js';
export { SurrogateRefFilter, restoreSurrogateRefs } from './surrogates.js';
export { stableKey } from './stream.js';
export * from './types.js';

export function parseAny(format: FormatId, input: ImportInput, opts: ParseOptions): AsyncGenerator<ImportRecord> {
  switch (format) {
    case 'sms-backup-xml':
      return parseSmsXml(input, opts);
    case 'calls-backup-xml':
      return parseCallsXml(input, opts);
    case 'vcard':
      return parseVcard(input, opts);
    case 'csv-events':
      return parseCsv(input, { ...opts, kind: 'events' });
    case 'csv-contacts':
      return parseCsv(input, { ...opts, kind: 'contacts' });
    case 'screenshot':
      throw new RangeError('screenshots are read by OCR in a worker (src/app/ocr.ts), not by a streaming parser');
    default: {
      const never: never = format;
      throw new RangeError(`unknown import format ${String(never)}`);
    }
  }
}
