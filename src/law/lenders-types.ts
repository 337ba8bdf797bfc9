/**
 * Shapes of the lender and brand registry (src/law/lenders*.ts): who lends, under which brand, who supervises it, where
 * to complain and which customer-service numbers it publishes. Every fact carries its own source and status, as the
 * citations do (see docs/lenders.md).
 */
import type { LenderType } from '../domain/law.js';

/**
 * How far a fact was checked:
 * - 'verified': read in an official source (the regulator's licence list or a notice, a government page, the company's
 *   own site or app);
 * - 'secondary': read in reputable news or an encyclopedia;
 * - 'unverified': known to the authors or read on a page of unknown standing (an SEO blog, a community list) but not
 *   confirmed in the sources above. The note says which.
 */
export type LenderFactStatus = 'verified' | 'secondary' | 'unverified';

export const LENDER_FACT_STATUSES: readonly LenderFactStatus[] = ['verified', 'secondary', 'unverified'];

/**
 * Lender types of the registry: the loan lender types (src/domain/law.ts LenderType) plus two finer kinds that the loan
 * model folds into them (see loanLenderType).
 */
export type RegistryLenderType =
  | LenderType
  /** 民营银行 / 直销银行 that lend mostly online (微众, 网商, 新网 …); a bank for legal lines and channels. */
  | 'internet_bank'
  /** 融资担保公司 named on loans as guarantor; not a lender. Supervised by the local financial regulator. */
  | 'guarantee';

export const REGISTRY_LENDER_TYPES: readonly RegistryLenderType[] = [
  'bank',
  'internet_bank',
  'credit_card',
  'consumer_finance',
  'microloan',
  'guarantee',
  'platform',
  'private',
  'other',
];

/** The loan model's lender type for a registry type (legal lines are drawn by it). */
export function loanLenderType(t: RegistryLenderType): LenderType {
  if (t === 'internet_bank') return 'bank';
  if (t === 'guarantee') return 'other';
  return t;
}

/** A fact with where it was read and how far it was checked. */
export interface SourcedFact<T = string> {
  value: T;
  /** URL, or the title of a document; for an inferred fact, what it was inferred from. */
  source: string;
  status: LenderFactStatus;
  note?: string;
}

export interface ServiceNumber {
  /** As published, digits and dashes only: "95384", "400-106-6166". */
  number: string;
  /** What the number is for, when the source says (e.g. 信用卡客服). */
  label?: string;
  source: string;
  status: LenderFactStatus;
  note?: string;
}

/** A legal person: a bank, consumer finance company, microloan or guarantee company, or a platform operator. */
export interface LenderEntity {
  /** Stable id: "<kind>.<slug>", e.g. "cfc.zhaolian", "bank.cmb", "mlc.ant-xiaowei". */
  id: string;
  /** Registered name in simplified Chinese, e.g. 招联消费金融股份有限公司. */
  name: string;
  /** Names people use for it: 招联消费金融, 招联金融, 招联. Matched exactly and inside longer names. */
  shortNames: string[];
  /**
   * Other names: former registered names, English names, abbreviations. Matched exactly only when listed in
   * exactOnly (words that also occur in ordinary sentences, e.g. 马上).
   */
  aliases?: string[];
  /** Aliases that are common words: matched only when the whole query is that word. */
  exactOnly?: string[];
  type: RegistryLenderType;
  /** Supervising authority: an NFRA office, or the provincial local financial regulator. */
  regulator: SourcedFact;
  /** Province-level place of registration (北京市, 广东省 …). */
  province: SourcedFact;
  /** Complaint channel ids of src/law/channels.ts, in the order to propose them. */
  channels: string[];
  serviceNumbers: ServiceNumber[];
  /** Source and status of the entity itself: that it exists under this name and is of this type. */
  source: string;
  status: LenderFactStatus;
  note?: string;
}

/** A name people see in an app, a message or a statement, and the entities that lend under it. */
export interface LenderBrand {
  /** Stable id: "brand.<slug>", e.g. "brand.jiebei". */
  id: string;
  /** 借呗, 招商银行信用卡, 360借条 … */
  name: string;
  aliases?: string[];
  /** Aliases that are common words: matched only when the whole query is that word. */
  exactOnly?: string[];
  /**
   * What people deal with under this brand: 'credit_card' for a bank's card brand, 'platform' for a brand that
   * facilitates loans for others, otherwise the lender's type. A lookup row (brand, entity) takes the entity's own type,
   * except under a card brand, where it is 'credit_card'.
   */
  type?: RegistryLenderType;
  /** Entity ids (LenderEntity.id). The lenders first, then the operator of a platform brand, if listed. */
  entities: string[];
  /**
   * The brand lends through several entities (partner banks, consumer finance companies, its own microloan company):
   * which one lent a given loan is written in the loan contract, and the registry never guesses it. The listed entities
   * are the ones a source names; the list is not complete unless entitiesComplete is true.
   */
  multiLender: boolean;
  entitiesComplete?: boolean;
  /** Source and status of the brand → entity mapping. */
  source: string;
  status: LenderFactStatus;
  serviceNumbers?: ServiceNumber[];
  note?: string;
}
