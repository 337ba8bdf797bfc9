/**
 * The monthly budget: income, essential spending, and what is left for debts. Integer fen. Hardship facts
 * (job loss, illness…) are kept as the person states them, for the letters; the plan never guesses them.
 */
import type { Fen } from '../money.js';

export const INCOME_KEYS = ['salary', 'irregular', 'family', 'other'] as const;
export const SPEND_KEYS = ['rent', 'food', 'utilities', 'transport', 'phone', 'medical', 'children', 'parents', 'other'] as const;
export type IncomeKey = (typeof INCOME_KEYS)[number];
export type SpendKey = (typeof SPEND_KEYS)[number];

export const HARDSHIP_KEYS = ['job_loss', 'income_cut', 'illness', 'family_illness', 'business_failure', 'other'] as const;
export type HardshipKey = (typeof HARDSHIP_KEYS)[number];

export interface Hardship {
  kind: HardshipKey;
  /** YYYY-MM-DD, when it began; optional. */
  since?: string | null;
  /** In the person's own words. */
  note?: string | null;
}

export interface Budget {
  /** Monthly income by key; irregular income as a monthly average. */
  income: Partial<Record<IncomeKey, Fen>>;
  /** Essential monthly spending by key. */
  spending: Partial<Record<SpendKey, Fen>>;
  hardship: Hardship[];
}

/**
 * Starting values for a new budget: essential spending a person can change. They are not statistics,
 * only a start so that the page is never empty (food 1 500, utilities 200, transport 200, phone 100 yuan
 * a month); every figure is shown and editable, and the plan uses what the person leaves there.
 */
export const DEFAULT_SPENDING: Readonly<Partial<Record<SpendKey, Fen>>> = { food: 150_000, utilities: 20_000, transport: 20_000, phone: 10_000 };

export function emptyBudget(): Budget {
  return { income: {}, spending: { ...DEFAULT_SPENDING }, hardship: [] };
}

function sum(r: Partial<Record<string, Fen>>): Fen {
  let s = 0;
  for (const v of Object.values(r)) s += v ?? 0;
  return s;
}

export interface BudgetTotals {
  income_fen: Fen;
  spending_fen: Fen;
  /** income − spending; negative when spending is more than income. */
  left_fen: Fen;
  /** What a plan can use each month: max(0, left). */
  surplus_fen: Fen;
}

export function budgetTotals(b: Budget): BudgetTotals {
  const income = sum(b.income);
  const spending = sum(b.spending);
  return { income_fen: income, spending_fen: spending, left_fen: income - spending, surplus_fen: Math.max(0, income - spending) };
}

/** Checks and normalises a budget from outside (API body, stored JSON); throws RangeError naming the field. */
export function checkBudget(v: unknown): Budget {
  const o = (v ?? {}) as Record<string, unknown>;
  const money = (r: unknown, keys: readonly string[], field: string): Record<string, Fen> => {
    const out: Record<string, Fen> = {};
    if (r == null) return out;
    if (typeof r !== 'object') throw new RangeError(`${field}: expected an object of amounts in fen`);
    for (const [k, x] of Object.entries(r as Record<string, unknown>)) {
      if (!keys.includes(k)) throw new RangeError(`${field}.${k}: unknown key; expected one of ${keys.join(', ')}`);
      if (x == null) continue;
      if (typeof x !== 'number' || !Number.isSafeInteger(x) || x < 0 || x > 1e13) throw new RangeError(`${field}.${k}: expected a non-negative integer number of fen`);
      out[k] = x;
    }
    return out;
  };
  const hardship: Hardship[] = [];
  if (o.hardship != null) {
    if (!Array.isArray(o.hardship) || o.hardship.length > 20) throw new RangeError('hardship: expected a list (at most 20)');
    for (const [i, h] of (o.hardship as unknown[]).entries()) {
      const x = (h ?? {}) as Record<string, unknown>;
      if (!(HARDSHIP_KEYS as readonly unknown[]).includes(x.kind)) throw new RangeError(`hardship.${i}.kind: expected one of ${HARDSHIP_KEYS.join(', ')}`);
      if (x.since != null && (typeof x.since !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(x.since))) throw new RangeError(`hardship.${i}.since: expected YYYY-MM-DD`);
      if (x.note != null && (typeof x.note !== 'string' || x.note.length > 2000)) throw new RangeError(`hardship.${i}.note: at most 2000 characters`);
      hardship.push({ kind: x.kind as HardshipKey, since: (x.since as string | null | undefined) ?? null, note: (x.note as string | null | undefined) ?? null });
    }
  }
  return { income: money(o.income, INCOME_KEYS, 'income'), spending: money(o.spending, SPEND_KEYS, 'spending'), hardship };
}
