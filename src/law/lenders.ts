/**
 * The lender and brand registry: loader and lookup. The data is in lenders-*.ts (one entry per entity and one per
 * brand, each fact with its source and status); docs/lenders.md explains the fields and how to add an entry.
 *
 * findLender(name) takes what a person or a message calls the lender (a brand, a registered name, a short name, in
 * traditional or full-width characters, with or without 有限公司) and returns one match per (brand, entity), best
 * first. A name that is not a lender (a sentence fragment, an authority such as a court or an arbitration commission)
 * returns [].
 */
import * as OpenCC from 'opencc-js/t2cn';
import { CHANNELS } from './channels.js';
import { LENDER_BRANDS } from './lenders-brands.js';
import { LENDER_ENTITIES } from './lenders-entities.js';
import type { LenderBrand, LenderEntity, LenderFactStatus, RegistryLenderType, ServiceNumber, SourcedFact } from './lenders-types.js';

export { LENDER_BRANDS } from './lenders-brands.js';
export { LENDER_ENTITIES } from './lenders-entities.js';
export type { LenderBrand, LenderEntity, LenderFactStatus, RegistryLenderType, ServiceNumber, SourcedFact } from './lenders-types.js';
export { LENDER_FACT_STATUSES, REGISTRY_LENDER_TYPES, loanLenderType } from './lenders-types.js';

// ---------------------------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------------------------

let t2s: ((s: string) => string) | null = null;

function toSimplified(s: string): string {
  if (!t2s) {
    const hk = OpenCC.Converter({ from: 'hk', to: 'cn' });
    const tw = OpenCC.Converter({ from: 'tw', to: 'cn' });
    t2s = (x) => tw(hk(x));
  }
  return t2s(s);
}

/** Legal-form suffixes and bracketed words that do not tell lenders apart, longest first. */
const SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司', '股份公司', '公司', '股份'];
const BRACKETED = /[（(]\s*(中国|china)\s*[)）]/gi;

/**
 * The form names are compared in: simplified characters, half-width, lower-case latin, no spaces or brackets
 * (【招联金融】 → 招联金融), without (中国) and without a trailing legal-form suffix (有限公司, 股份有限公司 …).
 */
