/**
 * What a lender's own regulator enforces on that kind of lender, by citation id (facts from src/law; test/documents-law.test.ts
 * checks every id exists and may be cited in an outgoing document). From docs/law/cn-law.md:
 * - consumer finance companies: 消费金融公司管理办法 第五十六条 (no violence, threats, intimidation, harassment; no third
 *   parties) and 第五十七条 (responsible for its collectors, must name them), 第五十五条 (personal information) (A1);
 * - credit cards: 信用卡办法 第六十八条 (only the debtor and guarantor; no violence, coercion, intimidation, insults), 第三条 (A2);
 * - banks (internet loans): 互联网贷款办法 第五十六条 (no collectors with violent records, no third parties), 第三十四条 (A3);
 * - loan platforms: 助贷通知 item 一 (loan facilitation is internet lending under the bank rules) and 互联网贷款办法 第五十六条 (A6, A3);
 * - microloan companies: the microloan measures' content is UNVERIFIED (A11, not citable); the 2017 现金贷 notice items (五)
 *   and (六), quoted word for word (D3, SECONDARY), bind "各类机构" lending cash loans, microloan companies among them.
 * Financing-guarantee companies, private lenders and others: nothing the reference lets a letter cite.
 */
import type { DocumentLenderType } from './lenders.js';

export interface RegulatorRules {
  /** Collection conduct (violence, threats, harassment, third parties, collectors). */
  conduct: readonly string[];
  /** Personal information (contact lists, third parties' data). */
  pi: readonly string[];
}

export const REGULATOR_RULES: Record<DocumentLenderType, RegulatorRules> = {
  consumer_finance: { conduct: ['cfc-2024.art56', 'cfc-2024.art57'], pi: ['cfc-2024.art55'] },
  credit_card: { conduct: ['credit-card-2011.art68'], pi: ['credit-card-2011.art3'] },
  bank: { conduct: ['internet-loan-2020.art56'], pi: ['internet-loan-2020.art34'] },
  internet_bank: { conduct: ['internet-loan-2020.art56'], pi: ['internet-loan-2020.art34'] },
  platform: { conduct: ['zhudai-2025.item1', 'internet-loan-2020.art56'], pi: ['internet-loan-2020.art34'] },
  microloan: { conduct: ['cash-loan-2017.item5'], pi: ['cash-loan-2017.item6'] },
  guarantee: { conduct: [], pi: [] },
  private: { conduct: [], pi: [] },
  other: { conduct: [], pi: [] },
};
