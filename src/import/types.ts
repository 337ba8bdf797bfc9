import type { Readable } from 'node:stream';
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
  /** meta: source extras that NewContact has no field for (org, title, TEL types, position). */
  | { type: 'contact'; contact: NewContact; meta?: Record<string, unknown> }
  | { type: 'attachment'; attachment: NewAttachment };

/** 'screenshot': an image, read by OCR (src/app/ocr.ts) instead of a streaming parser. */
export type FormatId = 'sms-backup-xml' | 'calls-backup-xml' | 'vcard' | 'csv-events' | 'csv-contacts' | 'screenshot';

export interface ImportProgress {
  bytesRead: number;
  /** opts.bytesTotal as given, 0 when unknown. */
  bytesTotal: number;
  records: number;
}

export interface ImportOptions {
  /** IANA zone for local times without an offset (CSV), default Asia/Shanghai. */
  tz?: string;
  onProgress?: (p: ImportProgress) => void;
  /** Aborts the parse (the app layer rolls back). */
  signal?: AbortSignal;
  /** Size of the input in bytes if the caller knows it (file size), passed through to onProgress. */
  bytesTotal?: number;
}

/** What a parser reads: a Readable or any async iterable of Buffer / Uint8Array / string chunks. */
export type ImportInput = AsyncIterable<Buffer | Uint8Array | string> | Readable;

/** Options of one parse: `file` is the name errors cite (a display name, not opened by the parser). */
export interface ParseOptions extends ImportOptions {
  file: string;
  /** Opens the same input again from its start (a parser may need a second pass); absent for one-shot streams. */
  reopen?: () => ImportInput;
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