export function normalizeLenderName(input: string): string {
  let s = input.normalize('NFKC'); // full-width → half-width (Ａ１（） → A1())
  s = s.replace(/\u3000/g, ' ');
  if (/[\u3400-\u9fff]/.test(s)) s = toSimplified(s);
  s = s.toLowerCase();
  s = s.replace(BRACKETED, '');
  s = s.replace(/[\s【】\[\]「」『』《》〈〉"'“”‘’·・.,，、:：;；!！?？~～\-—_|/\\*＊()（）]/g, '');
  let changed = true;
  while (changed) {
    changed = false;
    for (const suf of SUFFIXES) {
      if (s.length > suf.length && s.endsWith(suf)) {
        s = s.slice(0, -suf.length);
        changed = true;
      }
    }
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Words that are not lenders
// ---------------------------------------------------------------------------------------------

/**
 * Authorities and offices collectors name in signatures to frighten people. A query containing one of these is never a
 * lender unless it is exactly a registered name (none is today).
 */
const AUTHORITY_WORDS = [
  '法院', '仲裁', '公安', '派出所', '警察', '检察', '司法', '法务', '律师', '调解', '政府', '委员会', '监督管理局', '监管局',
  '金融管理局', '金融局', '人民银行', '银保监', '证监', '网信', '协会', '催收', '资产管理', '财产保全', '执行局', '征信中心',
];

/** Words that describe a lender without naming one: a query made only of these matches nothing. */
const GENERIC_WORDS = [
  '消费金融', '小额贷款', '网络小贷', '小贷', '融资担保', '担保', '信用卡中心', '信用卡', '银行', '金融', '贷款', '借款', '借钱', '分期', '网贷',
  '科技', '信息技术', '网络', '集团', '中心', '客服', '平台', '还款', '逾期', '欠款', '催款', '通知', '中国', '有限', '股份',
];

function isOnlyGeneric(q: string): boolean {
  let rest = q;
  for (const w of GENERIC_WORDS) rest = rest.split(w).join('');
  return rest.replace(/[0-9a-z]/g, '').length === 0 && !/[0-9a-z]{3,}/.test(rest);
}

// ---------------------------------------------------------------------------------------------
// Index
// ---------------------------------------------------------------------------------------------

type KeyKind = 'brand' | 'brand_alias' | 'entity' | 'entity_short' | 'entity_alias';

interface Key {
  key: string;
  kind: KeyKind;
  /** Only a whole-query match counts. */
  exactOnly: boolean;
  brand?: LenderBrand;
  entity?: LenderEntity;
}

const KIND_SCORE: Record<KeyKind, number> = { brand: 100, entity: 99, brand_alias: 97, entity_short: 96, entity_alias: 92 };

let INDEX: Key[] | null = null;

function buildIndex(): Key[] {
  const out: Key[] = [];
  const add = (raw: string, kind: KeyKind, exactOnly: boolean, brand?: LenderBrand, entity?: LenderEntity) => {
    const key = normalizeLenderName(raw);
    if (!key) return;
    // Containment needs at least two characters (one Han character names nothing).
    out.push({ key, kind, exactOnly: exactOnly || [...key].length < 2, brand, entity });
  };
  for (const e of LENDER_ENTITIES) {
    add(e.name, 'entity', false, undefined, e);
    for (const s of e.shortNames) add(s, 'entity_short', false, undefined, e);
    for (const a of e.aliases ?? []) add(a, 'entity_alias', false, undefined, e);
    for (const a of e.exactOnly ?? []) add(a, 'entity_alias', true, undefined, e);
  }
  for (const b of LENDER_BRANDS) {
    add(b.name, 'brand', false, b);
    for (const a of b.aliases ?? []) add(a, 'brand_alias', false, b);
    for (const a of b.exactOnly ?? []) add(a, 'brand_alias', true, b);
  }
  return out;
}

function index(): Key[] {
  if (!INDEX) INDEX = buildIndex();
  return INDEX;
}

const ENTITY_BY_ID: ReadonlyMap<string, LenderEntity> = new Map(LENDER_ENTITIES.map((e) => [e.id, e]));
const BRAND_BY_ID: ReadonlyMap<string, LenderBrand> = new Map(LENDER_BRANDS.map((b) => [b.id, b]));

export function getLenderEntity(id: string): LenderEntity {
  const e = ENTITY_BY_ID.get(id);
  if (!e) throw new Error(`unknown lender entity id ${JSON.stringify(id)} (src/law/lenders-entities*.ts)`);
  return e;
}

export function getLenderBrand(id: string): LenderBrand {
  const b = BRAND_BY_ID.get(id);
  if (!b) throw new Error(`unknown lender brand id ${JSON.stringify(id)} (src/law/lenders-brands.ts)`);
  return b;
}

/** The brands that name this entity among their lenders. */
export function brandsOfEntity(id: string): LenderBrand[] {
  return LENDER_BRANDS.filter((b) => b.entities.includes(id));
}

// ---------------------------------------------------------------------------------------------
// Lookup
// ---------------------------------------------------------------------------------------------

export interface LenderMatch {
  /** The brand matched (null when the query named an entity directly). */
  brand: LenderBrand | null;
  entity: LenderEntity;
  /** Type of this (brand, entity) pair: 'credit_card' for a card brand, else the entity's own type. */
  type: RegistryLenderType;
  /** True when the brand lends through several entities and this is one of them (the contract says which). */
  multiLender: boolean;
  /** Source and status of the match: the brand → entity mapping for a brand, the entity itself otherwise. */
  source: string;
  status: LenderFactStatus;
  /** How the query matched: exact (whole name) or partial (a name inside the query, or the query inside a name). */
  how: 'exact' | 'partial';
  /** The registry name that matched. */
  matched: string;
  score: number;
}

function matchesFor(k: Key, how: 'exact' | 'partial', score: number): LenderMatch[] {
  if (k.brand) {
    const b = k.brand;
    return b.entities.map((id, i) => {
      const e = getLenderEntity(id);
      return {
        brand: b,
        entity: e,
        type: b.type === 'credit_card' ? 'credit_card' : e.type,
        multiLender: b.multiLender,
        source: b.source,
        status: b.status,
        how,
        matched: b.name,
        // Keep the brand's order of entities (lenders first) among equal scores.
        score: score - i * 0.001,
      };
    });
  }
  const e = k.entity!;
  return [{ brand: null, entity: e, type: e.type, multiLender: false, source: e.source, status: e.status, how, matched: e.name, score }];
}

/**
 * Lenders a name may refer to, best match first: one entry per (brand, entity). A multi-lender brand returns every
 * entity the registry lists for it, each marked multiLender. Returns [] for names that are not lenders.
 */
export function findLender(name: string): LenderMatch[] {
  const q = normalizeLenderName(name ?? '');
  if ([...q].length < 2) return [];
  const keys = index();
  const found: LenderMatch[] = [];
  const exact = keys.filter((k) => k.key === q);
  for (const k of exact) found.push(...matchesFor(k, 'exact', KIND_SCORE[k.kind]));
  if (!exact.length) {
    if (AUTHORITY_WORDS.some((w) => q.includes(w))) return [];
    if (isOnlyGeneric(q)) return [];
    for (const k of keys) {
      if (k.exactOnly) continue;
      const kl = [...k.key].length;
      const ql = [...q].length;
      if (q.includes(k.key)) {
        // A registry name inside the query (招联金融客服中心, 借呗逾期): the longer the name, the surer the match.
        found.push(...matchesFor(k, 'partial', 50 + Math.min(kl, 20) * 2 - (KIND_SCORE.brand - KIND_SCORE[k.kind])));
      } else if (k.key.includes(q) && !isOnlyGeneric(q)) {
        // The query inside a registry name (微众 → 微众银行): better the more of the name it covers.
        found.push(...matchesFor(k, 'partial', 30 + Math.round((ql / kl) * 20) - (KIND_SCORE.brand - KIND_SCORE[k.kind])));
      }
    }
  }
  // One entry per (brand, entity), keeping its best score.
  const best = new Map<string, LenderMatch>();
  for (const m of found) {
    const id = `${m.brand?.id ?? ''}|${m.entity.id}`;
    const prev = best.get(id);
    if (!prev || prev.score < m.score) best.set(id, m);
  }
  const list = [...best.values()];
  // An entity matched directly is dropped when a brand match already returns it with a better score.
  const viaBrand = new Map<string, number>();
  for (const m of list) if (m.brand) viaBrand.set(m.entity.id, Math.max(viaBrand.get(m.entity.id) ?? -1, m.score));
  return list
    .filter((m) => m.brand || !(viaBrand.get(m.entity.id)! > m.score))
    .sort((a, b) => b.score - a.score || (a.brand?.name ?? a.entity.name).localeCompare(b.brand?.name ?? b.entity.name, 'zh'));
}

// ---------------------------------------------------------------------------------------------
// Names inside a text, and published service numbers
// ---------------------------------------------------------------------------------------------

/** Registry names (brands, aliases, registered and short names) of two characters or more, by their first two characters. */
let TEXT_INDEX: Map<string, string[]> | null = null;

function textIndex(): Map<string, string[]> {
  if (TEXT_INDEX) return TEXT_INDEX;
  const names = new Set<string>();
  for (const e of LENDER_ENTITIES) for (const n of [e.name, ...e.shortNames, ...(e.aliases ?? [])]) names.add(n.normalize('NFKC').toLowerCase());
  for (const b of LENDER_BRANDS) for (const n of [b.name, ...(b.aliases ?? [])]) names.add(n.normalize('NFKC').toLowerCase());
  const m = new Map<string, string[]>();
  for (const n of names) {
    if ([...n].length < 2 || /\s/.test(n)) continue;
    const k = n.slice(0, 2);
    m.set(k, [...(m.get(k) ?? []), n]);
  }
  for (const v of m.values()) v.sort((a, b) => b.length - a.length);
  TEXT_INDEX = m;
  return m;
}

/**
 * Registry names that occur in a text (a message), longest first at each place, as written in the registry
 * (exact-only aliases such as 马上 are never looked for). Linear in the text: one map lookup per character.
 * Each name found still goes through findLender for its entities.
 */
export function lenderNamesIn(text: string): string[] {
  const t = text.normalize('NFKC').toLowerCase();
  const ix = textIndex();
  const out = new Set<string>();
  for (let i = 0; i < t.length - 1; ) {
    const cands = ix.get(t.slice(i, i + 2));
    const hit = cands?.find((n) => t.startsWith(n, i));
    if (hit) {
      out.add(hit);
      i += hit.length;
    } else i++;
  }
  return [...out];
}

let SERVICE_INDEX: Map<string, { entityId: string | null; brandId: string | null }[]> | null = null;

/**
 * The entities and brands that publish this number (digits only: 95384, 4001066166). A platform's number (95188 …)
 * belongs to the brand, not to a lender (the registry's note says so).
 */
export function lendersByServiceNumber(number: string): { entity: LenderEntity | null; brand: LenderBrand | null }[] {
  if (!SERVICE_INDEX) {
    const m = new Map<string, { entityId: string | null; brandId: string | null }[]>();
    const put = (n: string, v: { entityId: string | null; brandId: string | null }) => {
      const k = n.replace(/\D/g, '');
      if (k.length >= 5) m.set(k, [...(m.get(k) ?? []), v]);
    };
    for (const e of LENDER_ENTITIES) for (const n of e.serviceNumbers) put(n.number, { entityId: e.id, brandId: null });
    for (const b of LENDER_BRANDS) for (const n of b.serviceNumbers ?? []) put(n.number, { entityId: null, brandId: b.id });
    SERVICE_INDEX = m;
  }
  const k = number.replace(/\D/g, '');
  return (SERVICE_INDEX.get(k) ?? []).map((v) => ({ entity: v.entityId ? getLenderEntity(v.entityId) : null, brand: v.brandId ? getLenderBrand(v.brandId) : null }));
}

// ---------------------------------------------------------------------------------------------
// Checks used by the tests and by docs/lenders.md counts
// ---------------------------------------------------------------------------------------------

export const CHANNEL_IDS: ReadonlySet<string> = new Set(CHANNELS.map((c) => c.id));

/** Counts by type and status, for docs and reports. */
export function registryCounts(): {
  entities: number;
  brands: number;
  entitiesByType: Record<string, number>;
  entitiesByStatus: Record<LenderFactStatus, number>;
  brandsByStatus: Record<LenderFactStatus, number>;
  multiLenderBrands: number;
  serviceNumbers: Record<LenderFactStatus, number>;
} {
  const byType: Record<string, number> = {};
  const es: Record<LenderFactStatus, number> = { verified: 0, secondary: 0, unverified: 0 };
  const bs: Record<LenderFactStatus, number> = { verified: 0, secondary: 0, unverified: 0 };
  const ns: Record<LenderFactStatus, number> = { verified: 0, secondary: 0, unverified: 0 };
  const nums = (xs: ServiceNumber[] | undefined) => (xs ?? []).forEach((n) => ns[n.status]++);
  for (const e of LENDER_ENTITIES) {
    byType[e.type] = (byType[e.type] ?? 0) + 1;
    es[e.status]++;
    nums(e.serviceNumbers);
  }
  for (const b of LENDER_BRANDS) {
    bs[b.status]++;
    nums(b.serviceNumbers);
  }
  return {
    entities: LENDER_ENTITIES.length,
    brands: LENDER_BRANDS.length,
    entitiesByType: byType,
    entitiesByStatus: es,
    brandsByStatus: bs,
    multiLenderBrands: LENDER_BRANDS.filter((b) => b.multiLender).length,
    serviceNumbers: ns,
  };
}
