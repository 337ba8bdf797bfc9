import type { NewContact, NewEvent } from '../domain/collection/types.js';

/** A media part of an MMS or a file inside an import: stored by sha256 by the app layer. */
export interface NewAttachment {
  sha256: string;
  mime: string;
  name: string | null;
  bytes: Buffer;
  /** dedupeKey of the event it belongs to. */
  eventKey: string | null;
}

export type ImportRecord =
  | { type: 'event'; event: NewEvent }
  | { type: 'contact'; contact: NewContact }
  | { type: 'attachment'; attachment: NewAttachment };

export type FormatId = 'sms-backup-xml' | 'calls-backup-xml' | 'vcard' | 'csv-events' | 'csv-contacts';

export interface ImportProgress {
  bytesRead: number;
  bytesTotal: number;
  records: number;
}

export interface ImportOptions {
  /** IANA zone for local times without an offset (CSV), default Asia/Shanghai. */
  tz?: string;
  onProgress?: (p: ImportProgress) => void;
  /** Aborts the parse (the app layer rolls back). */
  signal?: AbortSignal;
}

/** A parse error that names where the input went wrong. */
export class ImportFormatError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number | null = null,
    readonly column: number | null = null,
  ) {
    super(`${file}${line != null ? `:${line}${column != null ? `:${column}` : ''}` : ''}: ${message}`);
    this.name = 'ImportFormatError';
  }
}
