/**
 * The registry (src/law/lenders*.ts) as collector grouping needs it: a name or a number → the lender it names, or
 * null. Only what the registry knows becomes a lender; a query that is merely part of a registry name (平安, 360借) is a
 * guess and returns null, and a brand that lends through several entities names no entity (the contract says which).
 */
import type { LenderIdentity } from '../domain/collection/collectors.js';
import {
  findLender, getLenderBrand, getLenderEntity, lenderNamesIn, lendersByServiceNumber, normalizeLenderName,
  type LenderBrand, type LenderEntity, type LenderMatch,
} from '../law/lenders.js';

function entityNames(e: LenderEntity): string[] {
  return [e.name, ...e.shortNames, ...(e.aliases ?? [])];
}

function brandIdentity(b: LenderBrand): LenderIdentity {
  const entities = b.entities.map(getLenderEntity);
  // A single-lender brand lends through its first entity (the rest are a guarantor or the platform operator).
  const lender = b.multiLender ? null : entities[0] ?? null;
  return {
    name: b.name,
    entityId: lender?.id ?? null,
    brandId: b.id,
    names: [b.name, ...(b.aliases ?? []), ...(lender ? entityNames(lender) : entities.filter((e) => e.type !== 'guarantee' && e.type !== 'platform').flatMap((e) => [e.name, ...e.shortNames]))],
  };
}

function entityIdentity(e: LenderEntity): LenderIdentity {
  return { name: e.name, entityId: e.id, brandId: null, names: entityNames(e) };
}

/** Does the query hold one of the match's registry names whole (招联金融客服中心 holds 招联金融; 平安 holds none)? */
function holdsName(query: string, m: LenderMatch): boolean {
  const q = normalizeLenderName(query);
  const names = m.brand ? [m.brand.name, ...(m.brand.aliases ?? [])] : entityNames(m.entity);
  return names.some((n) => {
    const k = normalizeLenderName(n);
    return k.length >= 2 && q.includes(k);
  });
}

/** Lookups by name, remembered: a timeline repeats the same signatures and names thousands of times. */
const MEMO = new Map<string, LenderIdentity | null>();
const MEMO_MAX = 50_000;

/** The lender a name (a signature, a brand in a message) names, per the registry; null when it names none for sure. */
export function identifyLender(name: string): LenderIdentity | null {
  const hit = MEMO.get(name);
  if (hit !== undefined) return hit;
  const v = lookup(name);
  if (MEMO.size >= MEMO_MAX) MEMO.clear();
  MEMO.set(name, v);
  return v;
}

function lookup(name: string): LenderIdentity | null {
  const ms = findLender(name);
  const best = ms[0];
  if (!best) return null;
  if (best.how === 'partial' && !holdsName(name, best)) return null;
  return best.brand ? brandIdentity(best.brand) : entityIdentity(best.entity);
}

/** The lender whose published service number this is (an entity's own number first). */
export function lenderByServiceNumber(number: string): LenderIdentity | null {
  const hits = lendersByServiceNumber(number);
  const e = hits.find((h) => h.entity)?.entity;
  if (e) return entityIdentity(e);
  const b = hits.find((h) => h.brand)?.brand;
  return b ? brandIdentity(b) : null;
}

/** Registry names a message contains. */
export const registryNamesIn = lenderNamesIn;

/** What the registry says about a collector's lender, for views and documents. */
export function registryFacts(entityId: string | null | undefined, brandId: string | null | undefined) {
  const entity = entityId ? safe(() => getLenderEntity(entityId)) : null;
  const brand = brandId ? safe(() => getLenderBrand(brandId)) : null;
  return { entity, brand };
}

function safe<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}
