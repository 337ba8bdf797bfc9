/**
 * The lender's demand read from its collectors' messages ("您在XX的欠款共计12,345.67元已逾期"): the latest message
 * that names an amount owed. Only wording that says the amount is what is owed or due counts (欠款, 应还, 待还,
 * 未还, 逾期金额, 欠费, 还款金额, 共计/合计 after one of them…); a bare amount, a fee or a penalty alone does not.
 * The person sees where the figure came from and can replace it with the demand they know.
 */
import type { Fen } from '../money.js';

export interface DemandMessage {
  id: number;
  /** Epoch ms. */
  at: number;
  text: string | null;
}

export interface Demand {
  amountFen: Fen;
  eventId: number;
  at: number;
}

const KEY = '(?:欠款|欠费|应还|待还|未还|逾期金额|逾期款项?|还款金额|应还款|所欠|拖欠)';
const AMOUNT = '(?:人民币|RMB|¥|￥)?\\s*(\\d{1,3}(?:[,，]\\d{3})+|\\d{1,9})(?:\\.(\\d{1,2}))?\\s*(?:元|块)';
// The key, then at most 12 characters that are not digits or sentence ends (共计, 金额为, 本息合计…), then the amount.
const DEMAND_RE = new RegExp(`${KEY}[^\\d。！!？?；;\\n]{0,12}?${AMOUNT}`);

/** The amount a message demands, in fen, or null. Bounded: one regular expression over at most 2 000 characters. */
export function demandInText(text: string): Fen | null {
  const m = DEMAND_RE.exec(text.slice(0, 2000));
  if (!m) return null;
  const yuan = Number(m[1]!.replace(/[,，]/g, ''));
  const fen = yuan * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return fen > 0 && Number.isSafeInteger(fen) ? fen : null;
}

/** The latest demand among the messages (ties: the higher id). */
export function latestDemand(messages: readonly DemandMessage[]): Demand | null {
  let best: Demand | null = null;
  for (const m of messages) {
    if (!m.text) continue;
    if (best && (m.at < best.at || (m.at === best.at && m.id < best.eventId))) continue;
    const fen = demandInText(m.text);
    if (fen !== null) best = { amountFen: fen, eventId: m.id, at: m.at };
  }
  return best;
}
