/**
 * src/domain/documents: what each document says (content models), not how it is drawn (src/render).
 * Pure: no I/O, no clock (the date comes in the case), law data through a LawView the app layer passes in.
 */
import type { DocumentCase, Lang } from './case.js';
import { buildComplaint, type BuildOptions, type DocumentResult } from './complaint.js';
import { buildContactsNote } from './contacts-note.js';
import type { LawView } from './law-view.js';
import { forPurpose, type DocumentPurpose } from './blocks.js';
import { buildNegotiation } from './negotiation.js';
import { buildPiRequest } from './pi-request.js';
import type { RedactOptions } from './redact.js';
import { buildThirdPartyStatement } from './third-party-statement.js';
import type { DocumentType } from './types.js';

export type * from './model.js';
export { blockPriority, plainText, toRuns } from './model.js';
export type {
  ContactsReached,
  DocumentBorrower,
  DocumentCase,
  DocumentCollector,
  DocumentEvent,
  DocumentLine,
  DocumentLoan,
  EvidenceAttachment,
  EvidenceIndex,
  Lang,
  Question,
  QuestionKind,
  ReachedContact,
} from './case.js';
export { CAVEAT_MARKERS, citationTitle, isOutgoingCitable, shortTier, usableCitations } from './law-view.js';
export type { LawCitation, LawView } from './law-view.js';
export { DRAFT_NOTICE, forPurpose } from './blocks.js';
export type { DocumentPurpose } from './blocks.js';
export { REGULATOR_RULES } from './regulator-rules.js';
export { callFacts, callSentences } from './calls.js';
export type { CallFacts, CollectorCalls } from './calls.js';
export { LETTER_CHANNELS, findingsForChannel, isLetterChannel, proposeChannels, proposeLenderComplaints } from './channels.js';
export type { ChannelProposal, LenderComplaintProposal, LetterChannel } from './channels.js';
export { FIND_LENDER, LENDER_CHANNELS, UNKNOWN_LENDER, channelsForType, lenderAddressee, lenderTitle, routeReason, typeLabel } from './lenders.js';
export type { DocumentLender, DocumentLenderType } from './lenders.js';
export { QUESTIONS, question } from './questions.js';
export { ANSWER_MESSAGES, answersProblem, clampAnswers } from './answers.js';
export type { AnswerValue } from './answers.js';
export type { QuestionKey } from './questions.js';
export { DOC_CITATIONS } from './demands.js';
export { buildComplaint } from './complaint.js';
export type { BuildOptions, DocumentResult } from './complaint.js';
export { complaintContent, scopeLender, scopeUnknown } from './complaint-content.js';
export type { ComplaintContent, ComplaintOptions } from './complaint-content.js';
export { FORM_LIMITS, buildComplaintText } from './form-text.js';
export type { FormLength, FormTextResult } from './form-text.js';
export { buildNegotiation } from './negotiation.js';
export type { NegotiationOptions } from './negotiation.js';
export { buildPiRequest } from './pi-request.js';
export type { PiRequestOptions } from './pi-request.js';
export { CONTACTS_NOTE_MAX, buildContactsNote, contactsNoteText } from './contacts-note.js';
export type { ContactsNoteOptions } from './contacts-note.js';
export { buildThirdPartyStatement } from './third-party-statement.js';
export type { ThirdPartyStatementOptions } from './third-party-statement.js';
export { PUBLIC_REDACTION, caseRedactor, maskName, maskPhone, redactDeep } from './redact.js';
export type { RedactOptions, Redactor } from './redact.js';
export { DOCUMENT_TYPES, documentType } from './types.js';
export type { DocumentType, DocumentTypeInfo } from './types.js';
export { RULE_INFO, ruleName } from './topics.js';

export interface DocumentRequest {
  type: DocumentType;
  /** For 'complaint': the channel id (LETTER_CHANNELS). */
  channel?: string;
  lang?: Lang;
  /** Narrow to one lender (complaint), or the lender to write to (negotiation, pi_request). */
  lender?: string | null;
  /** For 'complaint': the lender of c.lenders the letter is about (its key, or 'unknown'); routes it to its regulator. */
  lenderKey?: string | null;
  /** For 'third_party_statement': the contact whose events prefill the table. */
  contact?: string | null;
  /** 'draft' (default): the preview and the person's own copy, with the draft banner; 'send': the version sent, after the person confirmed the facts. */
  purpose?: DocumentPurpose;
  redact?: RedactOptions | false;
  maxFactRows?: number;
}

/** Builds any document type: one entry point for the app layer. */
export function buildDocument(c: DocumentCase, law: LawView, req: DocumentRequest): DocumentResult {
  const r = buildModel(c, law, req);
  return { ...r, model: forPurpose(r.model, req.purpose) };
}

function buildModel(c: DocumentCase, law: LawView, req: DocumentRequest): DocumentResult {
  const common = { lang: req.lang, redact: req.redact } as const;
  switch (req.type) {
    case 'complaint': {
      if (!req.channel) throw new RangeError('a complaint needs a channel');
      const o: BuildOptions = { ...common, lender: req.lender ?? null, lenderKey: req.lenderKey ?? null };
      if (req.maxFactRows !== undefined) o.maxFactRows = req.maxFactRows;
      return buildComplaint(c, req.channel, law, o);
    }
    case 'negotiation':
      return buildNegotiation(c, law, { ...common, lender: req.lender ?? null });
    case 'pi_request':
      return buildPiRequest(c, law, { ...common, lender: req.lender ?? null });
    case 'contacts_note':
      return buildContactsNote(c, { lang: req.lang, redact: req.redact });
    case 'third_party_statement':
      return buildThirdPartyStatement(c, { lang: req.lang, redact: req.redact, contact: req.contact ?? null });
  }
}
