/**
 * Builders for rule tests and benchmarks: small, explicit case data. Pure; no clock, no randomness.
 */
import type { Collector, Contact, Label, TimelineEvent } from '../collection/types.js';
import type { LenderType } from '../law.js';
import type { Loan } from '../loans/types.js';
import { fromLocal } from '../time.js';
import type { CaseData, LoanLineResult, RuleLaw } from './types.js';

export const BJ = 'Asia/Shanghai';

/** Epoch ms of a Beijing wall-clock time (through the time-zone database). */
export function bj(y: number, mo: number, d: number, h = 12, mi = 0, s = 0): number {
  return fromLocal(y, mo, d, h, mi, s, BJ);
}

let seq = 0;
export function resetIds(): void {
  seq = 0;
}

export function ev(p: Partial<TimelineEvent> & { at: number }): TimelineEvent {
  const id = p.id ?? ++seq;
  return {
    id,
    caseId: 1,
    kind: 'sms',
    direction: 'in',
    tz: BJ,
    number: '13800138000',
    text: null,
    durationS: null,
    callStatus: null,
    recipient: 'debtor',
    contactNumber: null,
    dedupeKey: `k${id}`,
    contactId: null,
    collectorId: null,
    loanId: null,
    labels: [],
    spans: {},
    importId: null,
    ...p,
  };
}

/** An incoming call from a collector. */
export function call(at: number, collectorId: number, status: TimelineEvent['callStatus'] = 'answered', extra: Partial<TimelineEvent> = {}): TimelineEvent {
  return ev({ at, kind: 'call', collectorId, callStatus: status, durationS: status === 'answered' ? 60 : 0, ...extra });
}

/** An incoming message with labels. */
export function msg(at: number, labels: Label[], extra: Partial<TimelineEvent> = {}): TimelineEvent {
  return ev({ at, kind: 'sms', labels, ...extra });
}

export function collector(id: number, loanId: number | null, numbers: string[] = [`1390000${String(id).padStart(4, '0')}`], lenderName: string | null = null): Collector {
  return { id, caseId: 1, name: `催收 ${id}`, numbers, lenderName, loanId, markedByUser: false };
}

export function contact(id: number, numbers: string[], extra: Partial<Contact> = {}): Contact {
  return { id, caseId: 1, name: `联系人${id}`, numbers, dedupeKey: `c${id}`, ...extra };
}

export function loan(id: number, lenderType: LenderType, extra: Partial<Loan> = {}): Loan {
  return {
    id,
    caseId: 1,
    lenderName: `贷款方${id}`,
    lenderType,
    contractDate: '2024-01-01',
    contractPrincipalFen: 1_000_000,
    receivedFen: 1_000_000,
    fees: [],
    period: 'month',
    schedule: [],
    payments: [],
    status: 'overdue',
    ...extra,
  };
}

export function line(loanId: number, lineId: string, over: boolean, excessFen = 0, extra: Partial<LoanLineResult> = {}): LoanLineResult {
  return {
    loanId,
    lenderName: `贷款方${loanId}`,
    lineId,
    applies: true,
    over,
    excessFen,
    aprNominal: 0.4,
    lineRate: lineId === '36' ? 0.36 : lineId === '24' ? 0.24 : 0.138,
    citationIds: lineId === '36' ? ['illegal-lending-2019.art1', 'illegal-lending-2019.art2'] : lineId === '24' ? ['fin-trial-2017.art2'] : ['private-lending-2020.art25'],
    ...extra,
  };
}

let testLaw: RuleLaw | null = null;

/**
 * The law view caseOf() uses when a case names none. Domain code may not import src/law, so the test setup
 * (test/setup/rule-law.ts) registers the app's view built from src/law: rule tests run on the real law data.
 */
export function setTestLaw(law: RuleLaw): void {
  testLaw = law;
}

export function caseOf(p: Partial<CaseData> = {}): CaseData {
  const law = p.law ?? testLaw;
  if (!law) throw new Error('caseOf: no law view (pass `law`, or register one with setTestLaw; test/setup/rule-law.ts does it for vitest)');
  return { tz: BJ, events: [], contacts: [], collectors: [], loans: [], loanLines: [], ...p, law };
}
