/**
 * Lender look-up for the CLI and the server: the registry in src/law (lenders*.ts) turned into plain rows, one per
 * (brand, entity), best match first. Needs no database: the registry is data shipped with the program.
 */
import { findLender, loanLenderType, type LenderFactStatus, type LenderMatch, type RegistryLenderType } from '../law/lenders.js';
import type { LenderType } from '../domain/law.js';

export interface ServiceNumberView {
  number: string;
  label: string | null;
  source: string;
  status: LenderFactStatus;
  note: string | null;
}

export interface FactView {
  source: string;
  status: LenderFactStatus;
  note: string | null;
}

/** One row of `huxun lender find --json`. */
export interface LenderView {
  /** The brand matched, or null when the name matched an entity directly. */
  brand: string | null;
  /** Registered name of the entity. */
  entity: string;
  entity_id: string;
  brand_id: string | null;
  type: RegistryLenderType;
  /** The loan model's lender type (legal lines): internet_bank → bank, guarantee → other. */
  loan_type: LenderType;
  regulator: string;
  province: string;
  /** Complaint channel ids (src/law/channels.ts), in the order to propose them. */
  channels: string[];
  /** Numbers the entity publishes, then the brand's, each with its own source and status. */
  service_numbers: ServiceNumberView[];
  /** Source of the match: the brand → entity mapping for a brand, the entity's own source otherwise. */
  source: string;
  /** True when that source is an official one ('verified'); see status for the three levels. */
  verified: boolean;
  status: LenderFactStatus;
  /** The brand lends through several entities; this is one of them and the loan contract says which one lent. */
  multi_lender: boolean;
  match: 'exact' | 'partial';
  /** Sources and statuses of the other facts of the row. */
  facts: { entity: FactView; regulator: FactView; province: FactView };
  note: string | null;
}

function fact(source: string, status: LenderFactStatus, note?: string): FactView {
  return { source, status, note: note ?? null };
}

export function lenderView(m: LenderMatch): LenderView {
  const e = m.entity;
  const numbers = [...e.serviceNumbers, ...(m.brand?.serviceNumbers ?? [])];
  const seen = new Set<string>();
  const notes = [m.brand?.note, e.note].filter((n): n is string => !!n);
  return {
    brand: m.brand?.name ?? null,
    entity: e.name,
    entity_id: e.id,
    brand_id: m.brand?.id ?? null,
    type: m.type,
    loan_type: loanLenderType(m.type),
    regulator: e.regulator.value,
    province: e.province.value,
    channels: [...e.channels],
    service_numbers: numbers
      .filter((n) => (seen.has(n.number) ? false : (seen.add(n.number), true)))
      .map((n) => ({ number: n.number, label: n.label ?? null, source: n.source, status: n.status, note: n.note ?? null })),
    source: m.source,
    verified: m.status === 'verified',
    status: m.status,
    multi_lender: m.multiLender,
    match: m.how,
    facts: {
      entity: fact(e.source, e.status, e.note),
      regulator: fact(e.regulator.source, e.regulator.status, e.regulator.note),
      province: fact(e.province.source, e.province.status, e.province.note),
    },
    note: notes.length ? notes.join(' | ') : null,
  };
}

/** Lenders a name may refer to, best match first; [] for a name that is not a lender (a phrase, an authority). */
export function findLenders(name: string): LenderView[] {
  return findLender(name).map(lenderView);
}
