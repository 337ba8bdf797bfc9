/**
 * Pieces of finding sentences. Only facts of the case go in: counts, local dates, masked numbers, amounts.
 * Never message text, never a contact's name or full number.
 */
import { maskNumber as maskCollectorNumber } from '../collection/collectors.js';
import type { Text2 } from '../law.js';
import { formatYuan } from '../money.js';

/** 13812345678 → 138****5678; short codes keep their first and last digit. */
export function maskNumber(n: string): string {
  return maskCollectorNumber(n);
}

/** Fen → "1,234.56" (yuan, two decimals). */
export function yuan(fen: number): string {
  return formatYuan(fen);
}

/** "2024-06-01" or "2024-06-01 至 2024-06-12" / "from 2024-06-01 to 2024-06-12". */
export function period(from: string, to: string): Text2 {
  if (from === to) return { zh: from, en: `on ${from}` };
  return { zh: `${from} 至 ${to}`, en: `from ${from} to ${to}` };
}

/** Up to `max` masked numbers, then "等 N 个" / "and N more". */
export function numberList(nums: readonly string[], max = 3): Text2 {
  const shown = nums.slice(0, max).map(maskNumber);
  const rest = nums.length - shown.length;
  return {
    zh: shown.join('、') + (rest > 0 ? ` 等 ${nums.length} 个号码` : ''),
    en: shown.join(', ') + (rest > 0 ? ` and ${rest} more` : ''),
  };
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
