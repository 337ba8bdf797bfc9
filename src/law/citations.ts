/**
 * The citation registry: every article or item that docs/law/cn-law.md gives text or facts for,
 * with the reference's status for that item. The reference is the only source: nothing here is written from memory.
 *
 * Ids are stable: `<document>.<article>` (e.g. "cfc-2024.art56", "criminal-law.art293-1" for 第二百九十三条之一,
 * "psl-2025.art50.item5" for 第五十条第一款第（五）项), or `<document>.<topic>` where the reference gives no article number
 * (e.g. "gbt-45251-2025.night"). A document-level id (e.g. "gbt-45251-2025") summarises the whole document.
 *
 * Citations marked 'unverified' are kept so that rules and the coverage note can name them, but the reference says
 * they must not be shown to users as law until checked (see isCitable in index.ts).
 */
import type { Citation } from '../domain/law.js';
import { CITATIONS_A } from './citations-a.js';
import { CITATIONS_B } from './citations-b.js';
import { CITATIONS_C, CITATIONS_D } from './citations-cd.js';

export const CITATIONS: readonly Citation[] = [...CITATIONS_A, ...CITATIONS_B, ...CITATIONS_C, ...CITATIONS_D];
