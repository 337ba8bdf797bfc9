export const LABELS = [
  'collection',
  'third_party',
  'threat_contacts',
  'threat_violence',
  'insult',
  'impersonation',
  'false_legal',
  'visit_threat',
] as const;
export type Label = (typeof LABELS)[number];

/** Half-open [start, end) offsets into the original text, in UTF-16 code units (JS string indices). */
export type Span = [number, number];

export interface Classification {
  labels: Label[];
  spans: Partial<Record<Label, Span[]>>;
}

export type Recipient = 'debtor' | 'third_party' | 'unknown';

export type EventKind = 'call' | 'sms' | 'im' | 'visit' | 'letter' | 'third_party_report' | 'payment' | 'note';
export const EVENT_KINDS: readonly EventKind[] = ['call', 'sms', 'im', 'visit', 'letter', 'third_party_report', 'payment', 'note'];

export type Direction = 'in' | 'out' | 'unknown';

/**
 * Call outcome as the phone recorded it. 'answered' is an incoming call that connected;
 * 'outgoing' is the borrower calling.
 */
export type CallStatus = 'answered' | 'outgoing' | 'missed' | 'voicemail' | 'rejected' | 'blocked' | 'answered_elsewhere';

/** An event as an importer or a person produces it, before it is stored. */
export interface NewEvent {
  kind: EventKind;
  direction: Direction;
  /** Epoch milliseconds (UTC instant). */
  at: number;
  /** IANA zone the event's local time is read in. */
  tz: string;
  /** Normalised counterpart number (see phone.ts), or null. */
  number: string | null;
  /** Name as the source recorded it (contact_name in a backup), never logged. */
  counterpartName?: string | null;
  text: string | null;
  durationS: number | null;
  callStatus?: CallStatus | null;
  /** Who the message was addressed to, when known (third_party for a message a contact received). */
  recipient?: Recipient;
  /** For third_party_report: the contact's number (number is the collector's). */
  contactNumber?: string | null;
  /** Source-specific extras (sms type, read flag, mms parts' hashes…). JSON-serialisable. */
  meta?: Record<string, unknown>;
  /** Position in the source file (record index), for provenance. */
  position?: number;
  /** Stable across re-imports of the same source record. */
  dedupeKey: string;
}

export interface NewContact {
  name: string;
  numbers: string[]; // normalised
  note?: string | null;
  relation?: string | null; // 父母, 同事, 担保人 …
  isGuarantor?: boolean;
  dedupeKey: string;
}

/** A stored event, as the rules and the UI see it. */
export interface TimelineEvent extends NewEvent {
  id: number;
  caseId: number;
  contactId: number | null;
  collectorId: number | null;
  loanId: number | null;
  labels: Label[];
  spans: Partial<Record<Label, Span[]>>;
  importId: number | null;
}

export interface Contact extends NewContact {
  id: number;
  caseId: number;
}

export interface Collector {
  id: number;
  caseId: number;
  name: string;
  numbers: string[];
  lenderName: string | null;
  loanId: number | null;
  markedByUser: boolean;
  /** The lender's registry ids (src/law/lenders*.ts), when known. */
  lenderEntityId?: string | null;
  lenderBrandId?: string | null;
  /** How the lender was known: a 【signature】, a brand in the text, a published service number, a loan of the case, or the person. */
  lenderSource?: 'signature' | 'brand' | 'service_number' | 'loan' | 'user' | null;
  /** Authorities or offices the collector claims to be (仲裁委员会, 法务部 …): evidence of impersonation, never a lender. */
  claims?: string[];
}
