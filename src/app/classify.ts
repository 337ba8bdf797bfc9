import { classify, loadModel } from '../domain/collection/classifier/index.js';
import type { Recipient } from '../domain/collection/types.js';

export interface ClassifyLineResult {
  id: string;
  labels: string[];
  spans: Record<string, [number, number][]>;
}

/** One line of `huxun classify`: {"id","text","to"?} → {"id","labels","spans"}; errors name the line. */
export function classifyJsonlLine(line: string, lineNo: number, file: string): { result: ClassifyLineResult } | { error: string } {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return { error: `${file}:${lineNo}: not valid JSON` };
  }
  if (!v || typeof v !== 'object') return { error: `${file}:${lineNo}: expected an object` };
  const o = v as { id?: unknown; text?: unknown; to?: unknown };
  if (typeof o.text !== 'string') return { error: `${file}:${lineNo}: "text" must be a string` };
  const to = o.to === undefined || o.to === null ? 'unknown' : o.to;
  if (to !== 'debtor' && to !== 'third_party' && to !== 'unknown') return { error: `${file}:${lineNo}: "to" must be debtor, third_party or unknown` };
  const c = classify(o.text, to as Recipient);
  return { result: { id: String(o.id ?? lineNo), labels: c.labels, spans: c.spans as Record<string, [number, number][]> } };
}

/**
 * Builds the classifier's lazy tables (the traditional→simplified map, character flags) once. The
 * server calls it right after it starts listening, so that the first import does not block every
 * other request for the ~150 ms (more under load) that building them takes, and loads the linear model.
 */
export function warmClassifier(): void {
  loadModel();
  classify('您的借款已逾期，请尽快還款', 'debtor');
}
